/// Reads `retention.csv`: the records retention schedule.
public enum RetentionReader {
  /// The columns the contract defines; any other column is kept as an `ExtraField`.
  public static let columns: Set<String> = ["series", "system", "retention", "oldest", "records", "legal_hold", "owner"]

  /// Reads one retention file; `series`, `retention` and `oldest` are required.
  public static func read(_ bytes: [UInt8], path: String, context: ReadContext) -> FileReading<RetentionSeries> {
    CSVRecordReader.read(bytes, path: path, required: ["series", "retention", "oldest"]) { row throws(ValueError) in
      try record(row, zone: context.zone)
    }
  }

  static func record(_ row: CSVRow, zone: Zone) throws(ValueError) -> RetentionSeries {
    let series = try ValueParser.required(row["series"], column: "series", expected: "the record series' name")
    let retention = try ValueParser.retentionPeriod(row["retention"], column: "retention")
    let oldestText = try ValueParser.required(
      row["oldest"], column: "oldest", expected: "the date of the oldest record held (YYYY-MM-DD)")
    let oldest = try ValueParser.calendarDate(oldestText, column: "oldest", zone: zone)
    let records =
      row["records"].isEmpty
      ? nil : try ValueParser.count(row["records"], column: "records", expected: "the number of records held, 0 or more")
    let legalHold = try ValueParser.flag(row["legal_hold"], column: "legal_hold")
    return RetentionSeries(
      series: series, system: row["system"].isEmpty ? nil : row["system"], retention: retention, oldest: oldest,
      records: records, legalHold: legalHold, owner: row["owner"], extra: row.extras(known: columns),
      location: row.location)
  }
}
