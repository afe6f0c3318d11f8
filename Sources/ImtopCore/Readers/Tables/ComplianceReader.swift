/// Reads `compliance.csv`: audit findings, access reviews, training, retention and policy exceptions.
public enum ComplianceReader {
  /// The columns the contract defines; any other column is kept as an `ExtraField`.
  public static let columns: Set<String> = ["id", "kind", "system", "owner", "severity", "opened", "due", "closed", "title"]

  /// Reads one compliance file; `kind`, `severity`, `opened` and `due` are required. A `due` date
  /// alone becomes `Deadline.date` (it lasts all that day), a full time `Deadline.instant`.
  public static func read(_ bytes: [UInt8], path: String, context: ReadContext) -> FileReading<ComplianceItem> {
    CSVRecordReader.read(bytes, path: path, required: ["kind", "severity", "opened", "due"]) { row throws(ValueError) in
      try record(row, zone: context.zone)
    }
  }

  static func record(_ row: CSVRow, zone: Zone) throws(ValueError) -> ComplianceItem {
    let kindText = try ValueParser.required(row["kind"], column: "kind", expected: ComplianceKind.expectedDescription)
    let kind: ComplianceKind = try ValueParser.enumeration(kindText, column: "kind")
    let severityText = try ValueParser.required(row["severity"], column: "severity", expected: Severity.expectedDescription)
    let severity: Severity = try ValueParser.enumeration(severityText, column: "severity")
    let openedText = try ValueParser.required(row["opened"], column: "opened", expected: TimestampParser.expected)
    let opened = try ValueParser.time(openedText, column: "opened", zone: zone).instant
    let dueText = row["due"]
    let due = try ValueParser.deadline(dueText, column: "due", zone: zone)
    // A date-only due lasts all that day, so an item due the day it opened is fine.
    guard due.overdueFrom(in: zone) > opened else {
      throw ValueError("due \"\(dueText)\" is before opened \"\(openedText)\"")
    }
    var item = ComplianceItem(
      id: row["id"], kind: kind, system: row["system"].isEmpty ? nil : row["system"], owner: row["owner"],
      severity: severity, opened: opened, due: due, location: row.location)
    item.title = row["title"]
    item.closed = try IncidentsReader.laterTime(row, "closed", opened: opened, zone: zone)
    item.extra = row.extras(known: columns)
    return item
  }
}
