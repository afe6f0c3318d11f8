/// One record of a CSV file: its fields, unquoted, and the physical line it starts on.
public struct CSVRecord: Hashable, Sendable {
  public var fields: [String]
  /// The physical line where the record starts (the header is line 1); a quoted field with line
  /// breaks makes the next record start further down.
  public var line: Int

  public init(fields: [String], line: Int) {
    self.fields = fields
    self.line = line
  }
}

/// A record as the parser found it: readable, or malformed with the reason.
public enum CSVEntry: Hashable, Sendable {
  case record(CSVRecord)
  /// An unterminated quote, or text after a closing quote; the message says which and where.
  case malformed(line: Int, message: String)

  public var line: Int {
    switch self {
    case .record(let record): return record.line
    case .malformed(let line, _): return line
    }
  }
}

/// A whole CSV file: its separator, its header, and every other record in file order.
public struct CSVDocument: Hashable, Sendable {
  /// `,`, `;` or a tab, as found in the header line.
  public var separator: UInt8
  /// The first non-blank record; nil for an empty file.
  public var header: CSVRecord?
  /// The records after the header, blank lines left out.
  public var entries: [CSVEntry]

  public init(separator: UInt8 = UInt8(ascii: ","), header: CSVRecord? = nil, entries: [CSVEntry] = []) {
    self.separator = separator
    self.header = header
    self.entries = entries
  }
}

/// A file that is not CSV text at all (not UTF-8); no record of it can be trusted.
public struct CSVFileError: Error, Hashable, Sendable {
  public var message: String
  /// The physical line of the first offending byte.
  public var line: Int

  public init(message: String, line: Int) {
    self.message = message
    self.line = line
  }
}
