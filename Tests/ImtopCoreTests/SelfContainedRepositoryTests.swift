import Foundation
import Testing

/// A clone of the repository must be all the tests need: nothing may refer to a folder beside it.
///
/// A development machine can have reference material next to the checkout, and a test that reads
/// from there passes on that machine and fails on every user's clone; this test fails first.
@Suite struct SelfContainedRepositoryTests {
  /// The spellings of a path out of the repository to its neighbour, assembled so that this file
  /// does not match itself.
  static let outsideReferences = [".." + "/shared", "shared" + "/conformance"]

  @Test func nothingRefersToAFolderBesideTheRepository() throws {
    let root = try #require(ReaderTestSupport.packageRoot())
    var offenders: [String] = []
    for top in ["Package.swift", "README.md", "Sources", "Tests", "Fuzz", "Scripts", ".ci", "docs"] {
      for file in Self.textFiles(under: root.appendingPathComponent(top)) {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
        for reference in Self.outsideReferences where text.contains(reference) {
          offenders.append("\(file.path.dropFirst(root.path.count + 1)): \(reference)")
        }
      }
    }
    #expect(offenders.isEmpty, "files referring outside the repository: \(offenders)")
  }

  @Test func conformanceSuitesShipWithTheirLicences() throws {
    let folder = try #require(ReaderTestSupport.conformanceDirectory())
    let manager = FileManager.default
    #expect(manager.fileExists(atPath: folder.appendingPathComponent("json-test-suite/LICENSE").path))
    let notice = try String(contentsOf: folder.appendingPathComponent("NOTICE"), encoding: .utf8)
    #expect(notice.contains("csv-spectrum") && notice.contains("BSD 2-Clause"))
  }

  /// Every file below `url` (or `url` itself), skipping build folders and the conformance data.
  static func textFiles(under url: URL) -> [URL] {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return [] }
    guard isFolder.boolValue else { return [url] }
    let skipped: Set<String> = [".build", "Conformance", "Golden"]
    var files: [URL] = []
    let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isDirectoryKey])
    while let next = walker?.nextObject() as? URL {
      if skipped.contains(next.lastPathComponent) || next.lastPathComponent.hasPrefix(".build") {
        walker?.skipDescendants()
        continue
      }
      if (try? next.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == false { files.append(next) }
    }
    return files
  }
}
