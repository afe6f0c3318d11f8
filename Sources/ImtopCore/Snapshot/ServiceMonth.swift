/// One system's service figures for one calendar month of the fiscal year (the README's "Monthly
/// service figures"): what a monthly service review reads.
public struct ServiceMonth: Sendable, Hashable {
  public var month: YearMonth
  /// (up + degraded) / (up + degraded + down) × 100 over the month (cut at `now` for the current
  /// one); nil when none of that time was observed.
  public var availability: Double?
  /// Known time (maintenance included) as a percentage of the month so far; 0 for an empty month.
  public var coverage: Double
  /// Outages whose first down sample lies in the month.
  public var outages: Int
  /// Down time in the month, in minutes (fractional).
  public var downtimeMinutes: Double
  /// Availability ≥ the system's SLA, compared unrounded; nil when either is missing.
  public var slaMet: Bool?

  public init(
    month: YearMonth, availability: Double?, coverage: Double, outages: Int, downtimeMinutes: Double, slaMet: Bool?
  ) {
    self.month = month
    self.availability = availability
    self.coverage = coverage
    self.outages = outages
    self.downtimeMinutes = downtimeMinutes
    self.slaMet = slaMet
  }
}
