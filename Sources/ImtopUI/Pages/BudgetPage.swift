import ImtopCore

/// Page 3: planned against actual by month, the breakdowns (category, type, sourcing, system),
/// forecast and variance at completion, burn rate and runway.
struct BudgetPage {
  let context: PageContext

  func render(in body: Rect, buffer: inout Buffer) {
    // The chart takes 45 % of the height, less when that would leave the panels below fewer than the
    // 13 rows the year-end figures need (80×24), but keeps 5 rows for its legend and bars.
    let chartHeight = max(min(body.height * 45 / 100, body.height - 13), min(5, body.height))
    let rows = body.rows([.length(chartHeight), .fill(1)])
    renderChart(in: rows[0], buffer: &buffer)
    let summaryWidth = context.widthClass == .narrow ? 30 : 38
    let bottom: [Rect]
    if context.widthClass == .narrow {
      bottom = rows[1].columns([.length(summaryWidth), .fill(1)])
    } else {
      bottom = rows[1].columns([.length(summaryWidth), .fill(1), .fill(1)])
    }
    renderSummary(in: bottom[0], buffer: &buffer)
    renderBreakdown(in: bottom[1], buffer: &buffer)
    if bottom.count > 2 { renderBySystem(in: bottom[2], buffer: &buffer) }
  }

  private func renderChart(in area: Rect, buffer: inout Buffer) {
    let budget = context.snapshot.budget
    let overMonths = budget.months.filter { ($0.actual ?? .zero) > $0.planned }.count
    var title = "Planned vs actual by month \(context.glyphs.separator) \(context.fiscalYearLabel)"
    if overMonths > 0 { title += " \(context.glyphs.separator) \(overMonths) over plan (!)" }
    guard let inner = context.panel(title, [.budget], in: area, buffer: &buffer) else { return }
    guard !context.format.redactCosts else {
      buffer.put("Amounts hidden (costs redacted)", x: inner.x, y: inner.y, width: inner.width, alignment: .center, foreground: .muted)
      return
    }
    let legendRow = inner.row(0)
    TextBlock.draw(TextBlock.Line([
      TextBlock.Span(context.glyphs.gaugeFull, role: .barPlanned), TextBlock.Span(" planned (left)  ", role: .muted),
      TextBlock.Span(context.glyphs.gaugeFull, role: .barActual), TextBlock.Span(" actual (right)  ", role: .muted),
      TextBlock.Span("!", role: .barOver, attributes: .bold), TextBlock.Span(" over plan", role: .muted),
    ], trailing: [TextBlock.Span("max " + context.format.compactMoney(maxMonth(budget)), role: .muted)]),
                   x: legendRow.x, y: legendRow.y, width: legendRow.width, glyphs: context.glyphs, buffer: &buffer)
    let digits = CurrencyInfo.minorDigits(context.snapshot.organization.currency)
    let groups = budget.months.map { month in
      BarChart.Group(label: DisplayFormat.monthName(month.month.month), planned: month.planned.major(digits: digits),
                     actual: month.actual?.major(digits: digits))
    }
    let chartArea = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
    BarChart(groups: groups, glyphs: context.glyphs).render(in: chartArea, buffer: &buffer)
  }

  private func maxMonth(_ budget: BudgetSummary) -> Money {
    budget.months.map { max($0.planned, $0.actual ?? .zero) }.max() ?? .zero
  }

  private func renderSummary(in area: Rect, buffer: inout Buffer) {
    let budget = context.snapshot.budget
    let format = context.format
    guard let inner = context.panel("Year end", [.budget], in: area, buffer: &buffer) else { return }
    let vac = budget.varianceAtCompletion
    let vacRole: Role = vac.map { $0.minorUnits < 0 ? .crit : .ok } ?? .unknown
    let lines: [TextBlock.Line] = [
      .pair("Annual budget", format.money(budget.totals.annualPlanned), attributes: .bold),
      .pair("Forecast", budget.forecastYearEnd.map(format.money) ?? context.glyphs.dash),
      .blank,
      // `€33,312 over` needs its room at 80 columns: the label gives way, not the figure's words.
      .pair(context.widthClass == .narrow ? "At completion" : "Var. at completion", format.variance(atCompletion: vac),
            role: vacRole, attributes: .bold),
      BudgetSummaryPanel.varianceLine(budget.variancePct, context: context),
      .pair("Actual YTD", format.money(budget.totals.actualYTD)),
      .pair("Plan YTD", format.money(budget.totals.plannedYTD)),
      .pair("Burn rate", budget.burnRate.map { format.money($0) + "/mo" } ?? context.glyphs.dash),
      .pair("Runway", format.months(budget.runwayMonths)),
      .pair("YTD months", "\(budget.ytdMonths.count) of \(budget.months.count)", role: .muted),
      BudgetSummaryPanel.bookedAheadLine(budget, context: context),
    ]
    let text = TextBlock(lines: lines, glyphs: context.glyphs)
    text.render(in: inner, buffer: &buffer)
    if BudgetSummaryPanel.rowIsFree(2, of: text, in: inner) {
      BudgetSummaryPanel.forecastGauge(budget, context: context).render(in: inner.row(2), buffer: &buffer)
    }
  }

  /// Category, type and sourcing breakdowns in one table with section rows.
  private func renderBreakdown(in area: Rect, buffer: inout Buffer) {
    guard let inner = context.panel("Breakdown YTD", [.budget], in: area, buffer: &buffer) else { return }
    let budget = context.snapshot.budget
    var rows: [[Table.Cell]] = []
    for (heading, slices) in [("By category", budget.byCategory), ("By type", budget.byType), ("By sourcing", budget.bySourcing)] {
      rows.append([Table.Cell(heading, role: .header, attributes: .bold), Table.Cell(""), Table.Cell(""), Table.Cell(""), Table.Cell("")])
      rows += Self.sliceRows(slices, context: context)
    }
    let table = Self.breakdownTable(rows, context: context, scroll: context.state.scroll[.budget] ?? 0)
    table.render(in: inner, buffer: &buffer)
    context.footnote(table.position(height: inner.height), in: area, buffer: &buffer)
  }

  private func renderBySystem(in area: Rect, buffer: inout Buffer) {
    guard let inner = context.panel("By system YTD", [.budget], in: area, buffer: &buffer) else { return }
    let names = Dictionary(context.snapshot.systems.map { ($0.id, $0.record.displayName) }, uniquingKeysWith: { first, _ in first })
    var slices: [String: BudgetFigures] = [:]
    for (id, figures) in context.snapshot.budget.bySystem { slices[names[id] ?? (id.isEmpty ? "shared" : id)] = figures }
    var table = Self.breakdownTable(Self.sliceRows(slices, context: context), context: context, scroll: 0)
    table.marksHidden = true
    table.render(in: inner, buffer: &buffer)
  }

  static func breakdownTable(_ rows: [[Table.Cell]], context: PageContext, scroll: Int) -> Table {
    let columns = [
      Table.Column("", width: 16, minWidth: 8, priority: 0, flexible: true),
      Table.Column("Actual", width: 10, minWidth: 7, alignment: .right, priority: 0),
      Table.Column("Plan", width: 10, minWidth: 7, alignment: .right, priority: 1),
      Table.Column("Var", width: 7, alignment: .right, priority: 0),
      Table.Column("Annual", width: 10, minWidth: 7, alignment: .right, priority: 2),
    ]
    return Table(columns: columns, rows: rows, offset: scroll, glyphs: context.glyphs)
  }

  /// One row per slice, the biggest actual first.
  static func sliceRows(_ slices: [String: BudgetFigures], context: PageContext) -> [[Table.Cell]] {
    let format = context.format
    return slices.sorted { ($0.value.actualYTD, $1.key) > ($1.value.actualYTD, $0.key) }.map { name, figures in
      let variance: Double? = figures.plannedYTD.minorUnits == 0 ? nil
        : (Double(figures.actualYTD.minorUnits) - Double(figures.plannedYTD.minorUnits)) / Double(figures.plannedYTD.minorUnits) * 100
      // Over plan by the budget-variance KPI's thresholds (as configured); under plan is not flagged.
      let status = variance.map { $0 > 0 ? context.kpi(.budgetVariance)?.definition.status(of: $0) ?? .unknown : .ok }
      let role: Role = status == .crit ? .crit : (status == .warn ? .warn : .normal)
      return [
        Table.Cell("  " + name), Table.Cell(format.compactMoney(figures.actualYTD)), Table.Cell(format.compactMoney(figures.plannedYTD), role: .muted),
        Table.Cell(format.signedPercent(variance), role: role), Table.Cell(format.compactMoney(figures.annualPlanned), role: .muted),
      ]
    }
  }
}
