import ImtopCore

/// Builds the systems `Table` from the visible systems: which columns at which width, and each cell.
struct SystemsTable {
  typealias ColumnKind = SystemTableColumn

  let context: PageContext
  let kinds: [ColumnKind]
  /// The overview's narrow table: a shorter name and availability title so the trend still fits.
  var compact = false

  /// Overview columns: the essentials, more of them on wide screens; `Last seen` where it fits.
  static func overviewKinds(_ width: ScreenLayout.Width) -> [ColumnKind] {
    var kinds: [ColumnKind] = [
      .data(.status), .data(.name), .data(.category), .data(.sourcing), .data(.availability), .trend, .data(.lastSeen), .data(.incidents),
    ]
    if width >= .medium { kinds.insert(.data(.latency), at: 5) }
    if width == .wide { kinds += [.data(.owner), .data(.criticality), .data(.users), .data(.tco)] }
    return kinds
  }

  /// Systems page columns: all of them, in the order they stand; the narrow ones drop by priority.
  static let allKinds: [ColumnKind] = [
    .data(.status), .data(.name), .data(.category), .data(.kind), .data(.sourcing), .data(.vendor), .data(.owner),
    .data(.criticality), .data(.lifecycle), .data(.endOfSupport), .data(.users), .data(.availabilityDay),
    .data(.availabilityWeek), .data(.availability), .data(.outages), .data(.sla), .data(.latency), .trend, .data(.lastSeen),
    .data(.incidents), .data(.tco), .data(.costPerUser),
  ]

  /// The Systems page's columns: all but those the chooser (`c`) hid; the sort column always shows.
  static func systemsPageKinds(hidden: Set<ColumnKind>, sortColumn: SystemColumn) -> [ColumnKind] {
    allKinds.filter { !hidden.contains($0) || $0 == .data(sortColumn) }
  }

  func column(_ kind: ColumnKind) -> Table.Column {
    var column = baseColumn(kind)
    if compact {
      // "100.00%" and the below-SLA marker's room ("▼", or " v" in ASCII), so that every row's
      // figure ends at the same place (a cell too narrow for its padding stood alone, one column
      // right of the others); a wider marker's column comes from the name.
      let markerWidth = SafeText.width(context.glyphs.trailingMarker(context.glyphs.sortDescending))
      if kind == .data(.name) { column.width = 15 - markerWidth }
      if kind == .data(.availability) {
        column.title = "Avail"
        column.width = 7 + markerWidth
        column.minWidth = 7 + markerWidth
      }
      if kind == .trend { column.priority = 1; column.width = 8 }
    }
    return column
  }

  private func baseColumn(_ kind: ColumnKind) -> Table.Column {
    switch kind {
    case .trend: return Table.Column(kind.title, width: 16, minWidth: 8, priority: 3)
    case .data(let column):
      switch column {
      case .status: return Table.Column(column.title, width: 10, minWidth: 7, priority: 0)
      case .name: return Table.Column(column.title, width: 24, minWidth: 12, priority: 0, flexible: true)
      case .category: return Table.Column(column.title, width: 13, minWidth: 8, priority: 4)
      case .kind: return Table.Column(column.title, width: 8, priority: 12)
      case .sourcing: return Table.Column(column.title, width: 11, priority: 5)
      case .vendor: return Table.Column(column.title, width: 16, minWidth: 10, priority: 10)
      case .owner: return Table.Column(column.title, width: 16, minWidth: 10, priority: 6)
      case .criticality: return Table.Column(column.title, width: 4, alignment: .right, priority: 7)
      case .lifecycle: return Table.Column(column.title, width: 9, priority: 9)
      case .endOfSupport: return Table.Column(column.title, width: 14, priority: 11)
      case .users: return Table.Column(column.title, width: 7, alignment: .right, priority: 8)
      case .availabilityDay: return Table.Column(column.title, width: 9, alignment: .right, priority: 11)
      case .availabilityWeek: return Table.Column(column.title, width: 9, alignment: .right, priority: 10)
      case .availability: return Table.Column(column.title, width: 9, alignment: .right, priority: 1)
      case .outages: return Table.Column(column.title, width: 11, alignment: .right, priority: 10)
      case .sla: return Table.Column(column.title, width: 7, alignment: .right, priority: 6)
      case .latency: return Table.Column(column.title, width: 7, alignment: .right, priority: 4)
      case .lastSeen: return Table.Column(column.title, width: 9, alignment: .right, priority: 2)
      case .incidents: return Table.Column(column.title, width: 3, alignment: .right, priority: 1)
      case .tco: return Table.Column(column.title, width: 9, alignment: .right, priority: 7)
      case .costPerUser: return Table.Column(column.title, width: 9, alignment: .right, priority: 10)
      }
    }
  }

  func cell(_ kind: ColumnKind, _ system: SystemHealth, trendWidth: Int) -> Table.Cell {
    let format = context.format
    let record = system.record
    switch kind {
    case .trend:
      return Table.Cell(Sparkline.text(system.latencySeries, width: trendWidth, variant: context.sparkVariant(.braille)), role: .sparkline)
    case .data(let column):
      switch column {
      case .status:
        if let via = system.impactedVia, system.state == .up || system.state == .degraded {
          let mark = context.glyphs.degraded
          return Table.Cell("\(mark) via \(via)", role: .warn, shorter: ["\(mark) via", mark])
        }
        if system.state == .unknown, let lifecycle = system.record.lifecycle, lifecycle == .plan || lifecycle == .retired {
          // Not in service: no monitor is expected, so "unknown" would be a false alarm.
          let word = lifecycle == .plan ? "planned" : "retired"
          return Table.Cell("\(context.glyphs.dash) \(word)", role: .muted, shorter: [context.glyphs.dash])
        }
        let light = context.light(system)
        return Table.Cell(light.forms[0], role: light.role, attributes: system.state == .down ? .bold : [], shorter: Array(light.forms.dropFirst()))
      case .name: return Table.Cell(record.displayName, attributes: record.criticality == 1 ? .bold : [])
      case .category: return Table.Cell(record.category.isEmpty ? context.glyphs.dash : record.category, role: .muted)
      case .kind: return Table.Cell(record.kind.rawValue, role: .muted)
      case .sourcing: return Table.Cell(record.sourcing?.rawValue ?? context.glyphs.dash, role: .muted)
      case .vendor: return Table.Cell(record.vendor.isEmpty ? context.glyphs.dash : record.vendor, role: .muted)
      case .owner: return Table.Cell(record.owner.isEmpty ? context.glyphs.dash : record.owner, role: record.owner.isEmpty ? .warn : .normal)
      case .criticality: return Table.Cell(record.criticality.map(String.init) ?? context.glyphs.dash, role: record.criticality == 1 ? .accent : .normal)
      case .lifecycle:
        return Table.Cell(record.lifecycle?.rawValue ?? context.glyphs.dash, role: system.pastEndOfSupport ? .crit : .muted)
      case .endOfSupport:
        guard let date = record.endOfSupport else { return Table.Cell(context.glyphs.dash, role: .muted) }
        return system.pastEndOfSupport
          ? Table.Cell("\(date) \(context.glyphs.down)", role: .crit, attributes: .bold, shorter: [date.description])
          : Table.Cell(date.description)
      case .users: return Table.Cell(record.users.map { format.count($0) } ?? context.glyphs.dash)
      case .availabilityDay, .availabilityWeek:
        // The SLA is a 30-day promise: shorter windows are shown as they are, without its colours.
        let value = column == .availabilityDay ? system.availability.day : system.availability.week
        guard let value else { return Table.Cell(context.glyphs.dash, role: .unknown) }
        // Room for the 30-day column's below-SLA marker, so the three columns' figures line up.
        return availabilityCell(format.availability(value), belowSLA: false, role: .normal)
      case .availability:
        guard let value = system.availability.month else { return Table.Cell(context.glyphs.dash, role: .unknown) }
        return availabilityCell(format.availability(value), belowSLA: system.belowSLA, role: record.sla == nil ? .normal : .ok)
      case .sla: return Table.Cell(format.availability(record.sla), role: .muted)
      case .latency: return Table.Cell(format.milliseconds(system.latencyMs))
      case .outages:
        return Table.Cell(format.count(system.outages30d), role: system.outages30d > 0 ? .normal : .muted)
      case .lastSeen:
        // The age of the latest sample on the clock, so it keeps counting between two snapshots.
        guard let last = system.lastSample else { return Table.Cell(context.glyphs.dash, role: .muted) }
        let age = context.elapsed(since: last)
        return system.silent ? Table.Cell(age, role: .stale, attributes: .bold) : Table.Cell(age, role: .muted)
      case .incidents:
        return Table.Cell(format.count(system.openIncidents), role: system.openIncidents > 0 ? .crit : .muted,
                          attributes: system.openIncidents > 0 ? .bold : [])
      case .tco: return Table.Cell(format.compactMoney(system.tcoYTD))
      case .costPerUser: return Table.Cell(system.costPerUserYTD.map { format.compactMoney($0) } ?? context.glyphs.dash)
      }
    }
  }

  /// `21–40 of 62` for `rows` in a table `height` rows tall, or nil when every row shows.
  func position(_ rows: SystemRows, height: Int, showSelection: Bool = true) -> String? {
    let visible = Table(columns: [], rows: []).visibleRows(height: height)
    let first = firstRow(rows, visible: visible, selection: showSelection ? context.state.selectedIndex(in: rows) : nil)
    return MoreMarker.position(first: first, visible: visible, total: rows.count, glyphs: context.glyphs)
  }

  /// The first row on screen: the state's scroll, moved as little as keeps the selection in view.
  private func firstRow(_ rows: SystemRows, visible: Int, selection: Int?) -> Int {
    Table.scrollOffset(selection: selection, offset: context.state.systemsOffset, visibleRows: visible, rowCount: rows.count)
  }

  /// The table for `rows` in an area of `width`×`height`, with the state's selection, scroll and
  /// sort. Only the rows on screen get cells, so 5,000 systems cost no more than 50.
  func table(_ rows: SystemRows, width: Int, height: Int, showSelection: Bool = true) -> Table {
    // On a wall screen the free text columns share the spare room with the name, rather than the
    // name taking it all while vendors and owners are cut.
    let columns = kinds.map { kind in
      var column = column(kind)
      if width >= 200, [.data(.category), .data(.vendor), .data(.owner)].contains(kind) { column.flexible = true }
      return column
    }
    var table = Table(columns: columns, rows: [], glyphs: context.glyphs)
    let trendIndex = kinds.firstIndex(of: .trend)
    let trendWidth = trendIndex.flatMap { index in table.placements(width: width).first { $0.column == index }?.width } ?? 0
    let selection = showSelection ? context.state.selectedIndex(in: rows) : nil
    let visible = table.visibleRows(height: height)
    let first = firstRow(rows, visible: visible, selection: selection)
    let window = rows.isEmpty ? rows[...] : rows[first..<min(rows.count, first + visible)]
    table.rows = window.map { system in kinds.map { cell($0, system, trendWidth: trendWidth) } }
    table.selection = selection.map { $0 - first }
    table.offset = 0
    table.sortColumn = kinds.firstIndex(of: .data(context.state.sortColumn))
    table.sortAscending = context.state.sortAscending
    return table
  }
}

extension SystemsTable {
  /// An availability figure with the below-SLA marker after it, or room for one, so the figures of
  /// the availability columns line up; where a column is too narrow for that, the figure alone (a
  /// figure below its SLA is still drawn as critical).
  func availabilityCell(_ text: String, belowSLA: Bool, role: Role) -> Table.Cell {
    let marker = context.glyphs.trailingMarker(context.glyphs.sortDescending)
    if belowSLA { return Table.Cell(text + marker, role: .crit, attributes: .bold, shorter: [text]) }
    return Table.Cell(text + String(repeating: " ", count: SafeText.width(marker)), role: role, shorter: [text])
  }
}
