extension IncidentSummary {
  /// The incident figures at `now`: an incident opened later does not exist yet, and one resolved
  /// later is still open.
  public init(incidents: [Incident], at now: Timestamp) {
    var open: [Priority: Int] = [:]
    var unacknowledged: [Priority: Int] = [:]
    var byPriority: [Priority: ResponseTimes] = [:]
    let month = Window.month.span
    for priority in Priority.allCases {
      open[priority] = 0
      unacknowledged[priority] = 0
      let these = incidents.filter { $0.priority == priority }
      byPriority[priority] = ResponseTimes(
        mttrMinutes: IncidentSummary.meanMinutes(these, window: month, at: now) { $0.resolved },
        mttaMinutes: IncidentSummary.meanMinutes(these, window: month, at: now) { $0.acknowledged })
    }
    let openList = incidents.filter { $0.isOpen(at: now) }
    open.merge(Self.openCounts(openList, at: now)) { $1 }
    for incident in openList where !incident.isAcknowledged(at: now) { unacknowledged[incident.priority, default: 0] += 1 }
    // Resolved inside the window (the one MTTR is taken over), by an incident that existed by then.
    let resolvedList = incidents.filter { incident in
      guard let resolved = incident.resolved else { return false }
      return resolved > now - month && resolved <= now && incident.opened <= now
    }
    self.init(
      open: open,
      mttrMinutes: Windowed { window in
        IncidentSummary.meanMinutes(incidents, window: window.span, at: now) { $0.resolved }
      },
      mttaMinutes: Windowed { window in
        IncidentSummary.meanMinutes(incidents, window: window.span, at: now) { $0.acknowledged }
      },
      openList: openList.sorted { ($0.priority, $0.opened, $0.id) < ($1.priority, $1.opened, $1.id) },
      unacknowledged: unacknowledged, byPriority30d: byPriority,
      resolvedList: resolvedList.sorted { a, b in
        a.resolved != b.resolved ? (a.resolved ?? a.opened) > (b.resolved ?? b.opened) : (a.priority, a.id) < (b.priority, b.id)
      })
  }

  /// The incidents open at `now` per priority (only the priorities with one).
  static func openCounts(_ incidents: [Incident], at now: Timestamp) -> [Priority: Int] {
    var open: [Priority: Int] = [:]
    for incident in incidents where incident.isOpen(at: now) { open[incident.priority, default: 0] += 1 }
    return open
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
