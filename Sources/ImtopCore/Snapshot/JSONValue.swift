/// A JSON value whose objects keep their keys in the order they were written.
///
/// `JSONSerialization` and `JSONEncoder` reorder keys (or need a sort that is not the documented
/// order) and print money through binary floating point; the snapshot's shape is a contract, so it
/// is written by hand, and numbers are written from their exact decimal text.
public indirect enum JSONValue: Hashable, Sendable {
  case null
  case bool(Bool)
  case integer(Int64)
  /// A number already written as JSON number text (exact money, rounded percentages).
  case number(String)
  case string(String)
  case array([JSONValue])
  /// An array whose items are made one at a time as they are written, so that a long list (50,000
  /// systems) is never held whole, as values or as text (see `write(pretty:to:)`).
  case items(Int, @Sendable (Int) -> JSONValue)
  case object([(String, JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.text() == rhs.text() }
  public func hash(into hasher: inout Hasher) { hasher.combine(text()) }

  /// A finite double rounded to `decimals` places, or null.
  public static func double(_ value: Double?, decimals: Int = 2) -> JSONValue {
    guard let value, value.isFinite else { return .null }
    // Past 1e15 there are no decimals left to round, and scaling could overflow to an infinity.
    guard value.magnitude < 1e15 else { return .number(String(value)) }
    var scale = 1.0
    for _ in 0..<max(0, decimals) { scale *= 10 }
    let rounded = (value * scale).rounded(.toNearestOrAwayFromZero) / scale
    guard rounded.isFinite else { return .null }
    if rounded == rounded.rounded(), abs(rounded) < 1e15 { return .number(String(Int64(rounded))) }
    return .number(String(rounded))
  }

  /// The compact JSON text, or indented by two spaces per level when `pretty`.
  public func text(pretty: Bool = false) -> String {
    var output = ""
    write(into: &output, pretty: pretty, depth: 0, flush: nil)
    return output
  }

  /// The same text handed to `sink` in pieces of about `pieceSize` bytes (cut between array items),
  /// so that a large document is never held whole.
  public func write(pretty: Bool = false, pieceSize: Int = 1 << 20, to sink: (String) -> Void) {
    var output = ""
    withoutActuallyEscaping(sink) { sink in
      write(into: &output, pretty: pretty, depth: 0) { text in
        guard text.utf8.count >= pieceSize else { return }
        sink(text)
        text.removeAll(keepingCapacity: true)
      }
    }
    sink(output)
  }

  private func write(into output: inout String, pretty: Bool, depth: Int, flush: ((inout String) -> Void)?) {
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    case .integer(let value): output += String(value)
    case .number(let text): output += text
    case .string(let text): JSONValue.writeString(text, into: &output)
    case .array(let items):
      JSONValue.writeArray(count: items.count, item: { items[$0] }, into: &output, pretty: pretty, depth: depth, flush: flush)
    case .items(let count, let item):
      JSONValue.writeArray(count: count, item: item, into: &output, pretty: pretty, depth: depth, flush: flush)
    case .object(let members):
      guard !members.isEmpty else {
        output += "{}"
        return
      }
      output += "{"
      for (position, (key, value)) in members.enumerated() {
        if position > 0 { output += "," }
        JSONValue.newline(&output, pretty: pretty, depth: depth + 1)
        JSONValue.writeString(key, into: &output)
        output += pretty ? ": " : ":"
        value.write(into: &output, pretty: pretty, depth: depth + 1, flush: flush)
      }
      JSONValue.newline(&output, pretty: pretty, depth: depth)
      output += "}"
    }
  }

  private static func writeArray(
    count: Int, item: (Int) -> JSONValue, into output: inout String, pretty: Bool, depth: Int,
    flush: ((inout String) -> Void)?
  ) {
    guard count > 0 else {
      output += "[]"
      return
    }
    output += "["
    for position in 0..<count {
      if position > 0 { output += "," }
      JSONValue.newline(&output, pretty: pretty, depth: depth + 1)
      item(position).write(into: &output, pretty: pretty, depth: depth + 1, flush: flush)
      flush?(&output)
    }
    JSONValue.newline(&output, pretty: pretty, depth: depth)
    output += "]"
  }

  private static func newline(_ output: inout String, pretty: Bool, depth: Int) {
    guard pretty else { return }
    output += "\n"
    for _ in 0..<depth { output += "  " }
  }

  /// A JSON string: quotes and backslashes escaped, every control character (line breaks and tabs
  /// too, and U+2028/9, which break JavaScript) as a `\u00XX` escape; everything else as UTF-8.
  static func writeString(_ text: String, into output: inout String) {
    output += "\""
    // Most strings need no escape (no `"`, `\`, control character, DEL, U+2028 or U+2029, whose
    // UTF-8 starts with 0xE2): appended whole, not scalar by scalar.
    if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xE2 }) {
      output += text
      output += "\""
      return
    }
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029:
        let hex = String(scalar.value, radix: 16, uppercase: true)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }
}
