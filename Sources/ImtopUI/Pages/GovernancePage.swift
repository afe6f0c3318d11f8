import ImtopCore

/// Page 4, Governance & risk: obligations, training, access reviews, records retention, sensitive
/// systems and the portfolio's risk figures, each panel listing its worst rows first.
///
/// A cursor (↑/↓) moves over every listed row, panel after panel; Enter opens the system of the row
/// under it. A panel shows as many rows as it has room for and says how many more there are, so an
/// 80×24 screen shows the worst of each and a tall one shows more.
struct GovernancePage {
  let context: PageContext

  func render(in body: Rect, buffer: inout Buffer) {
    if let system = context.state.detailSystem {
      return SystemDetailView(context: context, system: system).render(in: body, buffer: &buffer)
    }
    let rows = GovernanceRows(snapshot: context.snapshot, format: context.format, glyphs: context.glyphs)
    let selection = context.state.governanceSelection
    let halves = body.columns([.ratio(1, 2), .fill(1)])
    let left = halves[0].rows([.fill(1), .fill(1), .fill(1)])
    let right = halves[1].rows([.fill(1), .fill(1), .fill(1)])
    let panels = GovernancePanels(context: context, rows: rows, selection: selection)
    panels.obligations(in: left[0], buffer: &buffer)
    panels.training(in: left[1], buffer: &buffer)
    panels.access(in: left[2], buffer: &buffer)
    panels.retention(in: right[0], buffer: &buffer)
    panels.sensitive(in: right[1], buffer: &buffer)
    renderRisks(in: right[2], buffer: &buffer)
  }

  /// Today's risk figures of the portfolio (end of support, below SLA, data quality), then which
  /// systems lack which fields, the systems behind the other figures and the ids records name that
  /// `systems.csv` lacks, as many as fit.
  private func renderRisks(in area: Rect, buffer: inout Buffer) {
    let portfolio = context.snapshot.portfolio
    guard let inner = context.panel("Risk today", [.systems, .status], in: area, buffer: &buffer) else { return }
    let format = context.format
    let systems = context.snapshot.systems
    let below = systems.filter(\.belowSLA).sorted { ($0.availability.month ?? 0) < ($1.availability.month ?? 0) }
    let past = systems.filter(\.pastEndOfSupport)
      .sorted { ($0.record.endOfSupport?.dayNumber ?? 0) < ($1.record.endOfSupport?.dayNumber ?? 0) }
    let unregistered = context.snapshot.data.unregistered
    var lines: [TextBlock.Line] = [
      .pair("Past end of support", format.count(portfolio.pastEndOfSupport), role: context.light(.pastEndOfSupport).role),
      .pair("Below SLA (30d)", format.count(portfolio.belowSLA), role: context.light(.systemsMeetingSLA).role),
      .pair("Data quality", format.percent(portfolio.dataQualityPct), role: context.light(.dataQuality).role),
    ]
    // Each list under its heading; the first that does not fit ends with how many it leaves out.
    let lacking = portfolio.lacking.values.contains { !$0.isEmpty }
    let sections: [(String, [TextBlock.Line])] = [
      ("Below SLA, 30 days (\(below.count))", below.map { system in
        .pair(system.record.displayName,
              format.availability(system.availability.month) + " / " + format.availability(system.record.sla), role: .crit)
      }),
      ("Past end of support (\(past.count))", past.map { system in
        .pair(system.record.displayName, system.record.endOfSupport?.description ?? context.glyphs.dash, role: .crit)
      }),
      ("Missing fields", lacking ? DataQualityPanel(context: context).lines(width: inner.width, height: 0) : []),
      ("Not in systems.csv (\(unregistered.count))", unregistered.map { .pair($0.id, $0.namedBy, role: .warn) }),
    ]
    for (heading, entries) in sections where !entries.isEmpty {
      let room = inner.height - lines.count - 1
      guard room > 0 else { break }
      let shown = MoreMarker.shown(entries.count, rows: room)
      lines.append(.heading(heading))
      lines += entries.prefix(shown)
      if shown < entries.count {
        lines.append(TextBlock.Line([TextBlock.Span(MoreMarker.text(hidden: entries.count - shown), role: .muted)]))
        break
      }
    }
    TextBlock(lines: lines, glyphs: context.glyphs).render(in: inner, buffer: &buffer)
  }
}
