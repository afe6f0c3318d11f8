/// How long a record series must be kept: calendar years, months or days.
public struct RetentionPeriod: Hashable, Sendable, CustomStringConvertible {
  public enum Unit: String, Hashable, Sendable {
    case years = "y", months = "m", days = "d"
  }

  public var amount: Int
  public var unit: Unit

  public init(amount: Int, unit: Unit) {
    self.amount = amount
    self.unit = unit
  }

  /// `date` plus the period, in calendar arithmetic: a day the target month lacks (29 February
  /// plus one year) becomes that month's last day.
  public func added(to date: LocalDate) -> LocalDate {
    switch unit {
    case .days:
      return LocalDate(dayNumber: date.dayNumber + Int64(amount))
    case .years, .months:
      let months = (date.year * 12 + date.month - 1) + (unit == .years ? amount * 12 : amount)
      let year = months >= 0 ? months / 12 : (months - 11) / 12
      let month = months - year * 12 + 1
      let day = min(date.day, CivilTime.daysInMonth(year: year, month: month))
      return LocalDate(year: year, month: month, day: day)
    }
  }

  public var description: String { "\(amount)\(unit.rawValue)" }
}
