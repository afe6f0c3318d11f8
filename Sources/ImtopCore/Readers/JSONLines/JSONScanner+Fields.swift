extension JSONScanner {
  /// Scans a text that must be one JSON object and records where each wanted member's value is.
  ///
  /// Every member is validated; only the wanted ones are remembered (the last one wins when a key
  /// repeats), so unknown keys cost a scan and nothing else.
  /// - Returns: nil when the text is valid JSON but not an object (the caller says what it wanted).
  mutating func scanObjectFields(_ names: JSONFieldNames) throws(JSONSyntaxError) -> JSONFieldSlots? {
    var slots = JSONFieldSlots()
    skipWhitespace()
    guard position < bytes.count, bytes[position] == UInt8(ascii: "{") else {
      _ = try scanValue(depth: 0)
      try expectEnd()
      return nil
    }
    position += 1
    skipWhitespace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
      position += 1
      try expectEnd()
      return slots
    }
    while true {
      let key = try scanKey()
      let value = try scanValue(depth: 1)
      if let index = fieldIndex(of: key, in: names) { slots[index] = value }
      skipWhitespace()
      guard position < bytes.count else { throw JSONSyntaxError(at: position, expected: "',' or '}'") }
      let byte = bytes[position]
      position += 1
      if byte == UInt8(ascii: "}") { break }
      guard byte == UInt8(ascii: ",") else { throw JSONSyntaxError(at: position - 1, expected: "',' or '}'") }
      skipWhitespace()
    }
    try expectEnd()
    return slots
  }

  private func fieldIndex(of key: JSONValueSpan, in names: JSONFieldNames) -> Int? {
    if !key.hasEscapes {
      return names.index(ofKeyIn: bytes, start: key.start, end: key.end)
    }
    // A key spelled with escapes (`"\u0074s"` is `"ts"`): decode it first. Rare, so it may allocate.
    var decoded = Array(decodeString(key).utf8)
    return decoded.withUnsafeMutableBufferPointer { names.index(of: UnsafeBufferPointer($0)) }
  }

  /// The text of a string value, with escapes decoded (lone surrogates become U+FFFD).
  func decodeString(_ span: JSONValueSpan) -> String {
    let raw = UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
    guard span.hasEscapes else { return String(decoding: raw, as: UTF8.self) }
    var scalars = String.UnicodeScalarView()
    var output: [UInt8] = []
    output.reserveCapacity(raw.count)
    var index = 0
    func flush() {
      scalars.append(contentsOf: String(decoding: output, as: UTF8.self).unicodeScalars)
      output.removeAll(keepingCapacity: true)
    }
    while index < raw.count {
      let byte = raw[index]
      guard byte == UInt8(ascii: "\\"), index + 1 < raw.count else {
        output.append(byte)
        index += 1
        continue
      }
      let escape = raw[index + 1]
      index += 2
      switch escape {
      case UInt8(ascii: "b"): output.append(0x08)
      case UInt8(ascii: "f"): output.append(0x0C)
      case UInt8(ascii: "n"): output.append(0x0A)
      case UInt8(ascii: "r"): output.append(0x0D)
      case UInt8(ascii: "t"): output.append(0x09)
      case UInt8(ascii: "u"):
        flush()
        let unit = JSONScanner.hexQuad(raw, at: index)
        index += 4
        if (0xD800..<0xDC00).contains(unit), index + 5 < raw.count, raw[index] == UInt8(ascii: "\\"),
          raw[index + 1] == UInt8(ascii: "u")
        {
          let low = JSONScanner.hexQuad(raw, at: index + 2)
          if (0xDC00..<0xE000).contains(low) {
            let value = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            index += 6
            continue
          }
        }
        scalars.append(Unicode.Scalar(unit) ?? "\u{FFFD}")
      default: output.append(escape)
      }
    }
    flush()
    return String(scalars)
  }

  /// The number a number value denotes (a double, as JSON numbers are), or nil if it overflows.
  ///
  /// Up to 15 significant digits and a small exponent are converted exactly without leaving the
  /// buffer (every such integer and power of ten is exact in a double, so one division or
  /// multiplication rounds correctly); anything else goes through the C library's `strtod`.
  func decodeNumber(_ span: JSONValueSpan) -> Double? {
    var index = span.start
    let negative = bytes[index] == UInt8(ascii: "-")
    if negative { index += 1 }
    var mantissa: Int64 = 0
    var digits = 0
    var scale = 0
    var fast = true
    while index < span.end, bytes[index] &- 48 < 10 {
      mantissa = mantissa &* 10 &+ Int64(bytes[index] - 48)
      if mantissa != 0 { digits += 1 }
      index += 1
    }
    if index < span.end, bytes[index] == UInt8(ascii: ".") {
      index += 1
      while index < span.end, bytes[index] &- 48 < 10 {
        mantissa = mantissa &* 10 &+ Int64(bytes[index] - 48)
        if mantissa != 0 { digits += 1 }
        scale -= 1
        index += 1
      }
    }
    if index < span.end { fast = false }  // an exponent
    if fast, digits <= 15, scale >= -22 {
      let magnitude = scale == 0 ? Double(mantissa) : Double(mantissa) / JSONScanner.powersOfTen[-scale]
      return negative ? -magnitude : magnitude
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), as: UTF8.self)
    guard let value = Double(text), value.isFinite else { return nil }
    return value
  }

  private static let powersOfTen: [Double] = (0...22).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
  }

  private static func hexQuad(_ raw: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32 {
    var value: UInt32 = 0
    for offset in 0..<4 where index + offset < raw.count {
      value = value << 4 | (hexValue(raw[index + offset]) ?? 0)
    }
    return value
  }
}
