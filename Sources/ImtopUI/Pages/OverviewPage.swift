import ImtopCore

/// Page 1: systems at a glance, KPI tiles, the budget in four lines, and the feed of recent changes.
struct OverviewPage {
  struct Areas {
    var systems: Rect
    var kpis: Rect
    var budget: Rect
    var feed: Rect
  }

  /// Narrow: table left, KPIs and budget right, feed along the bottom. Medium: wider right column,
  /// KPI tiles. Wide (200+): a third column for a full-height feed, and more table columns.
  static func areas(body: Rect, widthClass: ScreenLayout.Width, kpiCount: Int) -> Areas {
    switch widthClass {
    case .wide:
      let columns = body.columns([.fill(1), .length(64), .ratio(1, 4)])
      let middle = columns[1].rows([.length(tileRows(kpiCount, width: 62) * 5 + 2), .fill(1)])
      return Areas(systems: columns[0], kpis: middle[0], budget: middle[1], feed: columns[2])
    case .medium, .narrow:
      let feedHeight = widthClass == .medium ? max(6, body.height / 4) : max(5, min(8, body.height / 4))
      let rows = body.rows([.min(8), .length(feedHeight)])
      let right = widthClass == .medium ? min(56, max(40, body.width / 3)) : 34
      let top = rows[0].columns([.fill(1), .length(right)])
      let kpiHeight: Int
      if widthClass == .medium, top[1].height >= tileRows(kpiCount, width: right - 2) * 5 + 2 + 8 {
        kpiHeight = tileRows(kpiCount, width: right - 2) * 5 + 2
      } else {
        kpiHeight = min(kpiCount + 2, max(3, top[1].height - 7))
      }
      let side = top[1].rows([.length(kpiHeight), .fill(1)])
      return Areas(systems: top[0], kpis: side[0], budget: side[1], feed: rows[1])
    }
  }

  /// Rows of KPI tiles at this width (tiles are at least 20 cells wide).
  static func tileRows(_ count: Int, width: Int) -> Int {
    let perRow = max(1, width / 20)
    return (count + perRow - 1) / perRow
  }

  static func tableArea(body: Rect, widthClass: ScreenLayout.Width) -> Rect {
    // The KPI count does not move the systems panel, so any count gives the same table area.
    areas(body: body, widthClass: widthClass, kpiCount: 7).systems.inset(by: 1)
  }

  let context: PageContext

  func render(in body: Rect, buffer: inout Buffer) {
    let areas = Self.areas(body: body, widthClass: context.widthClass, kpiCount: context.snapshot.kpis.count)
    renderSystems(in: areas.systems, buffer: &buffer)
    KPIPanel(context: context).render(in: areas.kpis, buffer: &buffer)
    BudgetSummaryPanel(context: context).render(in: areas.budget, buffer: &buffer)
    FeedPanel(context: context).render(in: areas.feed, buffer: &buffer)
  }

  private func renderSystems(in area: Rect, buffer: inout Buffer) {
    let rows = context.state.visibleSystems
    let title = SystemsPage.title(rows: rows, context: context)
    guard let inner = context.panel(title, [.systems, .status], in: area, buffer: &buffer) else { return }
    let builder = SystemsTable(context: context, kinds: SystemsTable.overviewKinds(context.widthClass))
    builder.table(rows, width: inner.width).render(in: inner, buffer: &buffer)
    if rows.isEmpty { SystemsPage.renderEmpty(in: inner, context: context, buffer: &buffer) }
  }
}
