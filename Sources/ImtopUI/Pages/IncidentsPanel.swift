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
    let names = Dictionary(context.snapshot.systems.map { ($0.id, $0.record.displayName) }, uniquingKeysWith: { first, _ in first })
    let entries = incidents.openList.prefix(inner.height).map { incident in
      EventLog.Entry(time: DisplayFormat.age(context.snapshot.asOf - incident.opened), symbol: incident.priority.rawValue,
                     role: incident.priority <= .p2 ? .crit : (incident.priority == .p3 ? .warn : .muted),
                     text: "\(names[incident.system] ?? incident.system): \(incident.summary)")
    }
    EventLog(entries: Array(entries), glyphs: context.glyphs, emptyText: "\(context.glyphs.up) No open incidents").render(in: inner, buffer: &buffer)
  }
}
