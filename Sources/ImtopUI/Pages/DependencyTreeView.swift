import ImtopCore

/// A system's dependency trees: what it depends on and what depends on it, transitively, each
/// system with its state (`▲ via wan` for one impacted by a down dependency), a cycle marked where it
/// closes (`↻ erp`), a system met again on another branch not expanded twice, and `+N more` for what
/// the rows leave out. Drawn full-page in the detail (`d`) and beside the Systems table (`D`).
struct DependencyTreeView {
  let context: PageContext
  let system: SystemHealth
  let trees: [DependencyTree]

  /// The detail's tree view: a panel over the body, the two trees side by side from 100 columns,
  /// else one below the other; the arrows scroll.
  func render(in body: Rect, buffer: inout Buffer) {
    let light = context.light(system)
    let title = "Dependencies of \(system.record.displayName) (\(system.id)) \(context.glyphs.separator) \(light.symbol) \(system.state.rawValue)"
    guard let inner = context.panel(title, [.systems, .status], in: body, buffer: &buffer, focused: true) else { return }
    render(lines: inner.width >= 100 ? trees.map { lines($0, width: Self.columnWidth(inner.width)) } : [allLines(width: inner.width)],
           offset: context.state.detailScroll, in: inner, buffer: &buffer)
  }

  /// Each tree's column side by side: half the width, but no wider than reads well (a state far
  /// from its system's name is hard to follow).
  static func columnWidth(_ width: Int) -> Int { min(76, (width - 4) / 2) }

  /// The panel beside the Systems table: both trees in one list, not scrolled.
  func renderPanel(in area: Rect, buffer: inout Buffer) {
    let title = "Tree \(context.glyphs.separator) \(system.record.displayName)"
    guard let inner = context.panel(title, [.systems, .status], in: area, buffer: &buffer) else { return }
    render(lines: [allLines(width: inner.width)], offset: 0, in: inner, buffer: &buffer)
  }

  private func render(lines columns: [[TextBlock.Line]], offset: Int, in inner: Rect, buffer: inout Buffer) {
    let areas = columns.count > 1
      ? inner.columns(Array(repeating: .length(Self.columnWidth(inner.width)), count: columns.count), spacing: 4)
      : [inner]
    let longest = columns.map(\.count).max() ?? 0
    let offset = min(offset, max(0, longest - inner.height))
    for (lines, area) in zip(columns, areas) {
      TextBlock(lines: lines, offset: offset, glyphs: context.glyphs).render(in: area, buffer: &buffer)
    }
  }

  private func allLines(width: Int) -> [TextBlock.Line] {
    trees.enumerated().flatMap { index, tree in (index > 0 ? [TextBlock.Line.blank] : []) + lines(tree, width: width) }
  }

  /// One tree's lines: a heading with how many systems it reaches, a line per row, `+N more`.
  func lines(_ tree: DependencyTree, width: Int) -> [TextBlock.Line] {
    let glyphs = context.glyphs
    let reached = "\(context.format.count(tree.reached)) system\(tree.reached == 1 ? "" : "s")"
    let heading = tree.direction == .dependencies ? "Depends on" : "Depended on by"
    var lines: [TextBlock.Line] = [.heading("\(heading) \(glyphs.separator) \(reached)")]
    if tree.rows.isEmpty {
      lines.append(TextBlock.Line([TextBlock.Span(tree.direction == .dependencies ? "nothing" : "nothing depends on it", role: .muted)]))
    }
    // Guides deeper than the width allows are left out, the row then starting with `…`.
    let levels = max(1, min(16, (width - 24) / 2))
    var continues: [Bool] = []
    for row in tree.rows {
      if continues.count < row.depth { continues += Array(repeating: false, count: row.depth - continues.count) }
      var prefix = ""
      let first = max(1, row.depth - levels)
      if first > 1 { prefix += glyphs.ellipsis }
      for level in first..<row.depth { prefix += continues[level - 1] ? glyphs.treeGuide : "  " }
      prefix += row.isLast ? glyphs.treeLast : glyphs.treeBranch
      continues[row.depth - 1] = !row.isLast
      lines.append(line(row, prefix: prefix))
    }
    if tree.hidden > 0 { lines.append(TextBlock.Line([TextBlock.Span(MoreMarker.text(hidden: tree.hidden), role: .muted)])) }
    return lines
  }

  private func line(_ row: DependencyTree.Row, prefix: String) -> TextBlock.Line {
    let guide = TextBlock.Span(prefix, role: .muted)
    let systems = context.snapshot.systems
    guard let position = row.system, systems.indices.contains(position), systems[position].id == row.id else {
      return TextBlock.Line([guide, TextBlock.Span("\(context.glyphs.unknown) \(row.id)", role: .unknown)],
                            trailing: [TextBlock.Span("not in systems.csv", role: .muted)])
    }
    let other = systems[position]
    if row.mark == .cycle {
      return TextBlock.Line([guide, TextBlock.Span("\(context.glyphs.cycle) \(row.id)", role: .error, attributes: .bold)],
                            trailing: [TextBlock.Span("cycle", role: .error)])
    }
    // As in the systems table: up but impacted by a down dependency is `▲ via wan`.
    let light = context.light(other)
    let via = other.state == .up || other.state == .degraded ? other.impactedVia : nil
    let symbol = via == nil ? TextBlock.Span(light.symbol + " ", role: light.role) : TextBlock.Span(context.glyphs.degraded + " ", role: .warn)
    var spans = [guide, symbol, TextBlock.Span(other.record.displayName)]
    if row.mark == .repeated { spans.append(TextBlock.Span(" (above)", role: .muted)) }
    let state = via.map { TextBlock.Span("via \($0)", role: .warn) } ?? TextBlock.Span(light.word, role: light.role)
    return TextBlock.Line(spans, trailing: [state])
  }
}

extension Glyphs {
  /// A child that has a sibling after it, the last child, an ancestor's line going on, a cycle closing.
  var treeBranch: String { isASCII ? "|-" : "├ " }
  var treeLast: String { isASCII ? "`-" : "└ " }
  var treeGuide: String { isASCII ? "| " : "│ " }
  var cycle: String { isASCII ? "@" : "↻" }
}
