/// The header line of a CSV file: which column holds which field.
///
/// Names match case-insensitively with surrounding spaces trimmed, and a space or `-` matches `_`
/// (`End of support` finds `end_of_support`), because spreadsheet users retitle columns freely.
public struct CSVHeader: Hashable, Sendable {
  /// The column names as written, trimmed.
  public let names: [String]
  /// Each column's comparison form (`key`).
  public let keys: [String]
  private let indexByKey: [String: Int]
  /// Per column: whether it is the first with its key (a later one repeats it).
  private let isFirstOfKey: [Bool]

  public init(_ names: [String]) {
    self.names = names.map { $0.trimmingSpaces() }
    let keys = self.names.map(CSVHeader.key)
    var index: [String: Int] = [:]
    for (position, key) in keys.enumerated() where index[key] == nil { index[key] = position }
    self.keys = keys
    self.indexByKey = index
    self.isFirstOfKey = keys.indices.map { index[keys[$0]] == $0 }
  }

  /// The position of a column, or nil when the header does not name it.
  public func index(of column: String) -> Int? {
    // The readers ask by the contract's names, which are their own keys: one lookup, no copy. A
    // name found as written is a key (the table holds only keys).
    if let found = indexByKey[column] { return found }
    return CSVHeader.isKey(column) ? nil : indexByKey[CSVHeader.key(column)]
  }

  /// Whether the column at `position` is the first with its key (not a repeat of an earlier one).
  public func isFirstOfItsKey(_ position: Int) -> Bool {
    isFirstOfKey.indices.contains(position) && isFirstOfKey[position]
  }

  /// The comparison form of a column name: trimmed, lower case, `_` for spaces and `-`.
  public static func key(_ name: String) -> String {
    if isKey(name) { return name }
    return String(name.trimmingSpaces().lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 })
  }

  /// Whether `name` is already in its comparison form (lower-case ASCII letters, digits and `_`).
  private static func isKey(_ name: String) -> Bool {
    name.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F }
  }
}

/// One data row of a CSV file seen through its header.
public struct CSVRow: Sendable {
  public let header: CSVHeader
  /// The fields, padded with empty ones to the header's width.
  public let fields: [String]
  public let location: SourceLocation

  public init(header: CSVHeader, fields: [String], location: SourceLocation) {
    self.header = header
    self.fields = fields.count < header.names.count
      ? fields + Array(repeating: "", count: header.names.count - fields.count) : fields
    self.location = location
  }

  /// The trimmed value of a column; empty when the column is missing or blank.
  public subscript(column: String) -> String {
    guard let index = header.index(of: column), index < fields.count else { return "" }
    return fields[index].trimmingSpaces()
  }

  /// The columns the contract does not define, in file order, with their headers as written.
  ///
  /// Blank columns with blank headers (a trailing separator) are left out; a blank header over a
  /// value is named by its position.
  public func extras(known: Set<String>) -> [ExtraField] {
    var result: [ExtraField] = []
    for (index, key) in header.keys.enumerated() where index < fields.count {
      let name = header.names[index]
      // A repeated column is kept as an extra, so that nothing written is lost.
      if header.isFirstOfItsKey(index) && known.contains(key) { continue }
      let value = fields[index].trimmingSpaces()
      if name.isEmpty && value.isEmpty { continue }
      result.append(ExtraField(name: name.isEmpty ? "column \(index + 1)" : name, value: value))
    }
    return result
  }
}
