/// Reads a TZif file (RFC 8536): the version 2+ data with 64-bit times and the footer rule, or the
/// 32-bit version 1 data of an old file that has nothing else. Leap-second records are skipped: the
/// program's instants are POSIX time, which has none.
enum TZifParser {
  static func parse(_ bytes: [UInt8]) throws(ZoneError.Reason) -> ZoneRules {
    var reader = ByteReader(bytes: bytes)
    let first = try Header(&reader)
    guard first.version != 0 else {
      let block = try DataBlock(&reader, header: first, timeSize: 4)
      return block.rules(footer: nil)
    }
    try reader.skip(first.dataSize(timeSize: 4), what: "the version 1 data")
    let second = try Header(&reader)
    let block = try DataBlock(&reader, header: second, timeSize: 8)
    return block.rules(footer: try footer(&reader))
  }

  /// The footer: a TZ rule between two newlines, nil when empty (no rule for later instants).
  private static func footer(_ reader: inout ByteReader) throws(ZoneError.Reason) -> POSIXZoneRule? {
    guard try reader.byte(what: "the footer") == UInt8(ascii: "\n") else {
      throw .malformed("the footer does not start with a newline")
    }
    var text: [UInt8] = []
    while true {
      let byte = try reader.byte(what: "the footer's closing newline")
      if byte == UInt8(ascii: "\n") { break }
      text.append(byte)
    }
    return text.isEmpty ? nil : try POSIXZoneRule(parsing: String(decoding: text, as: UTF8.self))
  }

  private struct Header {
    var version: UInt8
    var isUTCCount, isStandardCount, leapCount, timeCount, typeCount, characterCount: Int

    init(_ reader: inout ByteReader) throws(ZoneError.Reason) {
      guard reader.remaining >= 44, Array(reader.bytes[reader.position..<(reader.position + 4)]) == Array("TZif".utf8) else {
        throw .malformed("not a TZif file (it does not start with \"TZif\")")
      }
      reader.position += 4
      let version = try reader.byte(what: "the version")
      guard version == 0 || version >= UInt8(ascii: "2") else {
        throw .malformed("unknown TZif version byte \(version)")
      }
      self.version = version
      try reader.skip(15, what: "the header")
      isUTCCount = try reader.count()
      isStandardCount = try reader.count()
      leapCount = try reader.count()
      timeCount = try reader.count()
      typeCount = try reader.count()
      characterCount = try reader.count()
      guard (1...256).contains(typeCount), characterCount >= 1,
        isUTCCount == 0 || isUTCCount == typeCount, isStandardCount == 0 || isStandardCount == typeCount
      else {
        throw .malformed("inconsistent counts in the header (\(typeCount) local time types, \(characterCount) abbreviation bytes)")
      }
    }

    func dataSize(timeSize: Int) -> Int {
      timeCount * (timeSize + 1) + typeCount * 6 + characterCount + leapCount * (timeSize + 4) + isStandardCount + isUTCCount
    }
  }

  private struct DataBlock {
    var transitions: [Int64] = []
    var transitionTypes: [UInt8] = []
    var types: [LocalTimeType] = []

    init(_ reader: inout ByteReader, header: Header, timeSize: Int) throws(ZoneError.Reason) {
      guard reader.remaining >= header.dataSize(timeSize: timeSize) else {
        throw .malformed("the file ends inside its data (\(header.timeCount) transitions announced)")
      }
      for _ in 0..<header.timeCount {
        let time = try reader.signed(size: timeSize)
        if let previous = transitions.last, time <= previous {
          throw .malformed("transition \(transitions.count + 1) is not later than the one before it")
        }
        transitions.append(time)
      }
      for index in 0..<header.timeCount {
        let type = try reader.byte(what: "a transition's type")
        guard Int(type) < header.typeCount else {
          throw .malformed("transition \(index + 1) names local time type \(type) of \(header.typeCount)")
        }
        transitionTypes.append(type)
      }
      var records: [(offset: Int64, isDaylightSaving: Bool, abbreviationIndex: Int)] = []
      for _ in 0..<header.typeCount {
        let offset = try reader.signed(size: 4)
        let isDaylightSaving = try reader.byte(what: "a type's daylight-saving flag")
        let abbreviationIndex = Int(try reader.byte(what: "a type's abbreviation"))
        guard offset != Int64(Int32.min), isDaylightSaving <= 1, abbreviationIndex < header.characterCount else {
          throw .malformed("local time type \(records.count + 1) is invalid")
        }
        records.append((offset, isDaylightSaving == 1, abbreviationIndex))
      }
      let characters = Array(reader.bytes[reader.position..<(reader.position + header.characterCount)])
      reader.position += header.characterCount
      for record in records {
        let name = characters[record.abbreviationIndex...].prefix { $0 != 0 }
        types.append(LocalTimeType(
          offset: Int32(record.offset), isDaylightSaving: record.isDaylightSaving,
          abbreviation: String(decoding: name, as: UTF8.self)))
      }
      try reader.skip(header.leapCount * (timeSize + 4) + header.isStandardCount + header.isUTCCount, what: "the data")
    }

    func rules(footer: POSIXZoneRule?) -> ZoneRules {
      ZoneRules(transitions: transitions, transitionTypes: transitionTypes, types: types, rule: footer)
    }
  }

  /// Big-endian integers from the front of the file.
  private struct ByteReader {
    let bytes: [UInt8]
    var position = 0

    var remaining: Int { bytes.count - position }

    mutating func byte(what: String) throws(ZoneError.Reason) -> UInt8 {
      guard position < bytes.count else { throw .malformed("the file ends inside \(what)") }
      position += 1
      return bytes[position - 1]
    }

    mutating func skip(_ count: Int, what: String) throws(ZoneError.Reason) {
      guard count <= remaining else { throw .malformed("the file ends inside \(what)") }
      position += count
    }

    /// A two's-complement integer of 4 or 8 bytes.
    mutating func signed(size: Int) throws(ZoneError.Reason) -> Int64 {
      guard size <= remaining else { throw .malformed("the file ends inside its data") }
      var value: UInt64 = 0
      for _ in 0..<size {
        value = value << 8 | UInt64(bytes[position])
        position += 1
      }
      return size == 4 ? Int64(Int32(bitPattern: UInt32(truncatingIfNeeded: value))) : Int64(bitPattern: value)
    }

    /// A header count: a 4-byte unsigned integer, at most what a zone file could hold.
    mutating func count() throws(ZoneError.Reason) -> Int {
      let value = try signed(size: 4)
      guard value >= 0 && value <= 1 << 20 else { throw .malformed("a header count of \(value) is out of range") }
      return Int(value)
    }
  }
}
