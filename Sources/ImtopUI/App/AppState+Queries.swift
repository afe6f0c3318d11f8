import ImtopCore

/// What `view` and `update` read from the state: derived values, never changes.
extension AppState {
  /// The time data ages are measured against: the clock, else the snapshot's instant.
  public var now: Timestamp { clock ?? snapshot?.asOf ?? Timestamp(milliseconds: 0) }

  public var glyphs: Glyphs { drawingMode.glyphs }

  public var format: DisplayFormat {
    DisplayFormat(currency: snapshot?.organization.currency ?? "EUR", redactCosts: redactCosts, glyphs: glyphs, zone: zone)
  }

  /// The systems table's rows: filtered, then sorted.
  public var visibleSystems: [SystemHealth] { Array(visibleRows) }

  /// The same rows without copying them out of the snapshot: what frames and keys use. `update`
  /// keeps the order cached, so this is the cache except in the middle of an update.
  var visibleRows: SystemRows { systemOrder ?? computedSystemOrder }

  /// The rows worked out from scratch, ignoring the cache.
  var computedSystemOrder: SystemRows {
    guard let systems = snapshot?.systems else { return .empty }
    return SystemOrder.rows(systems, filter: filter, column: sortColumn, ascending: sortAscending)
  }

  /// Index of the selected system in `visibleSystems` (0 when the selection is gone).
  public func selectedIndex(in rows: [SystemHealth]) -> Int? {
    guard !rows.isEmpty else { return nil }
    if let id = selectedSystemID, let index = rows.firstIndex(where: { $0.id == id }) { return index }
    return 0
  }

  /// `selectedIndex(in:)` for the cached rows.
  func selectedIndex(in rows: SystemRows) -> Int? {
    guard !rows.isEmpty else { return nil }
    if let id = selectedSystemID, let index = rows.position(ofID: id) { return index }
    return 0
  }

  /// The system whose detail is open, if it still exists.
  public var detailSystem: SystemHealth? {
    guard let id = detailSystemID else { return nil }
    return system(id: id)
  }

  /// A system of the snapshot on screen, by id, without a look at every system.
  func system(id: String) -> SystemHealth? {
    guard let systems = snapshot?.systems, let position = facts.systemPositions[id], systems.indices.contains(position) else { return nil }
    return systems[position]
  }

  static func matches(_ system: SystemHealth, _ needle: String) -> Bool {
    let record = system.record
    let haystack = [record.id, record.name, record.category, record.owner, record.vendor,
                    record.sourcing?.rawValue ?? "", record.lifecycle?.rawValue ?? "", system.state.rawValue,
                    system.impactedVia.map { "via \($0)" } ?? ""]
    return RowOrder.matches(haystack, needle)
  }

  /// The incidents page's rows: filtered, then sorted (the cache, except in the middle of an update).
  var incidentRows: IncidentRows { incidentOrder ?? computedIncidentOrder }

  var computedIncidentOrder: IncidentRows {
    guard let snapshot else { return .empty }
    let incidents = snapshot.incidents
    let ids = Set(incidents.openList.map(\.system)).union(incidents.resolvedList.map(\.system))
    return IncidentRows(incidents, names: IncidentsPanel.names(of: ids, in: snapshot.systems), filter: incidentFilter,
                        column: incidentSort, ascending: incidentSortAscending, at: snapshot.asOf)
  }

  /// Index of the selected incident in `rows` (0 when the selection is gone).
  func selectedIncidentIndex(in rows: IncidentRows) -> Int? {
    guard !rows.isEmpty else { return nil }
    if let id = selectedIncidentID, let index = rows.position(ofID: id) { return index }
    return 0
  }

  /// The filter of the table on this page: the incidents page has its own.
  public var activeFilter: String { page == .incidents ? incidentFilter : filter }

  /// The tab bar for the configured pages.
  public var tabBar: Tabs {
    Tabs(tabs: pages.map { Tabs.Tab(title: $0.title, shortTitle: $0.shortTitle) }, selected: pages.firstIndex(of: page) ?? 0)
  }

  var showsSystemsTable: Bool { (page == .overview || page == .systems) && detailSystemID == nil }

  var showsIncidentTables: Bool { page == .incidents && detailSystemID == nil }

  /// How far PgUp/PgDn move: a table's visible rows less one, or a page body less three.
  var pageStep: Int {
    if showsIncidentTables { return max(1, visibleIncidentRows.open - 1) }
    return max(1, showsSystemsTable ? visibleSystemRows - 1 : ScreenLayout(size: size).body.height - 3)
  }

  /// How far the current page can scroll: its number of rows, so Up answers at once after a long
  /// run of Down (the view clamps what it shows anyway).
  var scrollLimit: Int {
    guard let snapshot else { return 0 }
    // The detail's sections, plus one line per state its history lists.
    if let id = detailSystemID, dependencyTreeOpen { return trees(of: id).reduce(4) { $0 + $1.rows.count + 2 } }
    if detailSystemID != nil { return 60 + (detailSystem?.history.entries.count ?? 0) }
    switch page {
    case .compliance: return GovernanceRows(snapshot: snapshot, format: format, glyphs: glyphs).all.count
    case .kpis: return snapshot.kpis.count
    case .budget:
      let budget = snapshot.budget
      return budget.byCategory.count + budget.byType.count + budget.bySourcing.count + 3
    case .overview, .systems, .incidents: return 0
    }
  }
}
