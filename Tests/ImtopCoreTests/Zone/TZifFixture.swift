import Foundation
import ImtopTestSupport

/// A TZif file written byte by byte as RFC 8536 lays it out, for zones the tests make up: a version 2
/// file carries an empty version 1 block, then the 64-bit data and the footer; a version 1 file
/// carries its transitions in the 32-bit block alone.
struct TZifFixture {
  struct LocalType {
    var offset: Int32
    var isDaylightSaving = false
    var abbreviation: String
  }

  var types: [LocalType]
  /// Seconds since the epoch, with the index of the type from then on.
  var transitions: [(at: Int64, type: UInt8)] = []
  var footer: String = ""
  var version1Only = false

  var bytes: [UInt8] {
    guard !version1Only else { return header(version: 0, transitions: transitions.count) + block(timeSize: 4) }
    // An empty version 1 block (one type, as RFC 8536 requires at least one), then the real data.
    let empty = TZifFixture(types: [types[0]])
    return header(version: UInt8(ascii: "2"), transitions: 0, of: empty) + empty.block(timeSize: 4)
      + header(version: UInt8(ascii: "2"), transitions: transitions.count) + block(timeSize: 8)
      + Array("\n\(footer)\n".utf8)
  }

  private var abbreviations: [UInt8] { types.flatMap { Array($0.abbreviation.utf8) + [0] } }

  private func header(version: UInt8, transitions: Int, of fixture: TZifFixture? = nil) -> [UInt8] {
    let fixture = fixture ?? self
    let counts = [0, 0, 0, transitions, fixture.types.count, fixture.abbreviations.count]
    return Array("TZif".utf8) + [version] + [UInt8](repeating: 0, count: 15) + counts.flatMap { Self.bigEndian(Int64($0), size: 4) }
  }

  private func block(timeSize: Int) -> [UInt8] {
    var bytes = transitions.flatMap { Self.bigEndian($0.at, size: timeSize) } + transitions.map(\.type)
    var abbreviationIndex = 0
    for type in types {
      bytes += Self.bigEndian(Int64(type.offset), size: 4) + [type.isDaylightSaving ? 1 : 0, UInt8(abbreviationIndex)]
      abbreviationIndex += type.abbreviation.utf8.count + 1
    }
    return bytes + abbreviations
  }

  private static func bigEndian(_ value: Int64, size: Int) -> [UInt8] {
    (0..<size).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
  }

  /// Writes the file as `identifier` (folders included) under a zoneinfo folder of the test's own.
  func write(as identifier: String, in directory: TemporaryDirectory) throws {
    let target = directory.file(identifier)
    try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: target)
  }
}
