import ImtopCore

/// Page 2: every system and every column, sortable and filterable; Enter opens a system's detail.
struct SystemsPage {
  static func tableArea(body: Rect, treeLayout: Bool = false, systemRows: Int = .max) -> Rect {
    areas(body: body, treeLayout: treeLayout, systemRows: systemRows).table.inset(by: 1)
  }

  /// The table's panel and, with the tree layout (`D`), the tree's: beside the table from 120
  /// columns, below it on narrower screens. Without it, a table of `systemRows` rows shorter than
  /// a tall screen (40 rows of page or more) leaves the rest to the event feed.
  static func areas(body: Rect, treeLayout: Bool, systemRows: Int = .max) -> (table: Rect, tree: Rect?, feed: Rect?) {
    guard treeLayout else {
      guard body.height >= 40 else { return (body, nil, nil) }
      let split = body.splitForContent(lines: systemRows, frame: 3)
      return (split.top, nil, split.rest)
    }
    let parts = body.width >= 120 ? body.columns([.fill(3), .fill(2)]) : body.rows([.fill(1), .fill(1)])
    return (parts[0], parts[1], nil)
  }

  /// `Systems 12 of 48 · filter "crm" · 3 down · 7/12` style title; the position shows only when
  /// the list is longer than the panel.
  static func title(rows: SystemRows, context: PageContext, visibleRows: Int = .max) -> String {
    let total = context.snapshot.systems.count
    var title = "Systems"
    if rows.count == total {
      title += " \(total)"
    } else {
      title += " \(rows.count) of \(total)"
    }
    if !context.state.filter.isEmpty { title += " \(context.glyphs.separator) filter \"\(context.state.filter)\"" }
    let down = context.state.facts.headerAlerts.down
    if down > 0 { title += " \(context.glyphs.separator) \(down) down" }
    if rows.count > visibleRows, let index = context.state.selectedIndex(in: rows) {
      title += " \(context.glyphs.separator) \(index + 1)/\(rows.count)"
    }
    return title
  }

  static func renderEmpty(in inner: Rect, context: PageContext, buffer: inout Buffer) {
    let text = context.state.filter.isEmpty ? "No systems in systems.csv" : "No system matches \"\(context.state.filter)\" (Esc clears)"
    buffer.put(text, x: inner.x, y: inner.y + min(2, max(0, inner.height - 1)), width: inner.width, alignment: .center,
               ellipsis: context.glyphs.ellipsis, foreground: .muted)
  }

  let context: PageContext

  func render(in body: Rect, buffer: inout Buffer) {
    if let system = context.state.detailSystem {
      if context.state.dependencyTreeOpen {
        DependencyTreeView(context: context, system: system, trees: context.state.trees(of: system.id)).render(in: body, buffer: &buffer)
      } else {
        SystemDetailView(context: context, system: system).render(in: body, buffer: &buffer)
      }
      return
    }
    let rows = context.state.visibleRows
    let areas = Self.areas(body: body, treeLayout: context.state.treeLayout, systemRows: rows.count)
    if let feed = areas.feed { FeedPanel(context: context).render(in: feed, buffer: &buffer) }
    if let treeArea = areas.tree, let index = context.state.selectedIndex(in: rows) {
      let system = rows[index]
      DependencyTreeView(context: context, system: system, trees: context.state.trees(of: system.id))
        .renderPanel(in: treeArea, buffer: &buffer)
    }
    let body = areas.table
    let title = Self.title(rows: rows, context: context, visibleRows: max(0, body.height - 3))
    guard let inner = context.panel(title, [.systems, .status], in: body, buffer: &buffer, focused: true)
    else { return }
    let kinds = SystemsTable.systemsPageKinds(hidden: context.state.hiddenColumns, sortColumn: context.state.sortColumn)
    let builder = SystemsTable(context: context, kinds: kinds)
    builder.table(rows, width: inner.width, height: inner.height).render(in: inner, buffer: &buffer)
    context.footnote(builder.position(rows, height: inner.height), in: body, buffer: &buffer)
    if rows.isEmpty { Self.renderEmpty(in: inner, context: context, buffer: &buffer) }
  }
}
