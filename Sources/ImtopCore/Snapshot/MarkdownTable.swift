/// A Markdown table, and the escaping that keeps untrusted text from data files inside its cell.
struct MarkdownTable {
  var header: [String]
  var rows: [[String]] = []
  /// Columns to right-align (numbers), by index.
  var numeric: Set<Int> = []

  init(_ header: [String], numeric: Set<Int> = []) {
    self.header = header
    self.numeric = numeric
  }

  mutating func add(_ row: [String]) { rows.append(row) }

  var text: String {
    var lines = ["| " + header.joined(separator: " | ") + " |"]
    lines.append("|" + header.indices.map { numeric.contains($0) ? "---:|" : "---|" }.joined())
    for row in rows { lines.append("| " + row.joined(separator: " | ") + " |") }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Text from a data file made safe in a cell: control characters shown as visible pictures (never
  /// sent to a terminal or renderer), line breaks as spaces, and Markdown's active characters escaped.
  static func escape(_ text: String) -> String {
    var output = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n", "\r", "\t": output += " "
      case "\\", "|", "*", "_", "`", "<", ">", "[", "]", "#": output += "\\" + String(scalar)
      case _ where scalar.value < 0x20:
        output.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value) ?? "?")
      case _ where scalar.value == 0x7F: output += "\u{2421}"
      case _ where (0x80..<0xA0).contains(scalar.value): output += "\u{FFFD}"
      default: output.unicodeScalars.append(scalar)
      }
    }
    return output.isEmpty ? "—" : output
  }
}
