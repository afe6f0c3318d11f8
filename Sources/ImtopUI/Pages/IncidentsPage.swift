import ImtopCore

/// Page 6: the open incidents (priority, system, age, acknowledged or for how long not, summary),
/// those resolved in the last 30 days below, and MTTA and MTTR over 30 days per priority on top.
/// Sortable and filterable like the systems table; Enter opens the selected incident's system.
struct IncidentsPage {
  struct Areas {
    var summary: Rect
    var open: Rect
    var resolved: Rect
  }

  /// The summary takes one line from 140 columns (room for ten durations such as `23h 59m`), two below. The open incidents get the rows they
  /// need while the resolved ones keep at least a few (or all they need, if fewer).
  static func areas(body: Rect, openCount: Int, resolvedCount: Int) -> Areas {
    let summaryHeight = body.width >= 140 ? 1 : 2
    let parts = body.rows([.length(summaryHeight), .fill(1)])
    let tables = parts[1]
    let resolvedNeed = max(1, resolvedCount) + 3
    let openNeed = max(1, openCount) + 3
    let reserve = min(resolvedNeed, max(5, tables.height / 3))
    let openHeight = max(0, min(openNeed, tables.height - reserve))
    let split = tables.rows([.length(openHeight), .fill(1)])
    return Areas(summary: parts[0], open: split[0], resolved: split[1])
  }

  let context: PageContext

  func render(in body: Rect, buffer: inout Buffer) {
    if let system = context.state.detailSystem {
      SystemDetailView(context: context, system: system).render(in: body, buffer: &buffer)
      return
    }
    let rows = context.state.incidentRows
    let areas = Self.areas(body: body, openCount: rows.open.count, resolvedCount: rows.resolved.count)
    renderSummary(in: areas.summary, buffer: &buffer)
    let table = IncidentsTable(context: context, rows: rows)
    let selection = context.state.selectedIncidentIndex(in: rows)
    let incidents = context.snapshot.incidents
    let sep = " \(context.glyphs.separator) "
    let filter = context.state.incidentFilter

    var openTitle = "Open incidents " + Self.count(rows.open.count, of: incidents.openList.count)
    let unacknowledged = incidents.unacknowledged.values.reduce(0, +)
    if filter.isEmpty, unacknowledged > 0 { openTitle += sep + "\(unacknowledged) unacknowledged" }
    if !filter.isEmpty { openTitle += sep + "filter \"\(filter)\"" }
    if let inner = context.panel(openTitle, [.incidents], in: areas.open, buffer: &buffer, focused: true) {
      let empty = filter.isEmpty ? "\(context.glyphs.up) No open incidents" : "No open incident matches \"\(filter)\" (Esc clears)"
      table.render(.open, selection: selection.flatMap { $0 < rows.open.count ? $0 : nil }, offset: context.state.openIncidentsOffset,
                   empty: empty, in: inner, panel: areas.open, buffer: &buffer)
    }

    let resolvedTitle = "Resolved in the last 30 days " + Self.count(rows.resolved.count, of: incidents.resolvedList.count)
    if let inner = context.panel(resolvedTitle, [.incidents], in: areas.resolved, buffer: &buffer) {
      let empty = filter.isEmpty ? "None resolved in the last 30 days" : "No resolved incident matches \"\(filter)\""
      table.render(.resolved, selection: selection.flatMap { $0 >= rows.open.count ? $0 - rows.open.count : nil },
                   offset: context.state.resolvedIncidentsOffset, empty: empty, in: inner, panel: areas.resolved, buffer: &buffer)
    }
  }

  /// `7`, or `3 of 7` under a filter.
  private static func count(_ shown: Int, of total: Int) -> String { shown == total ? "\(total)" : "\(shown) of \(total)" }

  /// `MTTA 30d  P1 4m  P2 18m  P3 —  P4 —  all 12m`, and the same for MTTR: on one line when there
  /// is room, else on two.
  private func renderSummary(in area: Rect, buffer: inout Buffer) {
    let incidents = context.snapshot.incidents
    func spans(_ label: String, _ value: (IncidentSummary.ResponseTimes?) -> Double?, all: Double?) -> [TextBlock.Span] {
      var spans = [TextBlock.Span(label + " 30d ", role: .title, attributes: .bold)]
      for priority in Priority.allCases {
        spans.append(TextBlock.Span(" \(priority.rawValue) ", role: .muted))
        spans.append(TextBlock.Span(context.format.minutes(value(incidents.byPriority30d[priority]))))
      }
      spans.append(TextBlock.Span("  all ", role: .muted))
      spans.append(TextBlock.Span(context.format.minutes(all), attributes: .bold))
      return spans
    }
    let mtta = spans("MTTA", { $0?.mttaMinutes }, all: incidents.mttaMinutes.month)
    let mttr = spans("MTTR", { $0?.mttrMinutes }, all: incidents.mttrMinutes.month)
    let lines = area.height >= 2 ? [mtta, mttr] : [mtta + [TextBlock.Span("  \(context.glyphs.separator)  ", role: .muted)] + mttr]
    for (index, line) in lines.enumerated() where index < area.height {
      TextBlock.draw(TextBlock.Line([TextBlock.Span(" ")] + line), x: area.x, y: area.y + index, width: area.width, glyphs: context.glyphs,
                     buffer: &buffer)
    }
  }
}
