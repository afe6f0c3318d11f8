/// The twelve months of the fiscal year that contains an instant.
///
/// The year is found from the local date of the instant in the organisation's zone, because finance
/// closes months by the local calendar: at 23:30 on 31 March in Berlin it is still March there.
public struct FiscalYear: Hashable, Sendable {
  public let start: YearMonth

  public init(start: YearMonth) {
    self.start = start
  }

  /// The fiscal year starting in month `startMonth` (1...12; out-of-range values read as January)
  /// that contains `instant` in `zone`.
  public init(containing instant: Timestamp, startMonth: Int, zone: Zone) {
    let month = (1...12).contains(startMonth) ? startMonth : 1
    let today = zone.date(of: instant)
    let year = today.month >= month ? today.year : today.year - 1
    self.init(start: YearMonth(year: year, month: month))
  }

  public var end: YearMonth { start.adding(months: 11) }

  /// Every month of the year, in order.
  public var months: [YearMonth] { (0..<12).map { start.adding(months: $0) } }

  public func contains(_ month: YearMonth) -> Bool {
    month.ordinal >= start.ordinal && month.ordinal <= end.ordinal
  }
}
