import ImtopCore

/// Page 5: every KPI with its value, target, thresholds, status and trend.
struct KPIsPage {
  let context: PageContext

  func render(in body: Rect, buffer: inout Buffer) {
    let kpis = context.snapshot.kpis
    let worst = kpis.filter { $0.status == .crit }.count
    let title = "KPIs \(kpis.count)" + (worst > 0 ? " \(context.glyphs.separator) \(worst) critical" : "")
    guard let inner = context.panel(title, KPIPanel.kinds, in: body, buffer: &buffer, focused: true) else { return }
    let columns = [
      Table.Column("Status", width: 9, minWidth: 1, priority: 0), Table.Column("KPI", width: 28, minWidth: 14, priority: 0),
      Table.Column("Value", width: 11, alignment: .right, priority: 0), Table.Column("Target", width: 10, alignment: .right, priority: 1),
      Table.Column("Warn", width: 8, alignment: .right, priority: 3), Table.Column("Crit", width: 8, alignment: .right, priority: 3),
      Table.Column("Better", width: 6, priority: 4), Table.Column("Trend", width: 24, minWidth: 8, priority: 2, flexible: true),
      Table.Column("Note", width: 30, minWidth: 10, priority: 5),
    ]
    var table = Table(columns: columns, rows: [], offset: context.state.scroll[.kpis] ?? 0, glyphs: context.glyphs)
    let trendWidth = table.placements(width: inner.width).first { $0.column == 7 }?.width ?? 0
    table.rows = kpis.map { kpi in
      let light = StatusLight(kpi: kpi.status, glyphs: context.glyphs)
      let definition = kpi.definition
      let number = { (value: Double?) in value.map { KPIPanel.withUnit($0, definition.unit, context: context) } ?? context.glyphs.dash }
      let note = kpi.error ?? (kpi.isBuiltIn ? "built in" : definition.location?.description ?? "")
      return [
        Table.Cell(light.text(width: 99), role: light.role, attributes: kpi.status == .crit ? .bold : [], short: light.symbol),
        Table.Cell(definition.name, attributes: .bold), Table.Cell(number(kpi.value), role: light.role, attributes: .bold),
        Table.Cell(number(definition.target), role: .muted), Table.Cell(number(definition.warn), role: .muted),
        Table.Cell(number(definition.crit), role: .muted), Table.Cell(definition.better.rawValue, role: .muted),
        Table.Cell(Sparkline.text(kpi.trend, width: trendWidth, variant: context.sparkVariant(.braille)), role: .sparkline),
        Table.Cell(note, role: kpi.error == nil ? .muted : .error),
      ]
    }
    table.render(in: inner, buffer: &buffer)
  }
}
