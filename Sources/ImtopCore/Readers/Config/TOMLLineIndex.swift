/// Where keys and table headers sit in a TOML text, so that config problems can name a line.
///
/// TOMLKit gives positions for syntax errors only, not for the values it parsed; this scan of the
/// raw lines recovers them. It understands `[table]`, `[[array]]`, `key = value` and multi-line
/// strings, which is all `imtop.toml` uses; anything subtler only costs the line number.
struct TOMLLineIndex {
  /// The line of each `[[name]]` header, in order.
  private(set) var arrayTableLines: [String: [Int]] = [:]
  /// The first line of each table header, by name.
  private(set) var tableLines: [String: Int] = [:]
  /// The first line of each key, by `table.key` (a key of the Nth `[[kpi]]` is `kpi#N.key`).
  private(set) var keyLines: [String: Int] = [:]

  init(_ text: String) {
    var table = ""
    var inMultiline = false
    var lineNumber = 0
    // CRLF is one Character in Swift, so split on both forms; a byte-order mark is not part of line 1.
    let body = text.hasPrefix("\u{FEFF}") ? Substring(text.dropFirst()) : Substring(text)
    for rawLine in body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
      lineNumber += 1
      let line = rawLine.trimmingSpaces()
      let triples = line.ranges(of: "\"\"\"").count + line.ranges(of: "'''").count
      if inMultiline {
        if triples % 2 == 1 { inMultiline = false }
        continue
      }
      if triples % 2 == 1 { inMultiline = true }
      if line.hasPrefix("[[") {
        let name = TOMLLineIndex.headerName(line, brackets: 2)
        arrayTableLines[name, default: []].append(lineNumber)
        table = "\(name)#\(arrayTableLines[name, default: []].count)"
      } else if line.hasPrefix("[") {
        table = TOMLLineIndex.headerName(line, brackets: 1)
        if tableLines[table] == nil { tableLines[table] = lineNumber }
      } else if let equals = line.firstIndex(of: "="), !line.hasPrefix("#") {
        let key = line[..<equals].trimmingSpaces().stripping("\"'")
        let path = table.isEmpty ? key : "\(table).\(key)"
        if keyLines[path] == nil { keyLines[path] = lineNumber }
      }
    }
  }

  /// The line of a key (`organization.timezone`, `kpi#2.expr`), else of its table, else nil.
  func line(ofKey path: String, inTable table: String) -> Int? {
    keyLines[path] ?? tableLines[table] ?? arrayTableLine(table)
  }

  /// The line of `kpi#N` (the Nth `[[kpi]]`).
  func arrayTableLine(_ table: String) -> Int? {
    let parts = table.split(separator: "#")
    guard parts.count == 2, let number = Int(parts[1]), let lines = arrayTableLines[String(parts[0])],
      number >= 1, number <= lines.count
    else { return nil }
    return lines[number - 1]
  }

  private static func headerName(_ line: String, brackets: Int) -> String {
    var name = Substring(line).dropFirst(brackets)
    if let close = name.firstIndex(of: "]") { name = name[..<close] }
    return name.trimmingSpaces().stripping("\"'")
  }
}

extension String {
  /// The text without leading and trailing characters from `set`.
  fileprivate func stripping(_ set: String) -> String {
    var text = Substring(self)
    while let first = text.first, set.contains(first) { text = text.dropFirst() }
    while let last = text.last, set.contains(last) { text = text.dropLast() }
    return String(text)
  }
}
