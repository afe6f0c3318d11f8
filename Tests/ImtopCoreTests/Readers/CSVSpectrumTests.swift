import Foundation
import Testing

@testable import ImtopCore

/// csv-spectrum, the public CSV acid tests: every file must parse to exactly its expected records.
@Suite struct CSVSpectrumTests {
  /// The suite's expected file for `location_coordinates` gives the phone number as 1234567890
  /// while its CSV writes 2095257564 (an upstream slip, kept as published); that one value is
  /// compared against the CSV instead.
  static let upstreamErrata: [String: [String: String]] = [
    "location_coordinates": ["Contact Phone Number": "2095257564"]
  ]

  static func caseNames() -> [String] {
    guard let directory = ReaderTestSupport.conformanceDirectory()?.appendingPathComponent("csv-spectrum/csvs"),
      let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
    else { return [] }
    return names.filter { $0.hasSuffix(".csv") }.map { String($0.dropLast(4)) }.sorted()
  }

  @Test func suiteIsPresent() throws {
    let directory = try #require(
      ReaderTestSupport.conformanceDirectory(),
      "csv-spectrum not found: expected Tests/ImtopCoreTests/Conformance/csv-spectrum")
    #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("csv-spectrum/csvs").path))
    // The published suite has 12 cases; fewer means a damaged copy.
    #expect(Self.caseNames().count == 12)
  }

  @Test(arguments: caseNames())
  func parsesToExpectedRecords(name: String) throws {
    let root = try #require(ReaderTestSupport.conformanceDirectory()).appendingPathComponent("csv-spectrum")
    let csv = try Data(contentsOf: root.appendingPathComponent("csvs/\(name).csv"))
    let json = try Data(contentsOf: root.appendingPathComponent("json/\(name).json"))
    var expected = try Self.expectedRecords(json)
    for (column, value) in Self.upstreamErrata[name] ?? [:] {
      for index in expected.indices { expected[index][column] = value }
    }

    let document = try CSVParser.parse([UInt8](csv))
    let header = try #require(document.header).fields
    var actual: [[String: String]] = []
    for entry in document.entries {
      guard case .record(let record) = entry else {
        Issue.record("\(name): unexpected malformed record \(entry)")
        continue
      }
      #expect(record.fields.count == header.count, "\(name): line \(record.line)")
      actual.append(Dictionary(uniqueKeysWithValues: zip(header, record.fields)))
    }
    #expect(actual == expected, "\(name)")
  }

  /// The expected records: an array of objects, or (in one case) a single object.
  static func expectedRecords(_ json: Data) throws -> [[String: String]] {
    let value = try JSONSerialization.jsonObject(with: json)
    if let array = value as? [[String: String]] { return array }
    if let object = value as? [String: String] { return [object] }
    throw CocoaError(.coderReadCorrupt)
  }
}
