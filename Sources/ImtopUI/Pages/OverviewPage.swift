import ImtopCore

/// Page 1: systems at a glance, KPI tiles, the budget in four lines, and the feed of recent changes.
struct OverviewPage {
  struct Areas {
    var systems: Rect
    /// KPI tiles across the top (medium and wide screens).
    var kpiStrip: Rect?
    /// KPIs as one line each (narrow screens).
    var kpiList: Rect?
    var budget: Rect
    var incidents: Rect?
    var feed: Rect
    /// Under a systems table shorter than its column (tall screens): the open obligations.
    var openItems: Rect?
    /// Under open incidents fewer than their panel's rows (tall screens): those resolved lately.
    var resolved: Rect?
  }

  /// Narrow: table left, KPI lines and budget right, feed and open incidents along the bottom
  /// (incidents under the right column, so at 80×24 they show their count and the worst ones). Medium (120+): KPI tiles
  /// across the top, then the table beside budget, incidents and feed. Wide (200+): more table
  /// columns, and the feed gets a full-height column of its own. On tall medium and wide screens a
  /// systems table (`systemRows` rows) and open incidents (`openIncidents`) that leave much of their
  /// column blank take only the rows they need, and open obligations and the incidents resolved
  /// lately fill the rest.
  static func areas(
    body: Rect, widthClass: ScreenLayout.Width, kpiCount: Int, kpiTileWidth: Int = 0, systemRows: Int = .max,
    openIncidents: Int = .max
  ) -> Areas {
    // KPI names whole when the tiles that takes leave the page three quarters of its height.
    let stripHeight = KPIPanel.stripGrid(count: kpiCount, width: body.width, wholeNames: kpiTileWidth, maxRows: body.height / 20).rows * 5
    guard widthClass != .narrow, stripHeight * 3 <= body.height else {
      let feedHeight = max(5, min(8, body.height / 4))
      let rows = body.rows([.min(8), .length(feedHeight)])
      let sideWidth = widthClass == .narrow ? 32 : 40
      let top = rows[0].columns([.fill(1), .length(sideWidth)])
      let kpiHeight = min(kpiCount + 2, max(3, top[1].height - 7))
      let side = top[1].rows([.length(kpiHeight), .fill(1)])
      let bottom = rows[1].columns([.fill(1), .length(sideWidth)])
      return Areas(systems: top[0], kpiStrip: nil, kpiList: side[0], budget: side[1], incidents: bottom[1], feed: bottom[0])
    }
    let rows = body.rows([.length(stripHeight), .fill(1)])
    let main = rows[1]
    if widthClass == .wide {
      let columns = main.columns([.fill(1), .length(48), .ratio(28, 100)])
      let middle = columns[1].rows([.length(11), .fill(1)])
      let systems = columns[0].splitForContent(lines: systemRows, frame: 3)
      let incidents = middle[1].splitForContent(lines: openIncidents, frame: 2)
      return Areas(systems: systems.top, kpiStrip: rows[0], kpiList: nil, budget: middle[0], incidents: incidents.top, feed: columns[2],
                   openItems: systems.rest, resolved: incidents.rest)
    }
    let columns = main.columns([.fill(1), .length(min(60, max(42, main.width / 3)))])
    let side = columns[1].rows([.length(10), .length(7), .fill(1)])
    let systems = columns[0].splitForContent(lines: systemRows, frame: 3)
    return Areas(systems: systems.top, kpiStrip: rows[0], kpiList: nil, budget: side[0], incidents: side[1], feed: side[2],
                 openItems: systems.rest)
  }

  static func tableArea(body: Rect, widthClass: ScreenLayout.Width, kpiCount: Int, kpiTileWidth: Int, systemRows: Int) -> Rect {
    areas(body: body, widthClass: widthClass, kpiCount: kpiCount, kpiTileWidth: kpiTileWidth, systemRows: systemRows)
      .systems.inset(by: 1)
  }

  let context: PageContext

  func render(in body: Rect, buffer: inout Buffer) {
    let areas = Self.areas(
      body: body, widthClass: context.widthClass, kpiCount: context.snapshot.kpis.count, kpiTileWidth: context.state.facts.kpiTileWidth,
      systemRows: context.state.visibleRows.count,
      openIncidents: context.snapshot.incidents.openList.count)
    renderSystems(in: areas.systems, buffer: &buffer)
    if let openItems = areas.openItems {
      let rows = GovernanceRows(snapshot: context.snapshot, format: context.format, glyphs: context.glyphs)
      GovernancePanels(context: context, rows: rows, selection: -1).obligations(in: openItems, buffer: &buffer)
    }
    if let resolved = areas.resolved { IncidentsPanel(context: context).renderResolved(in: resolved, buffer: &buffer) }
    if let strip = areas.kpiStrip { KPIPanel(context: context).renderStrip(in: strip, buffer: &buffer) }
    if let list = areas.kpiList { KPIPanel(context: context).render(in: list, buffer: &buffer) }
    BudgetSummaryPanel(context: context).render(in: areas.budget, buffer: &buffer)
    if let incidents = areas.incidents { IncidentsPanel(context: context).render(in: incidents, buffer: &buffer) }
    FeedPanel(context: context).render(in: areas.feed, buffer: &buffer)
  }

  private func renderSystems(in area: Rect, buffer: inout Buffer) {
    let rows = context.state.visibleRows
    let title = SystemsPage.title(rows: rows, context: context, visibleRows: max(0, area.height - 3))
    guard let inner = context.panel(title, [.systems, .status], in: area, buffer: &buffer) else { return }
    let builder = SystemsTable(context: context, kinds: SystemsTable.overviewKinds(context.widthClass), compact: context.widthClass == .narrow)
    builder.table(rows, width: inner.width, height: inner.height).render(in: inner, buffer: &buffer)
    context.footnote(builder.position(rows, height: inner.height), in: area, buffer: &buffer)
    if rows.isEmpty { SystemsPage.renderEmpty(in: inner, context: context, buffer: &buffer) }
  }
}
