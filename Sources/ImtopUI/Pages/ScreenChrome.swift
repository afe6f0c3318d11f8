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
    let organization = state.snapshot?.organization.name ?? ""
    let left = [TextBlock.Span(" imtop ", role: .accent, attributes: .bold), TextBlock.Span(organization, role: .title, attributes: .bold)]
    // The most detailed summary that still leaves the organisation's name readable; failing that, the
    // tersest, and the name is cut: every summary keeps every alert count, so no size hides one.
    let keep = min(SafeText.width(organization), 24) + 8
    let alerts = state.facts.headerAlerts
    let variants = (0..<3).map { headerSummary($0, alerts: alerts) }
    let right = variants.first { width($0) <= row.width - keep } ?? variants[variants.count - 1]
    TextBlock.draw(TextBlock.Line(left, trailing: right), x: row.x, y: row.y, width: row.width, glyphs: state.glyphs, buffer: &buffer)
    buffer.restyle(row, background: .statusBar)
  }

  private func width(_ spans: [TextBlock.Span]) -> Int { spans.reduce(0) { $0 + SafeText.width($1.text) } }

  /// Alerts, data age and clock; `terseness` 0 is the fullest, 2 the shortest.
  private func headerSummary(_ terseness: Int, alerts: HeaderAlerts) -> [TextBlock.Span] {
    let glyphs = state.glyphs
    var spans: [TextBlock.Span] = []
    if state.paused { spans.append(TextBlock.Span(" PAUSED ", role: .warn, attributes: [.bold, .reverse])) }
    guard let snapshot = state.snapshot else { return spans }
    let (down, silent, warn, kpiCrit) = (alerts.down, alerts.silent, alerts.warn, alerts.kpiCrit)
    let unacknowledged = alerts.unacknowledgedUrgent
    spans.append(TextBlock.Span(" "))
    if down + silent + warn + kpiCrit + unacknowledged == 0 {
      spans.append(TextBlock.Span("\(glyphs.up) all up", role: .ok))
    } else {
      let words = terseness < 2
      if down > 0 { spans.append(TextBlock.Span("\(glyphs.down) \(down)\(words ? " down" : "") ", role: .crit, attributes: .bold)) }
      if silent > 0 { spans.append(TextBlock.Span("\(glyphs.unknown) \(silent)\(words ? " silent" : "") ", role: .warn, attributes: .bold)) }
      if warn > 0 { spans.append(TextBlock.Span("\(glyphs.degraded) \(warn)\(words ? " impaired" : "") ", role: .warn)) }
      if kpiCrit > 0 { spans.append(TextBlock.Span("\(glyphs.down) \(kpiCrit) KPI\(terseness == 0 ? " crit" : "") ", role: .crit)) }
      if unacknowledged > 0 {
        let label = terseness == 0 ? " unack P1/P2" : " unack"
        spans.append(TextBlock.Span("\(glyphs.down) \(unacknowledged)\(label) ", role: .crit, attributes: .bold))
      }
    }
    let age = DataAge.of(FileKind.allCases, in: snapshot.data.files, now: state.now, staleAfter: state.staleAfter)
    spans.append(TextBlock.Span("\(glyphs.separator) \(terseness == 0 ? "data " : "")", role: .muted))
    spans.append(TextBlock.Span(age.label, role: age.isStale ? .stale : .muted, attributes: age.isStale ? .bold : []))
    spans.append(TextBlock.Span(" \(glyphs.separator) ", role: .muted))
    spans.append(TextBlock.Span(state.format.zonedClock(state.now) + " ", role: .title, attributes: .bold))
    return spans
  }

  private func renderFooter(buffer: inout Buffer) {
    let row = layout.footer
    buffer.fill(row, with: Cell(" ", background: .statusBar))
    let glyphs = state.glyphs
    var line: TextBlock.Line
    if let note = state.footerNote {
      line = TextBlock.Line([TextBlock.Span(" " + note, role: .warn)])
    } else if state.columnChooser != nil, state.page == .systems {
      line = TextBlock.Line([TextBlock.Span(" Columns: ", role: .accent, attributes: .bold),
                             TextBlock.Span("Up/Down move \(glyphs.separator) Space show/hide \(glyphs.separator) Enter or Esc close", role: .muted)])
    } else if let draft = state.filterDraft {
      line = TextBlock.Line([TextBlock.Span(" Filter: ", role: .accent, attributes: .bold), TextBlock.Span(draft + "_", attributes: .bold)],
                            trailing: [TextBlock.Span("Enter keep \(glyphs.separator) Esc clear ", role: .muted)])
    } else if state.kiosk {
      line = TextBlock.Line([TextBlock.Span(" " + state.page.title, role: .muted)])
    } else {
      // (key, action, priority): lower priorities are dropped first when the row is narrow.
      var hints: [(String, String, Int)] = [("?", "help", 0)]
      if state.detailSystemID != nil {
        hints += [("Esc", "back", 0), ("j/k", "scroll", 1), ("d", state.dependencyTreeOpen ? "detail" : "tree", 1)]
      } else if state.showsSystemsTable || state.showsIncidentTables {
        hints += [("/", "filter", 1), ("Enter", state.showsIncidentTables ? "system" : "detail", 1), ("s", "sort", 2), ("S", "reverse", 4)]
        if state.page == .systems { hints += [("D", "tree", 4), ("c", "columns", 5)] }
      }
      hints += [("p", state.paused ? "resume" : "pause", 2), ("r", "reread", 3), ("t", "theme", 3), ("q", "quit", 0)]
      var budget = row.width - 1
      var shown = Set<Int>()
      for index in hints.indices.sorted(by: { (hints[$0].2, $0) < (hints[$1].2, $1) }) {
        let cost = SafeText.width(hints[index].0) + SafeText.width(hints[index].1) + 3
        if cost <= budget {
          shown.insert(index)
          budget -= cost
        }
      }
      var spans: [TextBlock.Span] = [TextBlock.Span(" ")]
      for (index, (key, action, _)) in hints.enumerated() where shown.contains(index) {
        spans.append(TextBlock.Span(key, role: .accent, attributes: .bold))
        spans.append(TextBlock.Span(" \(action)  ", role: .muted))
      }
      var trailing: [TextBlock.Span] = []
      let filter = state.activeFilter
      if !filter.isEmpty { trailing.append(TextBlock.Span("filter \"\(filter)\" ", role: .accent)) }
      let (column, ascending) = state.page == .incidents
        ? (state.incidentSort.title, state.incidentSortAscending) : (state.sortColumn.title, state.sortAscending)
      trailing.append(TextBlock.Span("sort \(column) \(ascending ? glyphs.sortAscending : glyphs.sortDescending) ", role: .muted))
      trailing.append(TextBlock.Span("theme \(state.themeName) ", role: .muted))
      line = TextBlock.Line(spans, trailing: row.width >= 150 ? trailing : [])
    }
    TextBlock.draw(line, x: row.x, y: row.y, width: row.width, glyphs: glyphs, buffer: &buffer)
    buffer.restyle(row, background: .statusBar)
  }
}
