import ImtopCore

/// The rows around every page: the header (organisation, alerts, data age, clock), the tab bar, and
/// the footer (key hints, the filter being typed, PAUSED).
struct ScreenChrome {
  let state: AppState
  let layout: ScreenLayout

  func render(buffer: inout Buffer) {
    renderHeader(buffer: &buffer)
    buffer.clear(layout.tabs)
    state.tabBar.render(in: layout.tabs, buffer: &buffer)
    renderFooter(buffer: &buffer)
  }

  private func renderHeader(buffer: inout Buffer) {
    let row = layout.header
    buffer.fill(row, with: Cell(" ", background: .statusBar))
    let glyphs = state.glyphs
    let organization = state.snapshot?.organization.name ?? ""
    var right: [TextBlock.Span] = []
    if state.paused { right.append(TextBlock.Span(" PAUSED ", role: .warn, attributes: [.bold, .reverse])) }
    if let snapshot = state.snapshot {
      let down = snapshot.systems.filter { $0.state == .down }.count
      let warn = snapshot.systems.filter { $0.state == .degraded || ($0.impactedVia != nil && $0.state == .up) }.count
      let kpiCrit = snapshot.kpis.filter { $0.status == .crit }.count
      right.append(TextBlock.Span(" "))
      if down + warn + kpiCrit == 0 {
        right.append(TextBlock.Span("\(glyphs.up) all up", role: .ok))
      } else {
        if down > 0 { right.append(TextBlock.Span("\(glyphs.down) \(down) down ", role: .crit, attributes: .bold)) }
        if warn > 0 { right.append(TextBlock.Span("\(glyphs.degraded) \(warn) degraded ", role: .warn)) }
        if kpiCrit > 0 { right.append(TextBlock.Span("\(glyphs.down) \(kpiCrit) KPI crit", role: .crit)) }
      }
      let age = DataAge.of(FileKind.allCases, in: snapshot.data.files, now: state.now, staleAfter: state.staleAfter)
      right.append(TextBlock.Span(" \(glyphs.separator) data ", role: .muted))
      right.append(TextBlock.Span(age.label, role: age.isStale ? .stale : .muted, attributes: age.isStale ? .bold : []))
      right.append(TextBlock.Span(" \(glyphs.separator) ", role: .muted))
      right.append(TextBlock.Span(state.format.clock(state.now) + " ", role: .title, attributes: .bold))
    }
    let line = TextBlock.Line([TextBlock.Span(" imtop ", role: .accent, attributes: .bold), TextBlock.Span(organization, role: .title, attributes: .bold)],
                              trailing: right)
    TextBlock.draw(line, x: row.x, y: row.y, width: row.width, glyphs: glyphs, buffer: &buffer)
    buffer.restyle(row, background: .statusBar)
  }

  private func renderFooter(buffer: inout Buffer) {
    let row = layout.footer
    buffer.fill(row, with: Cell(" ", background: .statusBar))
    let glyphs = state.glyphs
    var line: TextBlock.Line
    if let draft = state.filterDraft {
      line = TextBlock.Line([TextBlock.Span(" Filter: ", role: .accent, attributes: .bold), TextBlock.Span(draft + "_", attributes: .bold)],
                            trailing: [TextBlock.Span("Enter apply \(glyphs.separator) Esc cancel ", role: .muted)])
    } else if state.kiosk {
      line = TextBlock.Line([TextBlock.Span(" " + state.page.title, role: .muted)])
    } else {
      var hints: [(String, String)] = [("?", "help")]
      if state.detailSystemID != nil {
        hints += [("Esc", "back"), ("j/k", "scroll")]
      } else if state.showsSystemsTable {
        hints += [("/", "filter"), ("s", "sort"), ("S", "reverse"), ("Enter", "detail")]
      }
      hints += [("p", state.paused ? "resume" : "pause"), ("r", "reread"), ("t", "theme"), ("q", "quit")]
      var spans: [TextBlock.Span] = [TextBlock.Span(" ")]
      for (key, action) in hints {
        spans.append(TextBlock.Span(key, role: .accent, attributes: .bold))
        spans.append(TextBlock.Span(" \(action)  ", role: .muted))
      }
      var trailing: [TextBlock.Span] = []
      if !state.filter.isEmpty { trailing.append(TextBlock.Span("filter \"\(state.filter)\" ", role: .accent)) }
      trailing.append(TextBlock.Span("sort \(state.sortColumn.title) \(state.sortAscending ? glyphs.sortAscending : glyphs.sortDescending) ", role: .muted))
      trailing.append(TextBlock.Span("theme \(state.themeName) ", role: .muted))
      line = TextBlock.Line(spans, trailing: row.width >= 150 ? trailing : [])
    }
    TextBlock.draw(line, x: row.x, y: row.y, width: row.width, glyphs: glyphs, buffer: &buffer)
    buffer.restyle(row, background: .statusBar)
  }
}
