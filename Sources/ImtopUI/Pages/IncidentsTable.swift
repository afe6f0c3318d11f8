import ImtopCore

/// Builds the incidents page's two tables, open and resolved, from the page's rows: which columns
/// at which width, and each cell.
struct IncidentsTable {
  enum Section { case open, resolved }

  enum ColumnKind: Hashable {
    case data(IncidentColumn)
    /// How long ago a resolved incident was resolved.
    case resolvedAgo
  }

  let context: PageContext
  let rows: IncidentRows
  /// The display names of the systems the rows name.
  let names: [String: String]

  init(context: PageContext, rows: IncidentRows) {
    self.context = context
    self.rows = rows
    names = IncidentsPanel.names(of: Set(rows.open.map(\.system) + rows.resolved.map(\.system)), in: context.snapshot.systems)
  }

  static func kinds(_ section: Section) -> [ColumnKind] {
    switch section {
    case .open: return [.data(.priority), .data(.id), .data(.system), .data(.age), .data(.acknowledged), .data(.summary)]
    case .resolved:
      return [.data(.priority), .data(.id), .data(.system), .resolvedAgo, .data(.age), .data(.acknowledged), .data(.summary)]
    }
  }

  func column(_ kind: ColumnKind, _ section: Section) -> Table.Column {
    switch kind {
    case .resolvedAgo: return Table.Column("Resolved", width: 11, minWidth: 8, alignment: .right, priority: 1)
    case .data(let column):
      switch column {
      case .priority:
        // The title and the sort marker beside it ("Pri▲", or "Pri ^" in ASCII).
        let marker = context.glyphs.trailingMarker(context.glyphs.sortAscending)
        return Table.Column(column.title, width: SafeText.width(column.title) + SafeText.width(marker), priority: 0)
      case .id: return Table.Column(column.title, width: 9, priority: 4)
      // Whole names where there is room; at 80 columns the summary needs it more.
      case .system: return Table.Column(column.title, width: context.widthClass == .narrow ? 20 : 30, minWidth: 10, priority: 0)
      case .age: return Table.Column(section == .open ? "Age" : "Took", width: 7, alignment: .right, priority: 1)
      case .acknowledged:
        // Narrow: `● after 2h 05m` gives way to `● 2h 05m` rather than the summary to the column.
        return Table.Column(section == .open ? "Acknowledged" : "Ack after", width: context.widthClass == .narrow ? 12 : 14, minWidth: 9,
                            priority: section == .open ? 0 : 5)
      case .resolved: return Table.Column(column.title, width: 11, alignment: .right, priority: 1)
      case .summary: return Table.Column(column.title, width: 30, minWidth: 10, priority: 2, flexible: true)
      }
    }
  }

  func cell(_ kind: ColumnKind, _ incident: Incident) -> Table.Cell {
    let now = context.snapshot.asOf
    let glyphs = context.glyphs
    let duration = DisplayFormat.duration
    switch kind {
    case .resolvedAgo:
      guard let resolved = incident.resolved else { return Table.Cell(glyphs.dash, role: .muted) }
      let ago = context.elapsed(since: resolved)
      return Table.Cell(ago + " ago", role: .muted, shorter: [ago])
    case .data(let column):
      switch column {
      case .priority:
        return Table.Cell(incident.priority.rawValue, role: IncidentsPanel.role(incident.priority),
                          attributes: incident.priority == .p1 ? .bold : [])
      case .id: return Table.Cell(incident.id, role: .muted)
      case .system: return Table.Cell(names[incident.system] ?? incident.system)
      case .age:
        // An open incident's age runs to the clock, as its "waiting" does; a resolved one's is fixed.
        guard incident.isOpen(at: now) else { return Table.Cell(duration(IncidentColumn.end(incident, at: now) - incident.opened)) }
        return Table.Cell(context.elapsed(since: incident.opened))
      case .acknowledged:
        if let acknowledged = incident.acknowledged, incident.isAcknowledged(at: now) {
          let after = duration(acknowledged - incident.opened)
          return Table.Cell("\(glyphs.up) after \(after)", role: .ok, shorter: ["\(glyphs.up) \(after)", glyphs.up])
        }
        guard incident.isOpen(at: now) else { return Table.Cell(glyphs.dash, role: .muted) }
        // Not acknowledged: for how long, in the priority's alarm colour.
        let waiting = context.elapsed(since: incident.opened)
        let urgent = incident.priority <= .p2
        return Table.Cell("\(glyphs.down) no, \(waiting)", role: urgent ? .crit : .warn, attributes: urgent ? .bold : [],
                          shorter: ["\(glyphs.down) \(waiting)", glyphs.down])
      case .resolved: return cell(.resolvedAgo, incident)
      case .summary: return Table.Cell(incident.summary.isEmpty ? glyphs.dash : incident.summary, role: incident.summary.isEmpty ? .muted : .normal)
      }
    }
  }

  /// Draws one section's table in `inner` (the inside of its panel drawn in `panel`), scrolled to
  /// `offset` and moved as little as keeps `selection` in view, with its position on the panel's
  /// bottom edge when it does not all show, or `empty` when it has no rows.
  func render(
    _ section: Section, selection: Int?, offset: Int, empty: String, in inner: Rect, panel: Rect, buffer: inout Buffer
  ) {
    let incidents = section == .open ? rows.open : rows.resolved
    let kinds = Self.kinds(section)
    var table = Table(columns: kinds.map { column($0, section) }, rows: [], glyphs: context.glyphs)
    let visible = table.visibleRows(height: inner.height)
    let first = Table.scrollOffset(selection: selection, offset: offset, visibleRows: visible, rowCount: incidents.count)
    let window = incidents.isEmpty ? [] : incidents[first..<min(incidents.count, first + visible)]
    table.rows = window.map { incident in kinds.map { cell($0, incident) } }
    table.selection = selection.map { $0 - first }
    table.sortColumn = kinds.firstIndex(of: .data(context.state.incidentSort))
    table.sortAscending = context.state.incidentSortAscending
    table.render(in: inner, buffer: &buffer)
    context.footnote(MoreMarker.position(first: first, visible: visible, total: incidents.count, glyphs: context.glyphs), in: panel,
                     buffer: &buffer)
    if incidents.isEmpty {
      buffer.put(empty, x: inner.x, y: inner.y + min(1, max(0, inner.height - 1)), width: inner.width, alignment: .center,
                 ellipsis: context.glyphs.ellipsis, foreground: .muted)
    }
  }
}
