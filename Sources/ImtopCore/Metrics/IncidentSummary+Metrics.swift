extension IncidentSummary {
  /// The incident figures at `now`: an incident opened later does not exist yet, and one resolved
  /// later is still open.
  public init(incidents: [Incident], at now: Timestamp) {
    var open: [Priority: Int] = [:]
    for priority in Priority.allCases { open[priority] = 0 }
    let openList = incidents.filter { $0.isOpen(at: now) }
    for incident in openList { open[incident.priority, default: 0] += 1 }
    self.init(
      open: open,
      mttrMinutes: Windowed { window in
        IncidentSummary.meanMinutes(incidents, window: window.span, at: now) { $0.resolved }
      },
      mttaMinutes: Windowed { window in
        IncidentSummary.meanMinutes(incidents, window: window.span, at: now) { $0.acknowledged }
      },
      openList: openList.sorted { ($0.priority, $0.opened, $0.id) < ($1.priority, $1.opened, $1.id) })
  }

  /// Mean minutes from opening to `milestone` over incidents whose milestone falls in
  /// `(now − window, now]`; nil when none did. A milestone before the opening (a bad export) is left
  /// out rather than giving a negative duration.
  static func meanMinutes(
    _ incidents: [Incident], window: Span, at now: Timestamp, milestone: (Incident) -> Timestamp?
  ) -> Double? {
    let from = now - window
    var total: Int64 = 0
    var count = 0
    for incident in incidents {
      guard let time = milestone(incident), time > from, time <= now, time >= incident.opened else { continue }
      total &+= (time - incident.opened).milliseconds
      count += 1
    }
    guard count > 0 else { return nil }
    return Double(total) / Double(count) / 60_000
  }
}
