/// A CSV file read as a table: its rows seen through the header, and a problem per malformed row.
///
/// The common first step of every CSV reader: it rejects the whole file when it is not UTF-8, is
/// empty, or lacks a required column, and rejects single rows that are malformed or too wide.
public struct CSVTable: Sendable {
  public var header: CSVHeader
  public var rows: [CSVRow]
  public var issues: [DataIssue]

  /// A whole-file problem, with the line to report it on (1 for the header).
  public struct Failure: Error, Sendable {
    public var line: Int
    public var message: String
  }

  /// Reads `bytes` as the CSV file at `path` (relative to the data directory).
  /// - Parameter required: columns the header must name (the file is rejected without them).
  public static func read(_ bytes: [UInt8], path: String, required: [String]) throws(Failure) -> CSVTable {
    let document: CSVDocument
    do {
      document = try CSVParser.parse(bytes)
    } catch {
      throw Failure(line: error.line, message: error.message)
    }
    guard let headerRecord = document.header else {
      if case .malformed(let line, let message)? = document.entries.first {
        throw Failure(line: line, message: "bad header: \(message)")
      }
      throw Failure(line: 1, message: "empty file: expected a header line naming the columns (\(required.joined(separator: ", ")), ...)")
    }
    let header = CSVHeader(headerRecord.fields)
    let missing = required.filter { header.index(of: $0) == nil }
    if !missing.isEmpty {
      let names = missing.map { "\"\($0)\"" }.joined(separator: ", ")
      let found = header.names.filter { !$0.isEmpty }.joined(separator: ", ")
      throw Failure(
        line: headerRecord.line,
        message: "no \(names) column\(missing.count > 1 ? "s" : ""): the header must name \(required.joined(separator: ", ")) (found: \(found))")
    }
    var table = CSVTable(header: header, rows: [], issues: [])
    let width = header.names.count
    for entry in document.entries {
      let location = SourceLocation(file: path, line: entry.line)
      switch entry {
      case .malformed(_, let message):
        table.issues.append(DataIssue(at: location, message))
      case .record(let record) where record.fields.count > width:
        table.issues.append(DataIssue(
          at: location,
          "\(record.fields.count) fields, expected at most \(width) (the header has \(width) columns)"))
      case .record(let record):
        table.rows.append(CSVRow(header: header, fields: record.fields, location: location))
      }
    }
    return table
  }
}
