/// An RFC 4180 CSV parser over raw bytes, as spreadsheets and finance tools actually write CSV.
///
/// Written by hand rather than taken from a package (SwiftCSV, CodableCSV...) because the data
/// contract needs what those do not give: the physical line on which every record starts (a quoted
/// field may span lines, and every problem is reported as `file:line`), a per-record error that
/// leaves the other records readable, and the separator sniffed from the header line (`,`, `;` or
/// tab, as European spreadsheets export). It accepts a UTF-8 byte-order mark, CRLF, LF or a lone CR,
/// quoted fields with separators, doubled quotes and line breaks, and it skips blank lines (also
/// rows of empty unquoted fields, `,,,`, which spreadsheets leave below the data).
/// A quote inside an unquoted field is kept as text (csv-spectrum's `location_coordinates`).
///
/// - Complexity: O(n) in the bytes of the file.
public enum CSVParser {
  static let quote = UInt8(ascii: "\"")
  static let lineFeed = UInt8(ascii: "\n")
  static let carriageReturn = UInt8(ascii: "\r")
  static let space = UInt8(ascii: " ")
  static let tab = UInt8(ascii: "\t")

  /// Parses a whole file; throws only when it is not usable text (`TextCheck`) or not whole (it ends
  /// inside a quoted field, or in a row cut short).
  public static func parse(_ bytes: [UInt8]) throws(CSVFileError) -> CSVDocument {
    if let problem = TextCheck.problem(in: bytes) { throw CSVFileError(message: problem.message, line: problem.line) }
    var start = 0
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
    let separator = sniffSeparator(bytes, from: start)
    var scanner = CSVScanner(bytes: bytes, position: start, separator: separator)
    var document = CSVDocument(separator: separator)
    var isFirst = true
    while let entry = scanner.nextEntry() {
      // A malformed first record leaves `header` nil: the readers then reject the file with its message.
      if isFirst, case .record(let record) = entry {
        document.header = record
      } else {
        document.entries.append(entry)
      }
      isFirst = false
    }
    // Whatever the rows before it, a file that ends inside quotes is not whole: most often an export
    // caught while it is being written, whose records are cut short. None of it is used.
    if let line = scanner.unclosedQuoteLine {
      throw CSVFileError(
        message: "the file ends inside a quoted field that opens on line \(line): expected a closing \" (a file cut off while being written?)",
        line: line)
    }
    // The same for a last row with no end of line and fewer fields than the header names: a row cut
    // short while being written. Read as a row, it would pass the rows before it off as the whole
    // file (a budget of €2.77M read as €60k, with one bad-row warning). A short row that ends its
    // line is read as before (its missing fields empty), and so is a last row short only of columns
    // the header leaves unnamed (`a,b,c,`). A hand-written file whose last row leaves fields out
    // needs the line end after it: the message says so.
    if scanner.lastEntryUnterminated, let header = document.header, case .record(let record) = document.entries.last {
      let named = (header.fields.lastIndex { !$0.allSatisfy(\.isWhitespace) } ?? -1) + 1
      if record.fields.count < named {
        throw CSVFileError(
          message: "the file ends in the middle of line \(record.line), which has \(record.fields.count) of the header's \(named) fields and no end of line: expected the rest of the row, or a line end after it if the row is whole (a file cut off while being written?)",
          line: record.line)
      }
    }
    return document
  }

  /// The most frequent of `,`, `;` and tab in the first line outside quotes; `,` on a tie or when
  /// there is none (a one-column file).
  public static func sniffSeparator(_ bytes: [UInt8], from start: Int = 0) -> UInt8 {
    var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, tab: 0]
    var inQuotes = false
    var index = start
    while index < bytes.count {
      let byte = bytes[index]
      if byte == quote {
        inQuotes.toggle()
      } else if !inQuotes {
        if byte == lineFeed || byte == carriageReturn { break }
        if let count = counts[byte] { counts[byte] = count + 1 }
      }
      index += 1
    }
    var best = UInt8(ascii: ",")
    for candidate in [UInt8(ascii: ";"), tab] where counts[candidate, default: 0] > counts[best, default: 0] {
      best = candidate
    }
    return best
  }
}
