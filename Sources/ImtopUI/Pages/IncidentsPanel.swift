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
    let title = "Incidents \(open) open" + (p1 > 0 ? sep + "\(p1) P1" : "") + sep + "MTTR " + context.format.minutes(incidents.mttrMinutes.month)
    guard let inner = context.panel(title, [.incidents], in: area, buffer: &buffer) else { return }
    let shown = incidents.openList.prefix(inner.height)
    let names = Self.names(of: Set(shown.map(\.system)), in: context.snapshot.systems)
    let entries = shown.map { incident in
      EventLog.Entry(time: DisplayFormat.age(context.snapshot.asOf - incident.opened), symbol: incident.priority.rawValue,
                     role: incident.priority <= .p2 ? .crit : (incident.priority == .p3 ? .warn : .muted),
                     text: "\(names[incident.system] ?? incident.system): \(incident.summary)")
    }
    EventLog(entries: Array(entries), total: incidents.openList.count, glyphs: context.glyphs, emptyText: "\(context.glyphs.up) No open incidents").render(in: inner, buffer: &buffer)
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
