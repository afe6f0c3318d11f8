/// The record-at-a-time state machine behind `CSVParser`, tracking the physical line as it goes.
struct CSVScanner {
  let bytes: [UInt8]
  var position: Int
  let separator: UInt8
  /// The physical line of `position`.
  var line = 1
  /// The line of a quote still open at the end of the input: the file was cut off mid-field.
  var unclosedQuoteLine: Int?
  /// The last entry returned ended at the end of the input, with no line end after it.
  var lastEntryUnterminated = false

  init(bytes: [UInt8], position: Int, separator: UInt8) {
    self.bytes = bytes
    self.position = position
    self.separator = separator
  }

  /// The next non-blank record, or nil at the end of the input.
  mutating func nextEntry() -> CSVEntry? {
    while position < bytes.count {
      let startLine = line
      var fields: [String] = []
      var anyQuoted = false
      var problem: String?
      var unterminated = false
      while true {
        let field = readField(fieldNumber: fields.count + 1)
        fields.append(field.text)
        anyQuoted = anyQuoted || field.quoted
        if problem == nil { problem = field.problem }
        if position < bytes.count, bytes[position] == separator {
          position += 1
          continue
        }
        unterminated = position >= bytes.count
        consumeLineEnd()
        break
      }
      if let problem {
        lastEntryUnterminated = unterminated
        return .malformed(line: startLine, message: problem)
      }
      if !anyQuoted && fields.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { continue }
      lastEntryUnterminated = unterminated
      return .record(CSVRecord(fields: fields, line: startLine))
    }
    return nil
  }

  private struct Field {
    var text: String
    var quoted: Bool
    var problem: String?
  }

  /// Reads one field and stops at its separator, its line end, or the end of input.
  private mutating func readField(fieldNumber: Int) -> Field {
    // Spaces before an opening quote are tolerated (`a, "b, c"`).
    var probe = position
    while probe < bytes.count, isPadding(bytes[probe]) { probe += 1 }
    if probe < bytes.count, bytes[probe] == CSVParser.quote {
      position = probe
      return readQuotedField(fieldNumber: fieldNumber)
    }
    let start = position
    while position < bytes.count, !isFieldEnd(bytes[position]) { position += 1 }
    return Field(text: String(decoding: bytes[start..<position], as: UTF8.self), quoted: false)
  }

  private mutating func readQuotedField(fieldNumber: Int) -> Field {
    let openLine = line
    position += 1
    var content: [UInt8] = []
    while true {
      guard position < bytes.count else {
        // The parser rejects the whole file (see `CSVParser.parse`).
        unclosedQuoteLine = openLine
        return Field(text: String(decoding: content, as: UTF8.self), quoted: true)
      }
      let byte = bytes[position]
      if byte == CSVParser.quote {
        if position + 1 < bytes.count, bytes[position + 1] == CSVParser.quote {
          content.append(CSVParser.quote)
          position += 2
          continue
        }
        position += 1
        break
      }
      countLineBreak(at: position)
      content.append(byte)
      position += 1
    }
    let text = String(decoding: content, as: UTF8.self)
    while position < bytes.count, isPadding(bytes[position]) { position += 1 }
    guard position < bytes.count, !isFieldEnd(bytes[position]) else {
      return Field(text: text, quoted: true)
    }
    let junkStart = position
    while position < bytes.count, !isFieldEnd(bytes[position]) { position += 1 }
    let junk = String(decoding: bytes[junkStart..<position], as: UTF8.self)
    return Field(
      text: text, quoted: true,
      problem: "text \"\(junk)\" after the closing quote of field \(fieldNumber): expected a separator or the end of the line (a quote inside a quoted field is written \"\")")
  }

  private func isFieldEnd(_ byte: UInt8) -> Bool {
    byte == separator || byte == CSVParser.lineFeed || byte == CSVParser.carriageReturn
  }

  private func isPadding(_ byte: UInt8) -> Bool {
    (byte == CSVParser.space || byte == CSVParser.tab) && byte != separator
  }

  /// Counts a line break inside a quoted field: LF, or a CR not followed by LF.
  private mutating func countLineBreak(at index: Int) {
    let byte = bytes[index]
    if byte == CSVParser.lineFeed {
      line += 1
    } else if byte == CSVParser.carriageReturn, index + 1 >= bytes.count || bytes[index + 1] != CSVParser.lineFeed {
      line += 1
    }
  }

  /// Steps over one CRLF, LF or CR ending a record.
  private mutating func consumeLineEnd() {
    guard position < bytes.count else { return }
    if bytes[position] == CSVParser.carriageReturn {
      position += 1
      if position < bytes.count, bytes[position] == CSVParser.lineFeed { position += 1 }
      line += 1
    } else if bytes[position] == CSVParser.lineFeed {
      position += 1
      line += 1
    }
  }
}
