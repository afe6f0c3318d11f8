import ImtopCore

/// The budget in a few lines: year-to-date actual against plan, variance, forecast against the
/// annual budget as a gauge, and the monthly burn.
struct BudgetSummaryPanel {
  let context: PageContext

  func render(in area: Rect, buffer: inout Buffer) {
    let budget = context.snapshot.budget
    guard let inner = context.panel("Budget \(context.glyphs.separator) \(context.fiscalYearLabel)", [.budget], in: area, buffer: &buffer) else { return }
    let format = context.format
    var lines: [TextBlock.Line] = [
      .pair("Actual YTD", format.money(budget.totals.actualYTD), attributes: .bold),
      .pair("Plan YTD", format.money(budget.totals.plannedYTD)),
      Self.varianceLine(budget.variancePct, context: context),
    ]
    let forecastRow = lines.count
    lines.append(.blank)
    lines.append(.pair("Burn", budget.burnRate.map { format.money($0) + "/mo" } ?? context.glyphs.dash))
    lines.append(.pair("Runway", format.months(budget.runwayMonths)))
    lines.append(.pair("Annual budget", format.money(budget.totals.annualPlanned)))
    if budget.bookedAhead != .zero { lines.append(Self.bookedAheadLine(budget, context: context)) }
    let text = TextBlock(lines: lines, glyphs: context.glyphs)
    text.render(in: inner, buffer: &buffer)
    if Self.rowIsFree(forecastRow, of: text, in: inner) {
      Self.forecastGauge(budget, context: context).render(in: inner.row(forecastRow), buffer: &buffer)
    }
    // The monthly burn sparkline sits right of the burn figure's label when there is room.
    let burnRow = forecastRow + 1
    if Self.rowIsFree(burnRow, of: text, in: inner), inner.width >= 30 {
      let booked = budget.months.lastIndex { $0.actual != nil }.map { budget.months.prefix($0 + 1) } ?? []
      let actuals = booked.map { $0.actual.map { Double($0.minorUnits) } }
      let width = min(12, inner.width - 24)
      let spark = Sparkline.text(actuals, width: width, variant: context.sparkVariant(.block))
      buffer.put(spark, x: inner.x + 6, y: inner.y + burnRow, maxWidth: width, foreground: .sparkline)
    }
  }

  /// `Variance  5.0% over` in the status the snapshot gives the budget-variance KPI.
  static func varianceLine(_ variance: Double?, context: PageContext) -> TextBlock.Line {
    guard let variance else { return .pair("Variance", context.glyphs.dash, role: .unknown) }
    let light = context.light(.budgetVariance)
    let emphasis: Attributes = light.level == .warn || light.level == .crit ? .bold : []
    return .pair("Variance", "\(light.symbol) \(context.format.variance(percent: variance))", role: light.role, attributes: emphasis)
  }

  /// Actuals booked for months that have not closed, which count in no other figure.
  static func bookedAheadLine(_ budget: BudgetSummary, context: PageContext) -> TextBlock.Line {
    .pair("Booked ahead", context.format.money(budget.bookedAhead), role: budget.bookedAhead == .zero ? .muted : .warn)
  }

  /// Whether row `row` of `inner` shows one of `text`'s lines (not the `+N more` row, not past the end),
  /// so that a gauge or sparkline may be drawn over it.
  static func rowIsFree(_ row: Int, of text: TextBlock, in inner: Rect) -> Bool {
    row < inner.height && (text.fits(height: inner.height) || row < inner.height - 1)
  }

  /// Forecast at year end against the annual budget.
  static func forecastGauge(_ budget: BudgetSummary, context: PageContext) -> Gauge {
    let annual = budget.totals.annualPlanned
    let ratio = budget.forecastYearEnd.flatMap { forecast in
      annual.minorUnits > 0 ? Double(forecast.minorUnits) / Double(annual.minorUnits) : nil
    }
    let label = "fcst " + (ratio.map { context.format.percent($0 * 100) } ?? context.glyphs.dash)
    return Gauge(ratio: ratio, label: label, glyphs: context.glyphs)
  }
}
