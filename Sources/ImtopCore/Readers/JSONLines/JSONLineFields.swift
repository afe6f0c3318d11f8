/// Typed access to the members a line decoder located, with the messages for what is wrong.
struct JSONLineFields {
  let slots: JSONFieldSlots
  let scanner: JSONScanner
  let names: [String]

  init(_ slots: JSONFieldSlots, _ scanner: JSONScanner, names: [String]) {
    self.slots = slots
    self.scanner = scanner
    self.names = names
  }

  /// The value at `index`, treating `null` as absent.
  func value(_ index: Int) -> JSONValueSpan? {
    guard let span = slots[index], span.kind != .null else { return nil }
    return span
  }

  func bytes(_ span: JSONValueSpan) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(rebasing: scanner.bytes[span.start..<span.end])
  }

  /// A required timestamp: an ISO 8601 / local time / date string, or epoch seconds as a number.
  func timestamp(_ index: Int, zone: Zone) throws(LineError) -> Timestamp {
    let key = names[index]
    guard let span = value(index) else {
      throw LineError("missing \"\(key)\": expected \(TimestampParser.expected)")
    }
    switch span.kind {
    case .string:
      if !span.hasEscapes, let instant = CanonicalTimestamp.parse(bytes(span)) { return instant }
      let parsed =
        span.hasEscapes
        ? TimestampParser.parse(scanner.decodeString(span), zone: zone)
        : TimestampParser.parse(bytes(span), zone: zone)
      guard let parsed else {
        throw LineError("bad \"\(key)\" \"\(scanner.decodeString(span))\": expected \(TimestampParser.expected)")
      }
      return parsed.instant
    case .number:
      guard let seconds = scanner.decodeNumber(span), let instant = TimestampParser.instant(epochSeconds: seconds) else {
        throw LineError("bad \"\(key)\" \(String(decoding: bytes(span), as: UTF8.self)): expected \(TimestampParser.expected)")
      }
      return instant
    default:
      throw LineError("bad \"\(key)\": expected \(TimestampParser.expected), not \(span.kindDescription)")
    }
  }

  /// A required string that is not empty once surrounding spaces are trimmed.
  func requiredString(_ index: Int) throws(LineError) -> String {
    let key = names[index]
    guard let span = value(index) else { throw LineError("missing \"\(key)\": expected a non-empty string") }
    guard span.kind == .string else {
      throw LineError("bad \"\(key)\": expected a non-empty string, not \(span.kindDescription)")
    }
    let text = trimmedString(span)
    guard !text.isEmpty else { throw LineError("missing \"\(key)\": expected a non-empty string") }
    return text
  }

  /// Like `requiredString`, but numbers the string in `table` instead of returning it; the bytes are
  /// looked up directly when they need no decoding or trimming.
  func requiredStringNumber(_ index: Int, in table: inout SystemIDTable) throws(LineError) -> Int32 {
    let key = names[index]
    guard let span = value(index) else { throw LineError("missing \"\(key)\": expected a non-empty string") }
    guard span.kind == .string else {
      throw LineError("bad \"\(key)\": expected a non-empty string, not \(span.kindDescription)")
    }
    if !span.hasEscapes, span.end > span.start, isPlainEdge(scanner.bytes[span.start]), isPlainEdge(scanner.bytes[span.end - 1]) {
      guard span.end - span.start <= 16 else { return table.number(of: bytes(span)) }
      let (low, high) = JSONFieldNames.pack(scanner.bytes, start: span.start, end: span.end)
      return table.number(of: bytes(span), low: low, high: high)
    }
    var text = Array(trimmedString(span).utf8)
    guard !text.isEmpty else { throw LineError("missing \"\(key)\": expected a non-empty string") }
    return text.withUnsafeMutableBufferPointer { table.number(of: UnsafeBufferPointer($0)) }
  }

  /// An optional string: nil when absent or null; an error when of another kind.
  func optionalString(_ index: Int) throws(LineError) -> String? {
    guard let span = value(index) else { return nil }
    guard span.kind == .string else { throw LineError("bad \"\(names[index])\": expected a string, not \(span.kindDescription)") }
    return scanner.decodeString(span)
  }

  /// An optional finite number: nil when absent or null.
  func optionalNumber(_ index: Int) throws(LineError) -> Double? {
    guard let span = value(index) else { return nil }
    guard span.kind == .number else { throw LineError("bad \"\(names[index])\": expected a number, not \(span.kindDescription)") }
    guard let number = scanner.decodeNumber(span) else {
      throw LineError("bad \"\(names[index])\" \(String(decoding: bytes(span), as: UTF8.self)): expected a finite number")
    }
    return number
  }

  /// The string without surrounding whitespace; copied straight from the bytes in the common case.
  func trimmedString(_ span: JSONValueSpan) -> String {
    if !span.hasEscapes, span.end > span.start, isPlainEdge(scanner.bytes[span.start]), isPlainEdge(scanner.bytes[span.end - 1]) {
      return String(decoding: bytes(span), as: UTF8.self)
    }
    return scanner.decodeString(span).trimmingSpaces()
  }

  /// Whether a first or last byte is certainly not whitespace (ASCII, visible).
  private func isPlainEdge(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }
}
