/// Reads `budget.csv`, the finance export of planned and booked amounts per month.
public enum BudgetReader {
  /// The columns the contract defines; any other column is kept as an `ExtraField`.
  public static let columns: Set<String> = ["period", "system", "category", "type", "planned", "actual", "currency"]

  /// Reads one budget file; every amount must be in `context.currency`.
  ///
  /// A file with only `actual` (an actuals export) or only `planned` is fine: the lines of all budget
  /// files simply add up, and an empty `planned` counts as zero.
  public static func read(_ bytes: [UInt8], path: String, context: ReadContext) -> FileReading<BudgetLine> {
    var reading = CSVRecordReader.read(bytes, path: path, required: ["period", "type"]) { row throws(ValueError) in
      try record(row, currency: context.currency)
    }
    if reading.failure == nil, let header = headerNames(bytes),
      header.index(of: "planned") == nil && header.index(of: "actual") == nil
    {
      let message = "no \"planned\" or \"actual\" column: the header must name period, type, and planned or actual"
      reading = FileReading(issues: [DataIssue(file: path, line: 1, message: message)], failure: message, rejected: 0)
    }
    return reading
  }

  static func record(_ row: CSVRow, currency: String) throws(ValueError) -> BudgetLine {
    let periodText = try ValueParser.required(row["period"], column: "period", expected: "a month as YYYY-MM")
    guard let period = YearMonth(periodText) else {
      throw ValueError("period \"\(periodText)\" is not YYYY-MM")
    }
    let written = row["currency"]
    if !written.isEmpty && written.uppercased() != currency {
      throw ValueError("currency \"\(written)\" is not the organisation's currency \(currency): every budget line must be in \(currency)")
    }
    let category: BudgetCategory =
      row["category"].isEmpty ? .other : try ValueParser.enumeration(row["category"], column: "category")
    let typeText = try ValueParser.required(row["type"], column: "type", expected: CostType.expectedDescription)
    let type: CostType = try ValueParser.enumeration(typeText, column: "type")
    let planned = try amount(row, "planned", currency: currency) ?? .zero
    let actual = try amount(row, "actual", currency: currency)
    return BudgetLine(
      period: period, system: row["system"].isEmpty ? nil : row["system"], category: category, type: type,
      planned: planned, actual: actual, extra: row.extras(known: columns), location: row.location)
  }

  /// A non-negative amount, or nil when the cell is empty.
  private static func amount(_ row: CSVRow, _ column: String, currency: String) throws(ValueError) -> Money? {
    let text = row[column]
    guard !text.isEmpty else { return nil }
    let money = try MoneyParser.parse(text, column: column, currency: currency)
    guard money >= .zero else {
      throw ValueError("negative amount \"\(text)\" in \(column): expected 0 or more")
    }
    return money
  }

  /// The first currency a budget file names, in its `currency` column or by an amount's symbol or
  /// code; nil when it names none (or cannot be read). Used when `imtop.toml` sets no currency.
  public static func firstCurrency(in bytes: [UInt8]) -> String? {
    guard let document = try? CSVParser.parse(bytes), let headerRecord = document.header else { return nil }
    let header = CSVHeader(headerRecord.fields)
    for entry in document.entries {
      guard case .record(let record) = entry else { continue }
      let row = CSVRow(header: header, fields: record.fields, location: SourceLocation(file: "", line: record.line))
      if !row["currency"].isEmpty { return row["currency"].uppercased() }
      for column in ["planned", "actual"] {
        if let code = NumberParser.parse(row[column])?.currency { return code }
      }
    }
    return nil
  }

  private static func headerNames(_ bytes: [UInt8]) -> CSVHeader? {
    guard let document = try? CSVParser.parse(bytes), let header = document.header else { return nil }
    return CSVHeader(header.fields)
  }
}
