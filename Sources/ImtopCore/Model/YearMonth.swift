/// A calendar month, as budget lines' `period` names it (`YYYY-MM`).
public struct YearMonth: Comparable, Hashable, Sendable, CustomStringConvertible {
  public var year: Int
  public var month: Int

  public init(year: Int, month: Int) {
    self.year = year
    self.month = month
  }

  /// Parses exactly `YYYY-MM` (month 01..12); nil for anything else.
  public init?(_ text: String) {
    let bytes = Array(text.utf8)
    guard bytes.count == 7, bytes[4] == UInt8(ascii: "-") else { return nil }
    var year = 0
    for b in bytes[0..<4] {
      guard b >= 48 && b <= 57 else { return nil }
      year = year * 10 + Int(b - 48)
    }
    guard bytes[5] >= 48 && bytes[5] <= 57 && bytes[6] >= 48 && bytes[6] <= 57 else { return nil }
    let month = Int(bytes[5] - 48) * 10 + Int(bytes[6] - 48)
    guard (1...12).contains(month) else { return nil }
    self.init(year: year, month: month)
  }

  /// Months since year 0, so that ranges of months are plain integer ranges.
  public var ordinal: Int { year * 12 + (month - 1) }

  public init(ordinal: Int) {
    self.init(year: ordinal / 12, month: ordinal % 12 + 1)
  }

  public func adding(months: Int) -> YearMonth { YearMonth(ordinal: ordinal + months) }

  public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool { lhs.ordinal < rhs.ordinal }

  public var description: String {
    let y = String(year)
    let m = month < 10 ? "0\(month)" : "\(month)"
    return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + m
  }
}

/// A calendar date without a time of day (`end_of_support`, a date-only `due`).
public struct LocalDate: Comparable, Hashable, Sendable, CustomStringConvertible {
  public var year: Int
  public var month: Int
  public var day: Int

  public init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// Days since 1970-01-01, so that differences are calendar days.
  public var dayNumber: Int64 { CivilTime.days(fromCivil: year, month, day) }

  public init(dayNumber: Int64) {
    let (y, m, d) = CivilTime.civil(fromDays: dayNumber)
    self.init(year: y, month: m, day: d)
  }

  public var yearMonth: YearMonth { YearMonth(year: year, month: month) }

  public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

  public var description: String {
    let m = month < 10 ? "0\(month)" : "\(month)"
    let d = day < 10 ? "0\(day)" : "\(day)"
    // Four digits at least, as ISO 8601 writes years (`0999-01-01`).
    let y = String(year.magnitude)
    return (year < 0 ? "-" : "") + String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + m + "-" + d
  }
}
