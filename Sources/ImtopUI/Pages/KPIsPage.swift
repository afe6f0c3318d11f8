import ImtopCore

/// Page 5: every KPI with its value, target, thresholds, status and trend: a table on top, and the
/// trends large below it in tiles that take the rest of the screen.
struct KPIsPage {
  let context: PageContext

  func render(in body: Rect, buffer: inout Buffer) {
    let kpis = context.snapshot.kpis
    let tableHeight = min(body.height, kpis.count + 3 - (context.state.scroll[.kpis] ?? 0))
    let parts = body.rows([.length(max(4, tableHeight)), .fill(1)])
    renderTable(in: parts[0], buffer: &buffer)
    renderTrends(in: parts[1], buffer: &buffer)
  }

  private func renderTable(in area: Rect, buffer: inout Buffer) {
    let kpis = context.snapshot.kpis
    let critical = kpis.count { $0.status == .crit }
    let title = "KPIs \(kpis.count)" + (critical > 0 ? " \(context.glyphs.separator) \(critical) critical" : "")
    guard let inner = context.panel(title, KPIPanel.kinds, in: area, buffer: &buffer, focused: true) else { return }
    let columns = [
      Table.Column("Status", width: 9, minWidth: 6, priority: 0), Table.Column("KPI", width: 28, minWidth: 24, priority: 0, flexible: true),
      Table.Column("Value", width: 11, alignment: .right, priority: 0), Table.Column("Target", width: 10, alignment: .right, priority: 1),
      Table.Column("Warn / crit", width: 17, minWidth: 13, alignment: .right, priority: 3), Table.Column("Better", width: 6, priority: 5),
      Table.Column("Trend " + (kpis.first.map(KPITrendScale.window) ?? ""), width: 24, minWidth: 10, priority: 2, flexible: true), Table.Column("Note", width: 30, minWidth: 10, priority: 6),
    ]
    var table = Table(columns: columns, rows: [], glyphs: context.glyphs)
    let trendWidth = table.placements(width: inner.width).first { $0.column == 6 }?.width ?? 0
    // Only the rows on screen get cells (each a formatted value and a trend): 10,000 KPIs drawn
    // whole took most of a core at every frame.
    let visible = table.visibleRows(height: inner.height)
    let first = Table.scrollOffset(selection: nil, offset: context.state.scroll[.kpis] ?? 0, visibleRows: visible, rowCount: kpis.count)
    table.rows = kpis[first..<min(kpis.count, first + visible)].map { kpi in
      let light = StatusLight(kpi: kpi.status, glyphs: context.glyphs)
      let definition = kpi.definition
      let number = { (value: Double?) in value.map { KPIPanel.withUnit($0, kpi, context: context) } ?? context.glyphs.dash }
      let thresholds = kpi.isMoney
        ? number(definition.warn) + " / " + number(definition.crit)
        : context.format.measures(definition.warn, definition.crit, unit: definition.unit, separator: " / ")
      let note = kpi.error ?? (kpi.isBuiltIn ? "built in" : definition.location?.description ?? "")
      return [
        Table.Cell(light.forms[0], role: light.role, attributes: kpi.status == .crit ? .bold : [], shorter: Array(light.forms.dropFirst())),
        Table.Cell(definition.name, attributes: .bold), Table.Cell(number(kpi.value), role: light.role, attributes: .bold),
        Table.Cell(number(definition.target), role: .muted), Table.Cell(thresholds, role: .muted),
        Table.Cell(definition.better.rawValue, role: .muted),
        Table.Cell(
          Sparkline.text(kpi.trend, width: trendWidth, variant: context.sparkVariant(.braille), scale: KPITrendScale.of(kpi)),
          role: .sparkline),
        Table.Cell(note, role: kpi.error == nil ? .muted : .error),
      ]
    }
    table.render(in: inner, buffer: &buffer)
    context.footnote(MoreMarker.position(first: first, visible: visible, total: kpis.count, glyphs: context.glyphs), in: area, buffer: &buffer)
  }

  /// One tile per KPI with a tall trend, as many per row as fit at 20 cells or more.
  private func renderTrends(in area: Rect, buffer: inout Buffer) {
    let kpis = context.snapshot.kpis
    guard area.height >= 4, !kpis.isEmpty else { return }
    // As many per row as fit at 24 cells, but never more rows than fit at 5 rows each (a tile with
    // a trend): then the tiles get narrower instead. Wide enough for every name where the rows that
    // takes still leave each tile 8 rows.
    let roomy = max(1, min(kpis.count, area.width / max(24, context.state.facts.kpiTileWidth)))
    let byWidth = (kpis.count + roomy - 1) / roomy * 8 <= area.height ? roomy : max(1, min(kpis.count, area.width / 24))
    let rowCount = max(1, min((kpis.count + byWidth - 1) / byWidth, area.height / 5))
    let perRow = (kpis.count + rowCount - 1) / rowCount
    // Tiles no taller than 12 rows: a trend stretched over a wall screen's height says no more.
    let tileHeight = max(4, min(12, area.height / rowCount))
    let rows = area.rows(Array(repeating: .length(tileHeight), count: rowCount))
    for (r, row) in rows.enumerated() {
      for (c, cell) in row.columns(Array(repeating: .fill(1), count: perRow)).enumerated() {
        let index = r * perRow + c
        guard index < kpis.count else { break }
        KPIPanel.tile(kpis[index], context: context).render(in: cell, buffer: &buffer)
      }
    }
  }
}
