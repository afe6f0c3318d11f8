extension YearMonth {
  /// The month's last calendar day.
  public var lastDay: LocalDate {
    LocalDate(year: year, month: month, day: CivilTime.daysInMonth(year: year, month: month))
  }

  /// Whether the month has closed on `today`: its last day is before `today`.
  ///
  /// Finance books a month's actuals only after it closes, so a month whose last day is today is
  /// still open; `today` is the local date in the organisation's zone (README, "Budget").
  public func hasClosed(on today: LocalDate) -> Bool {
    lastDay < today
  }
}
