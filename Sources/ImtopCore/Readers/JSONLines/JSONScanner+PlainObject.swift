extension JSONScanner {
  /// The fast path for the line monitors write: `{"key":value,...}` with no whitespace, each key
  /// and string value printable ASCII without escapes, each value a string or a number.
  ///
  /// Such a line is valid JSON by construction, so it is read in one pass over the bytes with no
  /// calls per token; the slots are exactly those `scanObjectFields` finds (the last of a repeated
  /// key wins). Any other line, valid or not, returns nil and goes through `scanObjectFields`, which
  /// decides: this path never accepts what the strict scanner would reject.
  static func scanPlainObjectFields(_ line: UnsafeBufferPointer<UInt8>, _ names: JSONFieldNames) -> JSONFieldSlots? {
    guard let base = line.baseAddress else { return nil }
    let count = line.count
    guard count >= 2, base[0] == UInt8(ascii: "{") else { return nil }
    var slots = JSONFieldSlots()
    var position = 1
    while true {
      guard position < count, base[position] == UInt8(ascii: "\"") else { return nil }
      let keyStart = position + 1
      position = plainStringEnd(base, from: keyStart, count: count)
      while position < count, isPlainASCII(base[position]) { position += 1 }
      guard position < count, base[position] == UInt8(ascii: "\"") else { return nil }
      let keyEnd = position
      position += 1
      guard position < count, base[position] == UInt8(ascii: ":") else { return nil }
      position += 1
      guard position < count else { return nil }
      let value: JSONValueSpan
      let first = base[position]
      if first == UInt8(ascii: "\"") {
        let start = position + 1
        position = plainStringEnd(base, from: start, count: count)
        while position < count, isPlainASCII(base[position]) { position += 1 }
        guard position < count, base[position] == UInt8(ascii: "\"") else { return nil }
        value = JSONValueSpan(kind: .string, start: start, end: position)
        position += 1
      } else {
        let start = position
        guard let end = plainNumberEnd(base, from: position, count: count) else { return nil }
        position = end
        value = JSONValueSpan(kind: .number, start: start, end: position)
      }
      if let index = names.index(ofKeyIn: line, start: keyStart, end: keyEnd) { slots[index] = value }
      guard position < count else { return nil }
      let separator = base[position]
      position += 1
      if separator == UInt8(ascii: ",") { continue }
      guard separator == UInt8(ascii: "}"), position == count else { return nil }
      return slots
    }
  }

  /// Printable ASCII other than `"` and `\`: a string byte that needs no attention.
  @inline(__always)
  private static func isPlainASCII(_ byte: UInt8) -> Bool {
    byte &- 0x20 < 0x60 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
  }

  /// The end of the number starting at `from` (`-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`),
  /// or nil when there is no number there.
  @inline(__always)
  private static func plainNumberEnd(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int? {
    var position = start
    @inline(__always) func digit(_ at: Int) -> Bool { at < count && base[at] &- UInt8(ascii: "0") < 10 }
    if base[position] == UInt8(ascii: "-") { position += 1 }
    guard digit(position) else { return nil }
    if base[position] == UInt8(ascii: "0") {
      position += 1
    } else {
      while digit(position) { position += 1 }
    }
    if position < count, base[position] == UInt8(ascii: ".") {
      position += 1
      guard digit(position) else { return nil }
      while digit(position) { position += 1 }
    }
    if position < count, base[position] | 0x20 == UInt8(ascii: "e") {
      position += 1
      if position < count, base[position] == UInt8(ascii: "+") || base[position] == UInt8(ascii: "-") { position += 1 }
      guard digit(position) else { return nil }
      while digit(position) { position += 1 }
    }
    return position
  }
}
