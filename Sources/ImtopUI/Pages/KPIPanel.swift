import ImtopCore

/// The KPIs as tiles when there is room for them, else one line each.
struct KPIPanel {
  let context: PageContext

  static let kinds: [FileKind] = [.status, .incidents, .budget, .compliance, .metrics]

  func render(in area: Rect, buffer: inout Buffer) {
    let kpis = context.snapshot.kpis
    let bad = kpis.count { $0.status == .warn || $0.status == .crit }
    let title = bad > 0 ? "KPIs \(context.glyphs.separator) \(bad) need attention" : "KPIs"
    guard let inner = context.panel(title, Self.kinds, in: area, buffer: &buffer) else { return }
    guard !kpis.isEmpty else {
      buffer.put("No KPIs", x: inner.x, y: inner.y, width: inner.width, alignment: .left, foreground: .muted)
      return
    }
    let perRow = max(1, inner.width / 20)
    let rows = (kpis.count + perRow - 1) / perRow
    if inner.height >= rows * 5, inner.width >= 20 {
      let rowAreas = inner.rows(Array(repeating: .length(5), count: rows))
      for (r, rowArea) in rowAreas.enumerated() {
        let cells = rowArea.columns(Array(repeating: .fill(1), count: perRow))
        for (c, cell) in cells.enumerated() {
          let index = r * perRow + c
          guard index < kpis.count else { break }
          Self.tile(kpis[index], context: context).render(in: cell, buffer: &buffer)
        }
      }
    } else {
      MoreMarker.drawList(count: kpis.count, in: inner, glyphs: context.glyphs, buffer: &buffer) { index, row, buffer in
        Self.tile(kpis[index], context: context).render(in: row, buffer: &buffer)
      }
    }
  }

  /// The narrowest a tile in the strip gets: room for a built-in KPI's full name.
  static let tileWidth = 22

  /// Tiles per row and rows for `count` tiles across `width` cells, rows balanced (4 + 3, not 6 + 1):
  /// tiles wide enough for the longest name (`wholeNames` cells, `wholeNameWidth`) when that takes
  /// at most `maxRows` rows of tiles, else `tileWidth` wide.
  static func stripGrid(count: Int, width: Int, wholeNames: Int = 0, maxRows: Int = 0) -> (perRow: Int, rows: Int) {
    let count = max(1, count)
    func grid(_ tile: Int) -> (perRow: Int, rows: Int) {
      let most = max(1, min(count, width / tile))
      let rows = (count + most - 1) / most
      return ((count + rows - 1) / rows, rows)
    }
    let roomy = grid(max(tileWidth, wholeNames))
    return roomy.rows <= maxRows ? roomy : grid(tileWidth)
  }

  /// How wide a tile must be for the widest KPI name to show whole in its top edge (a corner and a
  /// space each side of the title).
  static func wholeNameWidth(_ kpis: [KPIResult]) -> Int {
    (kpis.map { SafeText.width($0.definition.name) }.max() ?? 0) + 4
  }

  /// Tiles across a strip, as many per row as fit at `tileWidth` cells or more each.
  func renderStrip(in area: Rect, buffer: inout Buffer) {
    let kpis = context.snapshot.kpis
    buffer.clear(area)
    guard !kpis.isEmpty else { return }
    let (perRow, rowCount) = Self.stripGrid(count: kpis.count, width: area.width, wholeNames: context.state.facts.kpiTileWidth, maxRows: area.height / 5)
    for (r, rowArea) in area.rows(Array(repeating: .length(5), count: rowCount)).enumerated() {
      for (c, cell) in rowArea.columns(Array(repeating: .fill(1), count: perRow)).enumerated() {
        let index = r * perRow + c
        guard index < kpis.count else { break }
        Self.tile(kpis[index], context: context).render(in: cell, buffer: &buffer)
      }
    }
  }

  static func tile(_ kpi: KPIResult, context: PageContext) -> KPITile {
    let scale = KPITrendScale.of(kpi)
    return KPITile(
      name: kpi.definition.name, value: value(kpi, context: context), target: target(kpi, context: context),
      status: kpi.status, trend: kpi.trend, error: kpi.error, glyphs: context.glyphs, scale: scale,
      caption: trendCaption(kpi, scale: scale, context: context))
  }

  /// `14d 0..25`: the trend's window and the scale it is drawn on; the window alone without a value.
  static func trendCaption(_ kpi: KPIResult, scale: ClosedRange<Double>?, context: PageContext) -> String {
    guard !kpi.trend.isEmpty else { return "" }
    let window = KPITrendScale.window(kpi)
    guard let scale else { return window }
    if kpi.isMoney && context.state.redactCosts { return window }
    if kpi.isMoney { return window + " " + withUnit(scale.lowerBound, kpi, context: context) + ".." + withUnit(scale.upperBound, kpi, context: context) }
    return window + " " + context.format.measures(scale.lowerBound, scale.upperBound, unit: kpi.definition.unit, separator: "..")
  }

  /// `97.5%`, `5h 12m`, `2`; the dash when there is no value.
  static func value(_ kpi: KPIResult, context: PageContext) -> String {
    guard let value = kpi.value else { return context.glyphs.dash }
    return withUnit(value, kpi, context: context)
  }

  /// One of `kpi`'s figures (value, target, threshold) as the format table writes it: money for a
  /// money KPI, else in its unit.
  static func withUnit(_ value: Double, _ kpi: KPIResult, context: PageContext) -> String {
    context.format.kpiFigure(value, unit: kpi.definition.unit, isMoney: kpi.isMoney)
  }

  /// `target 100.0% · warn ≤90.0% · crit ≤75.0%`: every threshold in the KPI's unit.
  static func target(_ kpi: KPIResult, context: PageContext) -> String {
    let definition = kpi.definition
    var parts: [String] = []
    if let target = definition.target { parts.append("target " + withUnit(target, kpi, context: context)) }
    let unicode = !context.glyphs.isASCII
    let atMost = unicode ? "≤" : "<=", atLeast = unicode ? "≥" : ">="
    let prefix: String
    switch definition.better {
    case .higher: prefix = atMost
    case .lower: prefix = atLeast
    case .target: prefix = unicode ? "±" : "+-"
    }
    if let warn = definition.warn { parts.append("warn " + prefix + withUnit(warn, kpi, context: context)) }
    if let crit = definition.crit { parts.append("crit " + prefix + withUnit(crit, kpi, context: context)) }
    return parts.joined(separator: " \(context.glyphs.separator) ")
  }
}
