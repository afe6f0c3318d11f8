/// One row of `retention.csv`: a record series, how long it must be kept, and its oldest record.
public struct RetentionSeries: Hashable, Sendable {
  public var series: String
  public var system: String?
  public var retention: RetentionPeriod
  public var oldest: LocalDate
  /// Records held; nil when not given (counted as 0).
  public var records: Int?
  public var legalHold: Bool
  public var owner: String
  public var extra: [ExtraField]
  public var location: SourceLocation

  public init(
    series: String, system: String? = nil, retention: RetentionPeriod, oldest: LocalDate, records: Int? = nil,
    legalHold: Bool = false, owner: String = "", extra: [ExtraField] = [],
    location: SourceLocation = SourceLocation(file: "", line: 0)
  ) {
    self.series = series
    self.system = system
    self.retention = retention
    self.oldest = oldest
    self.records = records
    self.legalHold = legalHold
    self.owner = owner
    self.extra = extra
    self.location = location
  }

  /// The date the oldest record may be disposed of: `oldest` + `retention`.
  public var disposal: LocalDate { retention.added(to: oldest) }

  /// Calendar days from the disposal date to `today` when that date has passed; nil otherwise.
  /// A legal hold does not change it (see `isPastRetention`).
  public func daysPastDisposal(today: LocalDate) -> Int? {
    let days = today.dayNumber - disposal.dayNumber
    return days > 0 ? Int(days) : nil
  }

  /// Past retention on `today`: the disposal date has passed (disposal today is not) and no legal hold.
  public func isPastRetention(today: LocalDate) -> Bool {
    !legalHold && daysPastDisposal(today: today) != nil
  }
}
