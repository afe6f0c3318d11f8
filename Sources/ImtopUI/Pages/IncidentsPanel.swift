import ImtopCore

/// Open incidents, most urgent first: priority, system, age and summary, with counts per priority
/// and MTTR in the title.
struct IncidentsPanel {
  let context: PageContext

  func render(in area: Rect, buffer: inout Buffer) {
    let incidents = context.snapshot.incidents
    let open = incidents.open.values.reduce(0, +)
    let p1 = incidents.open[.p1] ?? 0
    let sep = " \(context.glyphs.separator) "
    // The fullest title that fits beside the data age (see `Panel`); the open count always shows.
    let count = "Incidents \(open) open"
    let p1Count = count + (p1 > 0 ? sep + "\(p1) P1" : "")
    let full = p1Count + sep + "MTTR " + context.format.minutes(incidents.mttrMinutes.month)
    guard let inner = context.panel(full, shorterTitles: [p1Count, count], [.incidents], in: area, buffer: &buffer) else { return }
    EventLog(entries: entries(incidents.openList.prefix(inner.height), since: \.opened), total: incidents.openList.count,
             glyphs: context.glyphs, emptyText: "\(context.glyphs.up) No open incidents").render(in: inner, buffer: &buffer)
  }

  /// The incidents resolved in the last 30 days, latest first, with how long ago each was resolved
  /// (tall screens, under the open ones).
  func renderResolved(in area: Rect, buffer: inout Buffer) {
    let resolved = context.snapshot.incidents.resolvedList
    guard let inner = context.panel("Resolved in the last 30 days \(resolved.count)", [.incidents], in: area, buffer: &buffer) else { return }
    EventLog(entries: entries(resolved.prefix(inner.height), since: { $0.resolved ?? $0.opened }), total: resolved.count,
             glyphs: context.glyphs, emptyText: "None resolved in 30 days").render(in: inner, buffer: &buffer)
  }

  /// A line per incident: the age of `since`, the priority and `system: summary`.
  private func entries(_ shown: ArraySlice<Incident>, since: (Incident) -> Timestamp) -> [EventLog.Entry] {
    let names = Self.names(of: Set(shown.map(\.system)), in: context.snapshot.systems)
    return shown.map { incident in
      EventLog.Entry(time: context.age(since: since(incident)), symbol: incident.priority.rawValue,
                     role: Self.role(incident.priority), text: "\(names[incident.system] ?? incident.system): \(incident.summary)")
    }
  }

  /// A priority's colour: P1 and P2 critical, P3 a warning, P4 muted.
  static func role(_ priority: Priority) -> Role {
    priority <= .p2 ? .crit : (priority == .p3 ? .warn : .muted)
  }

  /// The display names of the systems with these ids (the first system with an id wins), looked up
  /// in one pass so a frame does not build a dictionary of every system for a few incident lines.
  static func names(of ids: Set<String>, in systems: [SystemHealth]) -> [String: String] {
    var names: [String: String] = [:]
    guard !ids.isEmpty else { return names }
    for index in systems.indices where names.count < ids.count {
      let id = systems[index].id
      if ids.contains(id), names[id] == nil { names[id] = systems[index].record.displayName }
    }
    return names
  }
}
