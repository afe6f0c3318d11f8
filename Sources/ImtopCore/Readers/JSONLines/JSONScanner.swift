/// A strict RFC 8259 JSON parser over raw UTF-8 bytes that validates everything and keeps only
/// the positions of the values a caller asks for.
///
/// Hand-written because the status log is the hot path: Foundation's `JSONSerialization` and
/// `JSONDecoder` manage about 0.36 M lines/s here (building a dictionary of boxed values per line),
/// and a 1,000,000-line log must load in under a second. This scanner reads each byte once, allocates
/// nothing for the members it skips, and still rejects everything RFC 8259 rejects (JSONTestSuite's
/// `n_` files): bad escapes, unpaired quotes, control characters, invalid UTF-8, leading zeros,
/// trailing garbage, and nesting deeper than `maximumDepth` (which would otherwise overflow the stack).
/// Lone `\u` surrogates are accepted, as the RFC grammar does; decoding turns them into U+FFFD.
struct JSONScanner {
  /// Deepest nesting of arrays and objects accepted; deeper input is an error, never a crash.
  static let maximumDepth = 512

  let bytes: UnsafeBufferPointer<UInt8>
  var position = 0

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// Validates one complete JSON text: a single value of any kind with optional surrounding whitespace.
  static func validate(_ text: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) {
    var scanner = JSONScanner(text)
    scanner.skipWhitespace()
    _ = try scanner.scanValue(depth: 0)
    try scanner.expectEnd()
  }

  /// Fails unless only whitespace is left.
  mutating func expectEnd() throws(JSONSyntaxError) {
    skipWhitespace()
    if position < bytes.count { throw JSONSyntaxError(at: position, expected: "the end of the text after the value") }
  }

  @inline(__always)
  mutating func skipWhitespace() {
    while position < bytes.count {
      let byte = bytes[position]
      guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
      position += 1
    }
  }

  /// Scans the value starting at `position` (whitespace already skipped) and returns where it is.
  mutating func scanValue(depth: Int) throws(JSONSyntaxError) -> JSONValueSpan {
    guard position < bytes.count else { throw JSONSyntaxError(at: position, expected: "a value") }
    let start = position
    switch bytes[position] {
    case UInt8(ascii: "\""):
      return try scanString()
    case UInt8(ascii: "{"):
      try scanContainer(closing: UInt8(ascii: "}"), depth: depth + 1)
      return JSONValueSpan(kind: .object, start: start, end: position)
    case UInt8(ascii: "["):
      try scanContainer(closing: UInt8(ascii: "]"), depth: depth + 1)
      return JSONValueSpan(kind: .array, start: start, end: position)
    case UInt8(ascii: "t"):
      try scanLiteral("true")
      return JSONValueSpan(kind: .bool, start: start, end: position, isTrue: true)
    case UInt8(ascii: "f"):
      try scanLiteral("false")
      return JSONValueSpan(kind: .bool, start: start, end: position)
    case UInt8(ascii: "n"):
      try scanLiteral("null")
      return JSONValueSpan(kind: .null, start: start, end: position)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      try scanNumber()
      return JSONValueSpan(kind: .number, start: start, end: position)
    default:
      throw JSONSyntaxError(at: position, expected: "a value (string, number, object, array, true, false or null)")
    }
  }

  /// Scans an object or an array from its opening bracket through its closing one.
  private mutating func scanContainer(closing: UInt8, depth: Int) throws(JSONSyntaxError) {
    guard depth <= JSONScanner.maximumDepth else {
      throw JSONSyntaxError(at: position, expected: "nesting at most \(JSONScanner.maximumDepth) levels deep")
    }
    let isObject = closing == UInt8(ascii: "}")
    position += 1
    skipWhitespace()
    if position < bytes.count, bytes[position] == closing {
      position += 1
      return
    }
    while true {
      if isObject {
        _ = try scanKey()
      }
      _ = try scanValue(depth: depth)
      skipWhitespace()
      guard position < bytes.count else {
        throw JSONSyntaxError(at: position, expected: isObject ? "',' or '}'" : "',' or ']'")
      }
      let byte = bytes[position]
      position += 1
      if byte == closing { return }
      guard byte == UInt8(ascii: ",") else {
        throw JSONSyntaxError(at: position - 1, expected: isObject ? "',' or '}'" : "',' or ']'")
      }
      skipWhitespace()
    }
  }

  /// Scans `"key" :` and leaves `position` at the start of the member's value.
  mutating func scanKey() throws(JSONSyntaxError) -> JSONValueSpan {
    guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
      throw JSONSyntaxError(at: position, expected: "a member name in double quotes")
    }
    let key = try scanString()
    skipWhitespace()
    guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
      throw JSONSyntaxError(at: position, expected: "':' after the member name")
    }
    position += 1
    skipWhitespace()
    return key
  }

  private mutating func scanLiteral(_ word: StaticString) throws(JSONSyntaxError) {
    let length = word.utf8CodeUnitCount
    let text = word.utf8Start
    for offset in 0..<length {
      guard position + offset < bytes.count, bytes[position + offset] == text[offset] else {
        throw JSONSyntaxError(at: position + offset, expected: "\(word)")
      }
    }
    position += length
  }

  /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
  private mutating func scanNumber() throws(JSONSyntaxError) {
    if bytes[position] == UInt8(ascii: "-") { position += 1 }
    guard position < bytes.count, isDigit(bytes[position]) else {
      throw JSONSyntaxError(at: position, expected: "a digit")
    }
    if bytes[position] == UInt8(ascii: "0") {
      position += 1
    } else {
      skipDigits()
    }
    if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
      position += 1
      try requireDigits(after: "'.'")
    }
    if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
      position += 1
      if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
        position += 1
      }
      try requireDigits(after: "the exponent")
    }
  }

  private mutating func requireDigits(after what: String) throws(JSONSyntaxError) {
    guard position < bytes.count, isDigit(bytes[position]) else {
      throw JSONSyntaxError(at: position, expected: "a digit after \(what)")
    }
    skipDigits()
  }

  @inline(__always)
  private mutating func skipDigits() {
    while position < bytes.count, isDigit(bytes[position]) { position += 1 }
  }

  @inline(__always)
  private func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

  /// Scans a string from its opening quote through its closing one.
  mutating func scanString() throws(JSONSyntaxError) -> JSONValueSpan {
    let opening = position
    position += 1
    let start = position
    var hasEscapes = false
    while position < bytes.count {
      skipPlainStringBytes()
      guard position < bytes.count else { break }
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        position += 1
        return JSONValueSpan(kind: .string, start: start, end: position - 1, hasEscapes: hasEscapes)
      }
      if byte == UInt8(ascii: "\\") {
        hasEscapes = true
        try scanEscape()
      } else if byte < 0x20 {
        throw JSONSyntaxError(at: position, expected: "control characters in strings to be escaped (\\n, \\t, \\u0001...)")
      } else if byte < 0x80 {
        position += 1
      } else {
        try scanMultiByteCharacter()
      }
    }
    throw JSONSyntaxError(at: opening, expected: "a closing '\"' for the string starting here")
  }

  /// Moves past ASCII string bytes that need no attention (not `"`, `\\`, a control character or
  /// the start of a multi-byte character), eight at a time: each word is tested for such bytes all
  /// at once (SWAR), and the first one found is located from the lowest flagged bit. The flags can
  /// have false positives only above a true one, so the lowest is always real.
  @inline(__always)
  mutating func skipPlainStringBytes() {
    guard let base = bytes.baseAddress else { return }
    position = JSONScanner.plainStringEnd(base, from: position, count: bytes.count)
  }

  /// `skipPlainStringBytes` over raw memory: the first position at or after `start` that is not
  /// plain, or where fewer than 8 bytes are left before `count`.
  @inline(__always)
  static func plainStringEnd(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    var position = start
    while position + 8 <= count {
      let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
      let quote = word ^ (ones &* 0x22)
      let backslash = word ^ (ones &* 0x5C)
      let quoteZero = (quote &- ones) & ~quote
      let backslashZero = (backslash &- ones) & ~backslash
      let control = (word &- ones &* 0x20) & ~word
      let special = (quoteZero | backslashZero | control | word) & highs
      if special != 0 { return position + special.trailingZeroBitCount >> 3 }
      position += 8
    }
    return position
  }

  private mutating func scanEscape() throws(JSONSyntaxError) {
    let next = position + 1
    guard next < bytes.count else { throw JSONSyntaxError(at: next, expected: "an escape character after '\\'") }
    switch bytes[next] {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
      UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
      position += 2
    case UInt8(ascii: "u"):
      for offset in 2..<6 {
        guard position + offset < bytes.count, JSONScanner.hexValue(bytes[position + offset]) != nil else {
          throw JSONSyntaxError(at: position + offset, expected: "4 hexadecimal digits after '\\u'")
        }
      }
      position += 6
    default:
      throw JSONSyntaxError(at: next, expected: "an escape: \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX")
    }
  }

  /// Validates one UTF-8 encoded character of 2 to 4 bytes (Unicode Table 3-7: no overlong forms,
  /// no surrogates, nothing above U+10FFFF).
  private mutating func scanMultiByteCharacter() throws(JSONSyntaxError) {
    let lead = bytes[position]
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0: length = 3; low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED: length = 3; high = 0x9F
    case 0xF0: length = 4; low = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4: length = 4; high = 0x8F
    default: throw JSONSyntaxError(at: position, expected: "UTF-8 text")
    }
    guard position + length <= bytes.count else { throw JSONSyntaxError(at: position, expected: "UTF-8 text") }
    let second = bytes[position + 1]
    guard second >= low, second <= high else { throw JSONSyntaxError(at: position, expected: "UTF-8 text") }
    for offset in 2..<max(2, length) where bytes[position + offset] & 0xC0 != 0x80 {
      throw JSONSyntaxError(at: position, expected: "UTF-8 text")
    }
    position += length
  }

  /// The value of a hexadecimal digit, or nil.
  @inline(__always)
  static func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
    default: return nil
    }
  }
}
