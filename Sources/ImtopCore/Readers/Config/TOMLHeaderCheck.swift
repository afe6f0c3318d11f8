/// Finds the two mistakes the TOML parser aborts on, before TOMLKit sees the text.
///
/// The parser TOMLKit wraps (toml++ 3) asserts, and so aborts the whole process, on a table header
/// such as `[#]`, `[ +a]`, `[é]` or a lone `[` at the end of a line (it checks the first character of
/// the name only with an assertion), and on a `}` inside an array (`[1,}`). Fuzzing found both; a
/// typo in `imtop.toml` must give a syntax error, never stop the dashboard. The scan follows strings, comments and open arrays so that a
/// nested array on a line of its own (`[+1, 2],`) is not taken for a header.
enum TOMLHeaderCheck {
  /// Where it goes wrong: the 1-based line and column of a header name's first character, or of a
  /// `}` that would close an array, and what is wrong there; nil when there is neither.
  static func firstBadHeader(in bytes: [UInt8]) -> (line: Int, column: Int, problem: String)? {
    var scan = Scan(bytes: bytes)
    return scan.run()
  }

  private struct Scan {
    let bytes: [UInt8]
    var index = 0
    var line = 1
    var lineStart = 0
    /// The `[` and `{` open in the value being read, innermost last.
    var open: [UInt8] = []

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func run() -> (line: Int, column: Int, problem: String)? {
      var atLineStart = true
      while index < bytes.count {
        let byte = bytes[index]
        switch byte {
        case 0x0A:
          newLine()
          atLineStart = true
          continue
        case 0x20, 0x09, 0x0D:
          index += 1
          continue
        case UInt8(ascii: "["):
          if atLineStart && open.isEmpty {
            if let bad = header() { return bad }
            atLineStart = false
            continue
          }
          open.append(byte)
        case UInt8(ascii: "{"):
          open.append(byte)
        case UInt8(ascii: "}"):
          if open.last == UInt8(ascii: "[") {
            return (line, index - lineStart + 1, "an array is closed with ], not }")
          }
          _ = open.popLast()
        case UInt8(ascii: "]"):
          _ = open.popLast()
        case UInt8(ascii: "#"):
          skipToEndOfLine()
          continue
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
          skipString(quote: byte)
          atLineStart = false
          continue
        default:
          break
        }
        atLineStart = false
        index += 1
      }
      return nil
    }

    /// At the `[` that opens a header: checks the first character of the name, then skips the line.
    private mutating func header() -> (line: Int, column: Int, problem: String)? {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "[") { index += 1 }
      while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
      guard index < bytes.count, Self.startsName(bytes[index]) else {
        return (line, index - lineStart + 1, "a table name must start with a letter, a digit, _, - or a quote")
      }
      skipToEndOfLine()
      return nil
    }

    private static func startsName(_ byte: UInt8) -> Bool {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"),
        UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "]"):
        return true
      default:
        return false
      }
    }

    /// Skips a string that opens at `index`: a single-line one ends at its quote or the line's end,
    /// a multi-line one (three quotes) at the next three quotes.
    private mutating func skipString(quote: UInt8) {
      let escapes = quote == UInt8(ascii: "\"")
      let multiLine = index + 2 < bytes.count && bytes[index + 1] == quote && bytes[index + 2] == quote
      index += multiLine ? 3 : 1
      while index < bytes.count {
        let byte = bytes[index]
        if escapes && byte == UInt8(ascii: "\\") {
          index += 1
          if index < bytes.count, bytes[index] == 0x0A { newLine() } else { index += 1 }
          continue
        }
        if byte == 0x0A {
          if !multiLine { return }
          newLine()
          continue
        }
        if byte == quote {
          if !multiLine {
            index += 1
            return
          }
          if index + 2 < bytes.count && bytes[index + 1] == quote && bytes[index + 2] == quote {
            index += 3
            return
          }
        }
        index += 1
      }
    }

    private mutating func skipToEndOfLine() {
      while index < bytes.count, bytes[index] != 0x0A { index += 1 }
    }

    private mutating func newLine() {
      index += 1
      line += 1
      lineStart = index
    }
  }
}
