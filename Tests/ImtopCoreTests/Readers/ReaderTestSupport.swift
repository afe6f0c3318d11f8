import Foundation
import Testing

@testable import ImtopCore

/// Paths and scratch folders for the reader tests, found from this file's own path so that the tests
/// run the same from any working directory.
enum ReaderTestSupport {
  /// The package root: the nearest folder above this file that holds `Package.swift`.
  static func packageRoot(from file: String = #filePath) -> URL? {
    var url = URL(fileURLWithPath: file).deletingLastPathComponent()
    while url.path != "/" {
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
      url = url.deletingLastPathComponent()
    }
    return nil
  }

  /// `Tests/ImtopCoreTests/Conformance`: the public parser suites (JSONTestSuite, csv-spectrum),
  /// copied into the repository with their licences (see its NOTICE).
  static func conformanceDirectory() -> URL? {
    packageRoot()?.appendingPathComponent("Tests/ImtopCoreTests/Conformance")
  }

  /// A fixture data directory under `Tests/ImtopCoreTests/Fixtures/`.
  static func fixture(_ name: String) -> URL? {
    packageRoot()?.appendingPathComponent("Tests/ImtopCoreTests/Fixtures/\(name)")
  }

  /// A new empty folder, holding `files` (relative path to contents), removed by the caller.
  static func temporaryDirectory(_ files: [String: String] = [:]) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("imtop-readers-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    for (path, text) in files {
      let file = url.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: file)
    }
    return url
  }

  static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

  /// The messages of a reading's issues, as `line: message`.
  static func messages(_ issues: [DataIssue]) -> [String] {
    issues.map { "\($0.line.map(String.init) ?? "-"): \($0.message)" }
  }
}

/// A UTC instant from its civil fields, for expected values worked out by hand.
func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0) -> Timestamp {
  CivilTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second).utcTimestamp
}
