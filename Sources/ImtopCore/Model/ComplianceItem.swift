/// One row of `compliance.csv`: an obligation with a due date.
public struct ComplianceItem: Hashable, Sendable {
  public var id: String
  public var kind: ComplianceKind
  public var system: String?
  public var owner: String
  public var severity: Severity
  public var opened: Timestamp
  public var due: Deadline
  public var closed: Timestamp?
  /// Free text (`title`, optional): what the obligation is.
  public var title: String = ""
  public var extra: [ExtraField]
  public var location: SourceLocation

  public init(
    id: String, kind: ComplianceKind, system: String? = nil, owner: String = "", severity: Severity,
    opened: Timestamp, due: Deadline, closed: Timestamp? = nil, extra: [ExtraField] = [],
    location: SourceLocation = SourceLocation(file: "", line: 0)
  ) {
    self.id = id
    self.kind = kind
    self.system = system
    self.owner = owner
    self.severity = severity
    self.opened = opened
    self.due = due
    self.closed = closed
    self.extra = extra
    self.location = location
  }

  public func isOpen(at now: Timestamp) -> Bool {
    opened <= now && !(closed.map { $0 <= now } ?? false)
  }

  /// Open at `now` and past its due date (a date lasting to the end of its day in `zone`).
  public func isOverdue(at now: Timestamp, zone: Zone) -> Bool {
    isOpen(at: now) && now >= due.overdueFrom(in: zone)
  }
}

/// A due date: either a full instant, or a calendar date that lasts until the end of that day in
/// the organisation's time zone.
public enum Deadline: Hashable, Sendable {
  case instant(Timestamp)
  case date(LocalDate)

  /// The first instant at which something not done is overdue.
  public func overdueFrom(in zone: Zone) -> Timestamp {
    switch self {
    case .instant(let t): return t + Span(milliseconds: 1)
    case .date(let d): return zone.startOfDay(LocalDate(dayNumber: d.dayNumber + 1))
    }
  }

  /// The calendar date of the deadline in the zone.
  public func localDate(in zone: Zone) -> LocalDate {
    switch self {
    case .instant(let t): return zone.date(of: t)
    case .date(let d): return d
    }
  }
}
