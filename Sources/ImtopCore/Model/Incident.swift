/// One row of `incidents.csv`, an ITSM export.
public struct Incident: Hashable, Sendable {
  public var id: String
  public var system: String
  public var priority: Priority
  public var opened: Timestamp
  public var acknowledged: Timestamp?
  public var resolved: Timestamp?
  public var summary: String
  public var extra: [ExtraField]
  public var location: SourceLocation

  public init(
    id: String, system: String, priority: Priority, opened: Timestamp, acknowledged: Timestamp? = nil,
    resolved: Timestamp? = nil, summary: String = "", extra: [ExtraField] = [],
    location: SourceLocation = SourceLocation(file: "", line: 0)
  ) {
    self.id = id
    self.system = system
    self.priority = priority
    self.opened = opened
    self.acknowledged = acknowledged
    self.resolved = resolved
    self.summary = summary
    self.extra = extra
    self.location = location
  }

  /// Open at `now`: opened at or before it and not resolved at or before it.
  public func isOpen(at now: Timestamp) -> Bool {
    opened <= now && !(resolved.map { $0 <= now } ?? false)
  }

  /// Acknowledged at `now`: the acknowledgement is at or before it (one given later has not happened yet).
  public func isAcknowledged(at now: Timestamp) -> Bool {
    acknowledged.map { $0 <= now } ?? false
  }
}
