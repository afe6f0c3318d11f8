import Foundation

/// Finds JSONTestSuite's `test_parsing` folder, kept in the repository under
/// `Tests/ImtopCoreTests/Conformance` (MIT, with its LICENSE).
enum JSONConformanceFiles {
  struct Missing: Error, CustomStringConvertible {
    var description: String
  }

  static func directory() throws -> URL {
    guard let root = ReaderTestSupport.conformanceDirectory() else {
      throw Missing(description: "JSONTestSuite not found: expected a package root above the test sources")
    }
    let folder = root.appendingPathComponent("json-test-suite/test_parsing")
    guard FileManager.default.fileExists(atPath: folder.path) else {
      throw Missing(description: "JSONTestSuite not found: expected \(folder.path)")
    }
    return folder
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
