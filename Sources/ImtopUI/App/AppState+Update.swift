import ImtopCore

extension AppState {
  /// Applies one message and returns what the outside world must do. The only place state changes.
  public mutating func update(_ message: Message) -> [Command] {
    refreshSystemOrder()
    defer { refreshSystemOrder() }
    return apply(message)
  }

  private mutating func apply(_ message: Message) -> [Command] {
    switch message {
    case .snapshot(let snapshot, let events):
      record(events)
      if paused {
        pendingSnapshot = snapshot
      } else {
        self.snapshot = snapshot
        keepSelectionVisible()
      }
      return []
    case .tick(let time):
      clock = time
      rotateIfDue(at: time)
      return []
    case .themes(let names, let current):
      themeNames = names.isEmpty ? [current] : names
      themeName = current
      return []
    case .input(.resize(let newSize)):
      size = newSize
      keepSelectionVisible()
      return []
    case .input(.key(let key)):
      return handle(key)
    case .input(.mouse(let mouse)):
      return kiosk ? [] : handle(mouse)
    }
  }

  private mutating func handle(_ key: Key) -> [Command] {
    if key == .control("c") || key == .control("C") { return [.quit] }
    if kiosk { return key == .character("q") ? [.quit] : [] }
    if filterDraft != nil { return editFilter(key) }
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
    case .enter: openDetail()
    case .escape:
      if detailSystemID != nil {
        detailSystemID = nil
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

  private mutating func editFilter(_ key: Key) -> [Command] {
    switch key {
    case .enter:
      filter = filterDraft ?? ""
      filterDraft = nil
      keepSelectionVisible()
    case .escape:
      filterDraft = nil
    case .backspace, .delete:
      if var draft = filterDraft, !draft.isEmpty {
        draft.removeLast()
        filterDraft = draft
      }
    case .control("u"):
      filterDraft = ""
    case .character(let c):
      // Only printable text: a pasted escape sequence must not end up in the filter.
      if !c.unicodeScalars.contains(where: { SafeText.isUnsafe($0) }), (filterDraft?.count ?? 0) < 200 {
        filterDraft = (filterDraft ?? "") + String(c)
      }
    default:
      break
    }
    return []
  }

  private mutating func handle(_ mouse: MouseEvent) -> [Command] {
    let layout = ScreenLayout(size: size)
    if showHelp {
      showHelp = false
      return []
    }
    switch mouse.button {
    case .wheelUp: move(by: -3)
    case .wheelDown: move(by: 3)
    case .left:
      if layout.tabs.contains(x: mouse.x, y: mouse.y) {
        if let index = tabBar.tab(atX: mouse.x, originX: layout.tabs.x, width: layout.tabs.width) { show(pages[index]) }
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
    cyclePage(by: 1)
    lastRotation = time
  }

  /// The tab bar for the configured pages.
  public var tabBar: Tabs {
    Tabs(tabs: pages.map { Tabs.Tab(title: $0.title, shortTitle: $0.shortTitle) }, selected: pages.firstIndex(of: page) ?? 0)
  }

  var showsSystemsTable: Bool { (page == .overview || page == .systems) && detailSystemID == nil }

  private var pageStep: Int { max(1, showsSystemsTable ? visibleSystemRows - 1 : ScreenLayout(size: size).body.height - 3) }

  private mutating func show(_ target: PageName) {
    page = target
    detailSystemID = nil
    detailScroll = 0
  }

  private mutating func cyclePage(by step: Int) {
    guard let index = pages.firstIndex(of: page) else { return show(pages[0]) }
    show(pages[((index + step) % pages.count + pages.count) % pages.count])
  }

  private mutating func cycleSort(reverse: Bool) {
    guard showsSystemsTable else { return }
    if reverse {
      sortAscending.toggle()
    } else {
      let all = SystemColumn.allCases
      let next = all[((all.firstIndex(of: sortColumn) ?? 0) + 1) % all.count]
      sortColumn = next
      sortAscending = !next.descendingFirst
    }
    keepSelectionVisible()
  }

  private mutating func openDetail() {
    guard showsSystemsTable else { return }
    let rows = visibleRows
    guard let index = selectedIndex(in: rows) else { return }
    selectedSystemID = rows[index].id
    detailSystemID = rows[index].id
    detailScroll = 0
    if page == .overview { page = .systems }
  }

  private mutating func nextTheme() -> [Command] {
    guard !themeNames.isEmpty else { return [] }
    let index = themeNames.firstIndex(of: themeName) ?? -1
    themeName = themeNames[(index + 1) % themeNames.count]
    return [.themeChanged(themeName)]
  }

  /// Moves the selection (systems table) or scrolls the page (detail and other pages).
  private mutating func move(by delta: Int) {
    if showsSystemsTable {
      let rows = visibleRows
      guard let current = selectedIndex(in: rows) else { return }
      let target = max(0, min(rows.count - 1, current + delta))
      selectedSystemID = rows[target].id
      keepSelectionVisible()
    } else if detailSystemID != nil {
      detailScroll = max(0, min(scrollLimit, detailScroll + delta))
    } else {
      scroll[page] = max(0, min(scrollLimit, (scroll[page] ?? 0) + delta))
    }
  }

  /// How far the current page can scroll: its number of rows, so Up answers at once after a long
  /// run of Down (the view clamps what it shows anyway).
  private var scrollLimit: Int {
    guard let snapshot else { return 0 }
    if detailSystemID != nil { return 60 }
    switch page {
    case .compliance: return snapshot.compliance.openItems.count
    case .kpis: return snapshot.kpis.count
    case .budget:
      let budget = snapshot.budget
      return budget.byCategory.count + budget.byType.count + budget.bySourcing.count + 3
    case .overview, .systems: return 0
    }
  }

  /// Re-anchors the selection on a row that exists and scrolls the table so it shows.
  mutating func keepSelectionVisible() {
    refreshSystemOrder()
    let rows = visibleRows
    guard let index = selectedIndex(in: rows) else {
      systemsOffset = 0
      return
    }
    selectedSystemID = rows[index].id
    systemsOffset = Table.scrollOffset(selection: index, offset: systemsOffset, visibleRows: visibleSystemRows, rowCount: rows.count)
  }
}

extension PageName {
  public var title: String {
    switch self {
    case .overview: return "Overview"
    case .systems: return "Systems"
    case .budget: return "Budget"
    case .compliance: return "Compliance & risk"
    case .kpis: return "KPIs"
    }
  }

  public var shortTitle: String {
    switch self {
    case .overview: return "Overview"
    case .systems: return "Systems"
    case .budget: return "Budget"
    case .compliance: return "Risk"
    case .kpis: return "KPIs"
    }
  }
}
