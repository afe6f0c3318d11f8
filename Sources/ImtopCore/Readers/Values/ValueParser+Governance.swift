/// The value forms the governance files add: yes/no flags, counts, deadlines, calendar dates,
/// review intervals and retention periods. One home for each, shared by every reader.
extension ValueParser {
  /// `yes`/`no`, `true`/`false`, `1`/`0` in any case; empty is no.
  public static func flag(_ text: String, column: String) throws(ValueError) -> Bool {
    switch text.lowercased() {
    case "", "no", "false", "0", "n": return false
    case "yes", "true", "1", "y": return true
    default: throw ValueError("\(column) \"\(text)\" is not yes or no: expected yes/no, true/false or 1/0")
    }
  }

  /// A whole number of things, 0 or more; `empty` when the cell is blank.
  public static func count(_ text: String, column: String, empty: Int? = nil, expected: String) throws(ValueError) -> Int {
    if text.isEmpty, let empty { return empty }
    let required = try self.required(text, column: column, expected: expected)
    return try integer(required, column: column, in: 0...Int.max, expected: expected)
  }

  /// A deadline: a date alone (it lasts all that day in `zone`) or a full time.
  public static func deadline(_ text: String, column: String, zone: Zone) throws(ValueError) -> Deadline {
    let required = try self.required(
      text, column: column, expected: "a date (YYYY-MM-DD) or a time (\(TimestampParser.expected))")
    let parsed = try time(required, column: column, zone: zone)
    return parsed.dateOnly.map { .date($0) } ?? .instant(parsed.instant)
  }

  /// A calendar date: `YYYY-MM-DD`, or a time, taken as its date in `zone`.
  public static func calendarDate(_ text: String, column: String, zone: Zone) throws(ValueError) -> LocalDate {
    guard let parsed = TimestampParser.parse(text, zone: zone) else {
      throw ValueError("\(column) \"\(text)\" is not a date: expected YYYY-MM-DD")
    }
    return parsed.dateOnly ?? zone.date(of: parsed.instant)
  }

  /// A review interval in days, `90` or `90d`, at least 1.
  public static func days(_ text: String, column: String) throws(ValueError) -> Int {
    let expected = "a number of days such as 90 or 90d, 1 or more"
    let digits = text.lowercased().hasSuffix("d") ? String(text.dropLast()).trimmingSpaces() : text
    guard let days = Int(digits) else { throw ValueError("\(column) \"\(text)\" is not a number: expected \(expected)") }
    guard days >= 1 && days <= 3_650_000 else {
      throw ValueError("\(column) \"\(text)\" is out of range: expected \(expected)")
    }
    return days
  }

  /// A retention period: `7y`, `18m` or `90d` (calendar years, months or days).
  public static func retentionPeriod(_ text: String, column: String) throws(ValueError) -> RetentionPeriod {
    let expected = "a period such as 7y, 18m or 90d (years, months or days)"
    let required = try self.required(text, column: column, expected: expected)
    guard let last = required.lowercased().last, let unit = RetentionPeriod.Unit(rawValue: String(last)) else {
      throw ValueError("\(column) \"\(text)\" has no unit y, m or d: expected \(expected)")
    }
    guard let amount = Int(String(required.dropLast()).trimmingSpaces()), amount >= 0, amount <= 100_000 else {
      throw ValueError("\(column) \"\(text)\" is not a whole number of years, months or days: expected \(expected)")
    }
    return RetentionPeriod(amount: amount, unit: unit)
  }
}
