import ImtopCore
import Synchronization

/// Where every `AppState.revision` comes from: one counter for the process.
private let revisions = Atomic<Int>(0)

/// Everything the screen shows, apart from the data itself: which page, what is selected, filters,
/// sort order, overlays and modes. Drawn only by `view()`; changed only by `update(_:)`, the one
/// writer (every stored property is `private(set)`, and the code that changes them is in this file).
public struct AppState: Sendable {
  /// The snapshot on screen (nil until the first one arrives).
  public private(set) var snapshot: Snapshot? {
    didSet {
      systemOrder = nil
      incidentOrder = nil
      dependencyTrees = nil
      facts = SnapshotFacts(snapshot, previous: facts)
    }
  }
  /// What the screen needs of `snapshot` that would mean a look at all of it per frame.
  private(set) var facts = SnapshotFacts(nil)
  /// How far the load before the first figures has got, once it has run long enough to say;
  /// nil once a snapshot arrives.
  public private(set) var loadProgress: LoadProgress?
  /// The newest snapshot received while paused, shown when updates resume.
  public private(set) var pendingSnapshot: Snapshot?
  /// Recent events, newest first, at most `eventCapacity`.
  public private(set) var events: [FeedEvent] = []
  public let eventCapacity: Int

  public private(set) var pages: [PageName]
  public private(set) var page: PageName
  /// The screen size `update` lays out mouse hits and page steps for (the terminal sends a resize
  /// before the first frame).
  public private(set) var size: Size
  /// The wall clock (ticks); the snapshot's `asOf` until the first tick.
  public private(set) var clock: Timestamp?
  /// New after every change but the clock's: what a kept frame was drawn for (`view(reusing:)`).
  /// Drawn from one counter, so two copies of a state that went separate ways never share one.
  public private(set) var revision = revisions.wrappingAdd(1, ordering: .relaxed).newValue

  public private(set) var sortColumn: SystemColumn = .status { didSet { systemOrder = nil } }
  public private(set) var sortAscending = false { didSet { systemOrder = nil } }
  /// The applied filter (case-insensitive substring over id, name, category, owner, vendor, state...).
  public private(set) var filter = "" { didSet { systemOrder = nil } }
  /// The systems table's rows for the current snapshot, filter and sort, worked out once by `update`
  /// so that frames do not filter and sort every system again; nil when one of those changed since.
  private(set) var systemOrder: SystemRows?
  /// The name-then-id ranks of the snapshot's systems, kept while names and ids stay the same.
  private(set) var systemTies: SystemOrder.TieRanks?
  /// The filter being typed after `/`; nil when not editing.
  public private(set) var filterDraft: String?
  public private(set) var selectedSystemID: String?
  public private(set) var systemsOffset = 0
  /// The incidents page's sort, filter and selection (its own, apart from the systems table's).
  public private(set) var incidentSort: IncidentColumn = .priority { didSet { incidentOrder = nil } }
  public private(set) var incidentSortAscending = true { didSet { incidentOrder = nil } }
  public private(set) var incidentFilter = "" { didSet { incidentOrder = nil } }
  /// The incidents page's rows for the current snapshot, filter and sort; nil when one changed since.
  private(set) var incidentOrder: IncidentRows?
  public private(set) var selectedIncidentID: String?
  /// The first row shown of the open and of the resolved incidents table.
  public private(set) var openIncidentsOffset = 0
  public private(set) var resolvedIncidentsOffset = 0
  /// The system whose detail is open, if any.
  public private(set) var detailSystemID: String?
  /// Scroll position of pages that scroll as a whole (detail, compliance items, KPI list).
  public private(set) var scroll: [PageName: Int] = [:]
  public private(set) var detailScroll = 0
  /// The open detail shows the system's dependency trees instead of its sections (`d`).
  public private(set) var dependencyTreeOpen = false
  /// The Systems page shows the selected system's dependency trees beside its table (`D`).
  public private(set) var treeLayout = false
  /// The dependency trees (dependencies, then dependants) of the system whose trees are on screen,
  /// worked out once by `update` for the current snapshot; nil when none are shown or one changed.
  private(set) var dependencyTrees: (id: String, trees: [DependencyTree])?
  /// The systems table's columns hidden with the column chooser (`c`); the rest show as width allows.
  public private(set) var hiddenColumns: Set<SystemTableColumn> = []
  /// The column chooser's cursor, an index into `SystemTableColumn.choosable`; nil when it is closed.
  public private(set) var columnChooser: Int?
  /// The cursor of the Governance & risk page: an index into its `GovernanceRows.all`.
  public private(set) var governanceSelection = 0

  public private(set) var paused = false
  public private(set) var showHelp = false
  public private(set) var themeNames: [String]
  public private(set) var themeName: String
  public private(set) var drawingMode: DrawingMode
  /// A note the footer shows instead of the key hints until the first key press or kiosk rotation
  /// (how to get symbols back when the locale allows only ASCII).
  public private(set) var footerNote: String?
  /// Replace every money figure with `•••` (public screens).
  public let redactCosts: Bool
  /// No key hints (wall consoles).
  public let kiosk: Bool
  /// In kiosk mode, how often the page advances (the configuration's `display.rotate`); nil: never.
  public private(set) var rotateEvery: Span?
  /// When the page last changed by rotation.
  public private(set) var lastRotation: Timestamp?
  /// When append-only data counts as stale (the configuration's `stale_after`).
  public private(set) var staleAfter: Span
  public private(set) var zone: Zone

  public init(
    size: Size = Size(width: 80, height: 24), pages: [PageName] = PageName.allCases, page: PageName? = nil,
    themeNames: [String] = ["default"], themeName: String = "default", drawingMode: DrawingMode = .unicode,
    redactCosts: Bool = false, kiosk: Bool = false, rotateEvery: Span? = nil, staleAfter: Span = .minutes(10),
    zone: Zone = .utc, eventCapacity: Int = 500
  ) {
    self.size = size
    self.pages = pages.isEmpty ? PageName.allCases : pages
    self.page = page ?? self.pages[0]
    self.themeNames = themeNames
    self.themeName = themeName
    self.drawingMode = drawingMode
    self.redactCosts = redactCosts
    self.kiosk = kiosk
    self.rotateEvery = rotateEvery
    self.staleAfter = staleAfter
    self.zone = zone
    self.eventCapacity = max(0, eventCapacity)
  }

  /// Applies one message and returns what the outside world must do. The only place state changes.
  public mutating func update(_ message: Message) -> [Command] {
    refreshSystemOrder()
    refreshIncidentOrder()
    let (shownPage, rotated) = (page, lastRotation)
    defer {
      refreshSystemOrder()
      refreshIncidentOrder()
      refreshDependencyTrees()
      // A tick moves the clock, and changes nothing else unless it turns a kiosk's page.
      if case .tick = message, page == shownPage, lastRotation == rotated {} else {
        revision = revisions.wrappingAdd(1, ordering: .relaxed).newValue
      }
    }
    return apply(message)
  }

  private mutating func apply(_ message: Message) -> [Command] {
    switch message {
    case .snapshot(let snapshot, let events):
      record(events)
      loadProgress = nil
      if paused {
        pendingSnapshot = snapshot
      } else {
        self.snapshot = snapshot
        keepSelectionVisible()
      }
    case .loadProgress(let progress):
      loadProgress = progress
    case .tick(let time):
      clock = time
      rotateIfDue(at: time)
    case .themes(let names, let current):
      themeNames = names.isEmpty ? [current] : names
      themeName = current
    case .display(let settings):
      if !settings.pages.isEmpty, settings.pages != pages {
        pages = settings.pages
        if !pages.contains(page) { show(pages[0]) }
      }
      staleAfter = settings.staleAfter
      zone = settings.zone
      rotateEvery = settings.rotateEvery
    case .drawingMode(let mode):
      drawingMode = mode
    case .footerNote(let note):
      footerNote = note
    case .hiddenColumns(let hidden):
      hiddenColumns = hidden
    case .show(let target, let detail):
      show(target)
      if let detail {
        selectedSystemID = detail
        detailSystemID = detail
      }
      keepSelectionVisible()
    case .input(.resize(let newSize)):
      size = newSize
      keepSelectionVisible()
    case .input(.key(let key)):
      footerNote = nil
      return handle(key)
    case .input(.mouse(let mouse)):
      return kiosk ? [] : handle(mouse)
    }
    return []
  }

  /// Works out the systems table's order when the snapshot, filter or sort changed since the last
  /// time, so later frames reuse it.
  private mutating func refreshSystemOrder() {
    guard systemOrder == nil else { return }
    guard let systems = snapshot?.systems else {
      systemOrder = .empty
      return
    }
    let ties = systemTies.flatMap { $0.fit(systems) ? $0 : nil } ?? SystemOrder.TieRanks(systems)
    systemTies = ties
    systemOrder = SystemOrder.rows(systems, filter: filter, column: sortColumn, ascending: sortAscending, ties: ties)
  }

  /// Works out the incidents page's rows when the snapshot, filter or sort changed since.
  private mutating func refreshIncidentOrder() {
    guard incidentOrder == nil else { return }
    incidentOrder = computedIncidentOrder
  }

  /// Works out the dependency trees of the system they are shown for, when it or the snapshot changed.
  private mutating func refreshDependencyTrees() {
    guard let id = treeSystemID else {
      dependencyTrees = nil
      return
    }
    guard dependencyTrees?.id != id else { return }
    dependencyTrees = (id, computedTrees(of: id))
  }

  /// Adds events to the feed, newest first, keeping at most `eventCapacity`.
  private mutating func record(_ new: [FeedEvent]) {
    guard !new.isEmpty else { return }
    events.insert(contentsOf: new.sorted { $0.time > $1.time }, at: 0)
    if events.count > eventCapacity { events.removeLast(events.count - eventCapacity) }
  }

  private mutating func handle(_ key: Key) -> [Command] {
    if key == .control("c") || key == .control("C") { return [.quit] }
    if kiosk { return key == .character("q") ? [.quit] : [] }
    if filterDraft != nil { return editFilter(key) }
    if columnChooser != nil { return chooseColumns(key) }
    if showHelp {
      if key == .character("q") { return [.quit] }
      showHelp = false
      return []
    }
    switch key {
    case .character("q"): return [.quit]
    case .character("?"): showHelp = true
    case .character("p"):
      paused.toggle()
      if !paused, let pending = pendingSnapshot {
        snapshot = pending
        pendingSnapshot = nil
        keepSelectionVisible()
      }
      return [.pauseChanged(paused)]
    case .character("r"): return [.reread]
    case .character("t"): return nextTheme()
    case .character(let c) where c.isNumber:
      if let n = c.wholeNumberValue, n >= 1, n <= pages.count { show(pages[n - 1]) }
    case .tab: cyclePage(by: 1)
    case .backTab: cyclePage(by: -1)
    case .character("s"), .character("S"): cycleSort(reverse: key == .character("S"))
    case .character("/"):
      if showsSystemsTable { filterDraft = filter }
      if showsIncidentTables { filterDraft = incidentFilter }
    case .enter: openDetail()
    case .character("d") where detailSystemID != nil:
      dependencyTreeOpen.toggle()
      detailScroll = 0
    case .character("c") where page == .systems && detailSystemID == nil:
      columnChooser = 0
    case .character("D") where page == .systems && detailSystemID == nil:
      treeLayout.toggle()
      keepSelectionVisible()
    case .escape:
      if dependencyTreeOpen && detailSystemID != nil {
        dependencyTreeOpen = false
        detailScroll = 0
      } else if detailSystemID != nil {
        detailSystemID = nil
      } else if page == .incidents {
        incidentFilter = ""
        keepSelectionVisible()
      } else if !filter.isEmpty {
        filter = ""
        keepSelectionVisible()
      }
    case .up, .character("k"): move(by: -1)
    case .down, .character("j"): move(by: 1)
    case .pageUp: move(by: -pageStep)
    case .pageDown: move(by: pageStep)
    case .home, .character("g"): move(by: Int.min / 2)
    case .end, .character("G"): move(by: Int.max / 2)
    default: break
    }
    return []
  }

  /// Typing after `/`: the table narrows on each key; Enter keeps the filter, Esc clears it.
  private mutating func editFilter(_ key: Key) -> [Command] {
    guard var draft = filterDraft else { return [] }
    switch key {
    case .enter:
      filterDraft = nil
      return []
    case .escape:
      filterDraft = nil
      draft = ""
    case .backspace, .delete:
      if !draft.isEmpty { draft.removeLast() }
    case .control("u"):
      draft = ""
    case .character(let c):
      // Only printable text: a pasted escape sequence must not end up in the filter.
      guard !c.unicodeScalars.contains(where: { SafeText.isUnsafe($0) }), draft.count < 200 else { return [] }
      draft.append(c)
    default:
      return []
    }
    if filterDraft != nil { filterDraft = draft }
    setActiveFilter(draft)
    return []
  }

  /// The column chooser: ↑ ↓ move, Space toggles the column under the cursor (saved at once), Enter,
  /// Esc or `c` close it.
  private mutating func chooseColumns(_ key: Key) -> [Command] {
    guard let cursor = columnChooser else { return [] }
    let columns = SystemTableColumn.choosable
    switch key {
    case .character("q"): return [.quit]
    case .enter, .escape, .character("c"): columnChooser = nil
    case .up, .character("k"): columnChooser = max(0, cursor - 1)
    case .down, .character("j"): columnChooser = min(columns.count - 1, cursor + 1)
    case .home, .character("g"): columnChooser = 0
    case .end, .character("G"): columnChooser = columns.count - 1
    case .character(" "):
      let column = columns[cursor]
      if hiddenColumns.contains(column) { hiddenColumns.remove(column) } else { hiddenColumns.insert(column) }
      return [.hiddenColumnsChanged(hiddenColumns)]
    default: break
    }
    return []
  }

  /// Makes `text` the filter of the table being filtered (the incidents' or the systems').
  private mutating func setActiveFilter(_ text: String) {
    if page == .incidents {
      guard incidentFilter != text else { return }
      incidentFilter = text
    } else {
      guard filter != text else { return }
      filter = text
    }
    keepSelectionVisible()
  }

  private mutating func handle(_ mouse: MouseEvent) -> [Command] {
    let layout = ScreenLayout(size: size)
    if showHelp {
      showHelp = false
      return []
    }
    // The chooser is the keyboard's (it works the same with the mouse off); clicks leave it be.
    if columnChooser != nil { return [] }
    switch mouse.button {
    case .wheelUp: move(by: -3)
    case .wheelDown: move(by: 3)
    case .left:
      if layout.tabs.contains(x: mouse.x, y: mouse.y) {
        if let index = tabBar.tab(atX: mouse.x, originX: layout.tabs.x, width: layout.tabs.width) { show(pages[index]) }
        return []
      }
      if let index = incidentIndex(atX: mouse.x, y: mouse.y) {
        let id = incidentRows[index].id
        if id == selectedIncidentID { openIncidentSystem() } else {
          selectedIncidentID = id
          keepSelectionVisible()
        }
        return []
      }
      guard let area = systemsTableArea, area.contains(x: mouse.x, y: mouse.y), mouse.y > area.y else { return [] }
      let rows = visibleRows
      let index = Table.scrollOffset(selection: selectedIndex(in: rows), offset: systemsOffset, visibleRows: visibleSystemRows,
                                     rowCount: rows.count) + (mouse.y - area.y - 1)
      guard rows.indices.contains(index) else { return [] }
      if rows[index].id == selectedSystemID {
        openDetail()
      } else {
        selectedSystemID = rows[index].id
        keepSelectionVisible()
      }
    default: break
    }
    return []
  }

  /// Kiosk page rotation: one page further every `rotateEvery`, counted from the last rotation.
  private mutating func rotateIfDue(at time: Timestamp) {
    guard kiosk, let every = rotateEvery, every.milliseconds > 0 else { return }
    guard let last = lastRotation else {
      lastRotation = time
      return
    }
    guard time - last >= every else { return }
    footerNote = nil
    cyclePage(by: 1)
    lastRotation = time
  }

  private mutating func show(_ target: PageName) {
    page = target
    columnChooser = nil
    detailSystemID = nil
    detailScroll = 0
    dependencyTreeOpen = false
  }

  private mutating func cyclePage(by step: Int) {
    guard let index = pages.firstIndex(of: page) else { return show(pages[0]) }
    show(pages[((index + step) % pages.count + pages.count) % pages.count])
  }

  private mutating func cycleSort(reverse: Bool) {
    if showsIncidentTables {
      (incidentSort, incidentSortAscending) = Self.nextSort(
        incidentSort, ascending: incidentSortAscending, reverse: reverse, descendingFirst: \.descendingFirst)
    } else if showsSystemsTable {
      // On the Systems page the sort skips the columns the chooser hid.
      let hidden = page == .systems ? hiddenColumns : []
      repeat {
        (sortColumn, sortAscending) = Self.nextSort(sortColumn, ascending: sortAscending, reverse: reverse, descendingFirst: \.descendingFirst)
      } while !reverse && hidden.contains(.data(sortColumn)) && sortColumn != .status
    } else {
      return
    }
    keepSelectionVisible()
  }

  /// `S` reverses the order; `s` goes to the next column, in its natural first direction.
  private static func nextSort<Column: CaseIterable & Equatable>(
    _ column: Column, ascending: Bool, reverse: Bool, descendingFirst: (Column) -> Bool
  ) -> (Column, Bool) where Column.AllCases == [Column] {
    if reverse { return (column, !ascending) }
    let all = Column.allCases
    let next = all[((all.firstIndex(of: column) ?? 0) + 1) % all.count]
    return (next, !descendingFirst(next))
  }

  /// Enter on the incidents page: the selected incident's system, in its detail on this page (Esc
  /// comes back to the incidents). An incident naming a system not in the inventory opens nothing.
  private mutating func openIncidentSystem() {
    let rows = incidentRows
    guard let index = selectedIncidentIndex(in: rows) else { return }
    let system = rows[index].system
    guard snapshot?.systems.contains(where: { $0.id == system }) == true else { return }
    selectedIncidentID = rows[index].id
    detailSystemID = system
    detailScroll = 0
    dependencyTreeOpen = false
  }

  private mutating func openDetail() {
    if showsIncidentTables { return openIncidentSystem() }
    if page == .compliance && detailSystemID == nil { return openGovernanceSystem() }
    guard showsSystemsTable else { return }
    let rows = visibleRows
    guard let index = selectedIndex(in: rows) else { return }
    selectedSystemID = rows[index].id
    detailSystemID = rows[index].id
    detailScroll = 0
    dependencyTreeOpen = false
    if page == .overview { page = .systems }
  }

  /// Opens the system of the Governance & risk row under the cursor; a row without one opens nothing.
  private mutating func openGovernanceSystem() {
    guard let snapshot else { return }
    let rows = GovernanceRows(snapshot: snapshot, format: format, glyphs: glyphs).all
    guard rows.indices.contains(governanceSelection), let system = rows[governanceSelection].row.system else { return }
    detailSystemID = system
    detailScroll = 0
  }

  private mutating func nextTheme() -> [Command] {
    guard !themeNames.isEmpty else { return [] }
    let index = themeNames.firstIndex(of: themeName) ?? -1
    themeName = themeNames[(index + 1) % themeNames.count]
    return [.themeChanged(themeName)]
  }

  /// Moves the selection (systems table) or scrolls the page (detail and other pages).
  private mutating func move(by delta: Int) {
    if showsIncidentTables {
      let rows = incidentRows
      guard let current = selectedIncidentIndex(in: rows) else { return }
      selectedIncidentID = rows[max(0, min(rows.count - 1, current + delta))].id
      keepSelectionVisible()
    } else if showsSystemsTable {
      let rows = visibleRows
      guard let current = selectedIndex(in: rows) else { return }
      let target = max(0, min(rows.count - 1, current + delta))
      selectedSystemID = rows[target].id
      keepSelectionVisible()
    } else if detailSystemID != nil {
      detailScroll = max(0, min(scrollLimit, detailScroll + delta))
    } else if page == .compliance {
      governanceSelection = max(0, min(scrollLimit - 1, governanceSelection + delta))
    } else {
      scroll[page] = max(0, min(scrollLimit, (scroll[page] ?? 0) + delta))
    }
  }

  /// Re-anchors the selection on a row that exists and scrolls the table so it shows.
  private mutating func keepSelectionVisible() {
    keepIncidentSelectionVisible()
    refreshSystemOrder()
    let rows = visibleRows
    guard let index = selectedIndex(in: rows) else {
      systemsOffset = 0
      return
    }
    selectedSystemID = rows[index].id
    systemsOffset = Table.scrollOffset(selection: index, offset: systemsOffset, visibleRows: visibleSystemRows, rowCount: rows.count)
  }

  /// The same for the incidents page: the selection on an incident that exists, and the table it
  /// is in scrolled so it shows.
  private mutating func keepIncidentSelectionVisible() {
    refreshIncidentOrder()
    let rows = incidentRows
    guard let index = selectedIncidentIndex(in: rows) else {
      openIncidentsOffset = 0
      resolvedIncidentsOffset = 0
      return
    }
    selectedIncidentID = rows[index].id
    let visible = visibleIncidentRows
    if index < rows.open.count {
      openIncidentsOffset = Table.scrollOffset(selection: index, offset: openIncidentsOffset, visibleRows: visible.open,
                                               rowCount: rows.open.count)
    } else {
      resolvedIncidentsOffset = Table.scrollOffset(selection: index - rows.open.count, offset: resolvedIncidentsOffset,
                                                   visibleRows: visible.resolved, rowCount: rows.resolved.count)
    }
  }
}
