import Foundation

/// Finds JSONTestSuite's `test_parsing` folder: up from this file to the package root (the folder
/// holding `Package.swift`), then `shared/conformance` beside it or beside one of its ancestors.
enum JSONConformanceFiles {
  struct Missing: Error, CustomStringConvertible {
    var description: String
  }

  static func directory(filePath: String = #filePath) throws -> URL {
    var folder = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    let manager = FileManager.default
    while folder.path != "/" && !manager.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
      folder = folder.deletingLastPathComponent()
    }
    var ancestor = folder.deletingLastPathComponent()
    while true {
      let candidate = ancestor.appendingPathComponent("shared/conformance/json-test-suite/test_parsing")
      if manager.fileExists(atPath: candidate.path) { return candidate }
      if ancestor.path == "/" { break }
      ancestor = ancestor.deletingLastPathComponent()
    }
    throw Missing(description: "JSONTestSuite not found: expected ../shared/conformance/json-test-suite/test_parsing beside the package root \(folder.path)")
  }

  /// The files of the suite whose names start with `prefix` (`y_`, `n_`, `i_`), sorted.
  static func files(prefix: String) throws -> [URL] {
    let folder = try directory()
    return try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }
      .sorted()
      .map { folder.appendingPathComponent($0) }
  }
}
