import ImtopCore

/// Recent state changes and data errors, newest first.
struct FeedPanel {
  let context: PageContext

  func render(in area: Rect, buffer: inout Buffer) {
    let issues = context.snapshot.data.issues.count
    let title = issues > 0 ? "Events \(context.glyphs.separator) \(issues) data issue\(issues == 1 ? "" : "s")" : "Events"
    // With no status file the feed still lists what happened (files that vanished or failed): the
    // panel asks for status.jsonl only when it has nothing to show.
    let hasEntries = !context.state.events.isEmpty || issues > 0
    let listAnyway = hasEntries && context.snapshot.data.missingKinds.contains(.status)
    guard let inner = context.panel(title, listAnyway ? [] : [.status], in: area, buffer: &buffer) else { return }
    var entries = context.state.events.prefix(inner.height).map { Self.entry($0, context: context) }
    var total = context.state.events.count
    if entries.isEmpty {
      // Before any change is seen, show the data issues the snapshot carries.
      entries = context.snapshot.data.issues.prefix(inner.height).map { issue in
        EventLog.Entry(time: "", symbol: context.glyphs.degraded, role: .error, text: issue.description)
      }
      total = issues
    }
    EventLog(entries: entries, total: total, glyphs: context.glyphs, emptyText: "No changes since start")
      .render(in: inner, buffer: &buffer)
  }

  static func entry(_ event: FeedEvent, context: PageContext) -> EventLog.Entry {
    // An event of another day than the figures' (the history the feed opens on) carries its date.
    let sameDay = context.format.date(event.time) == context.format.date(context.snapshot.asOf)
    let time = sameDay ? context.format.clock(event.time) : String(context.format.dateTime(event.time).dropFirst(5))
    switch event.kind {
    case .stateChange(let system, let from, let to):
      let light = StatusLight(state: to, glyphs: context.glyphs)
      let name = context.state.system(id: system)?.record.displayName ?? system
      let text = "\(name) \(from.rawValue) \(context.glyphs.arrowRight) \(to.rawValue)"
      return EventLog.Entry(time: time, symbol: light.symbol, role: light.role, text: text)
    case .dataIssue(let issue):
      return EventLog.Entry(time: time, symbol: context.glyphs.degraded, role: .error, text: issue.description)
    case .note(let note):
      return EventLog.Entry(time: time, symbol: context.glyphs.separator, role: .muted, text: note)
    case .silence(let system, let lastSample, let returned):
      let name = context.state.system(id: system)?.record.displayName ?? system
      let gap = DisplayFormat.duration(event.time - lastSample)
      if returned {
        return EventLog.Entry(time: time, symbol: context.glyphs.up, role: .ok, text: "\(name): reporting again after \(gap)")
      }
      return EventLog.Entry(time: time, symbol: context.glyphs.unknown, role: .warn, text: "\(name): no sample for \(gap)")
    }
  }
}
