import ImtopCore

/// Everything the screen shows, apart from the data itself: which page, what is selected, filters,
/// sort order, overlays and modes. Changed only by `update(_:)`; drawn only by `view()`.
public struct AppState: Sendable {
  /// The snapshot on screen (nil until the first one arrives).
  public var snapshot: Snapshot? { didSet { systemOrder = nil } }
  /// The newest snapshot received while paused, shown when updates resume.
  public var pendingSnapshot: Snapshot?
  /// Recent events, newest first, at most `eventCapacity`.
  public var events: [FeedEvent] = []
  public var eventCapacity = 500

  public var pages: [PageName]
  public var page: PageName
  public var size: Size
  /// The wall clock (ticks); the snapshot's `asOf` until the first tick.
  public var clock: Timestamp?

  public var sortColumn: SystemColumn = .status { didSet { systemOrder = nil } }
  public var sortAscending = false { didSet { systemOrder = nil } }
  /// The applied filter (case-insensitive substring over id, name, category, owner, vendor, state...).
  public var filter = "" { didSet { systemOrder = nil } }
  /// The systems table's rows for the current snapshot, filter and sort, worked out once by `update`
  /// so that frames do not filter and sort every system again; nil when one of those changed since.
  var systemOrder: SystemRows?
  /// The name-then-id ranks of the snapshot's systems, kept while names and ids stay the same.
  var systemTies: SystemOrder.TieRanks?
  /// The filter being typed after `/`; nil when not editing.
  public var filterDraft: String?
  public var selectedSystemID: String?
  public var systemsOffset = 0
  /// The system whose detail is open, if any.
  public var detailSystemID: String?
  /// Scroll position of pages that scroll as a whole (detail, compliance items, KPI list).
  public var scroll: [PageName: Int] = [:]
  public var detailScroll = 0

  public var paused = false
  public var showHelp = false
  public var themeNames: [String]
  public var themeName: String
  public var drawingMode: DrawingMode
  /// Replace every money figure with `•••` (public screens).
  public var redactCosts: Bool
  /// No key hints (wall consoles).
  public var kiosk: Bool
  /// In kiosk mode, how often the page advances (the configuration's `display.rotate`); nil: never.
  public var rotateEvery: Span?
  /// When the page last changed by rotation.
  public var lastRotation: Timestamp?
  /// When append-only data counts as stale (the configuration's `stale_after`).
  public var staleAfter: Span
  public var zone: Zone

  public init(
    size: Size = Size(width: 80, height: 24), pages: [PageName] = PageName.allCases, page: PageName? = nil,
    themeNames: [String] = ["default"], themeName: String = "default", drawingMode: DrawingMode = .unicode,
    redactCosts: Bool = false, kiosk: Bool = false, staleAfter: Span = .minutes(10), zone: Zone = .utc
  ) {
    self.size = size
    self.pages = pages.isEmpty ? PageName.allCases : pages
    self.page = page ?? self.pages[0]
    self.themeNames = themeNames
    self.themeName = themeName
    self.drawingMode = drawingMode
    self.redactCosts = redactCosts
    self.kiosk = kiosk
    self.staleAfter = staleAfter
    self.zone = zone
  }

  /// The time data ages are measured against: the clock, else the snapshot's instant.
  public var now: Timestamp { clock ?? snapshot?.asOf ?? Timestamp(milliseconds: 0) }

  public var glyphs: Glyphs { drawingMode.glyphs }

  public var format: DisplayFormat {
    DisplayFormat(currency: snapshot?.organization.currency ?? "EUR", redactCosts: redactCosts, glyphs: glyphs, zone: zone)
  }

  /// The systems table's rows: filtered, then sorted. The cached order when it is current, else
  /// worked out now (when a property was set directly rather than through `update`).
  public var visibleSystems: [SystemHealth] { Array(visibleRows) }

  /// The same rows without copying them out of the snapshot: what frames and keys use.
  var visibleRows: SystemRows { systemOrder ?? computedSystemOrder }

  /// The rows worked out from scratch, ignoring the cache.
  var computedSystemOrder: SystemRows {
    guard let systems = snapshot?.systems else { return .empty }
    return SystemOrder.rows(systems, filter: filter, column: sortColumn, ascending: sortAscending)
  }

  /// Works out the systems table's order when the snapshot, filter or sort changed since the last
  /// time, so later frames reuse it. `update` calls it; so may code that sets those properties directly.
  public mutating func refreshSystemOrder() {
    guard systemOrder == nil else { return }
    guard let systems = snapshot?.systems else {
      systemOrder = .empty
      return
    }
    let ties = systemTies.flatMap { $0.fit(systems) ? $0 : nil } ?? SystemOrder.TieRanks(systems)
    systemTies = ties
    systemOrder = SystemOrder.rows(systems, filter: filter, column: sortColumn, ascending: sortAscending, ties: ties)
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
    return snapshot?.systems.first { $0.id == id }
  }

  static func matches(_ system: SystemHealth, _ needle: String) -> Bool {
    let record = system.record
    let haystack = [record.id, record.name, record.category, record.owner, record.vendor,
                    record.sourcing?.rawValue ?? "", record.lifecycle?.rawValue ?? "", system.state.rawValue,
                    system.impactedVia.map { "via \($0)" } ?? ""]
    return haystack.contains { $0.lowercased().contains(needle) }
  }

  /// Adds events to the feed, newest first, keeping at most `eventCapacity`.
  mutating func record(_ new: [FeedEvent]) {
    guard !new.isEmpty else { return }
    events.insert(contentsOf: new.sorted { $0.time > $1.time }, at: 0)
    if events.count > eventCapacity { events.removeLast(events.count - eventCapacity) }
  }
}
