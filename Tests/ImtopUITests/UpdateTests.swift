import Testing
import ImtopCore
@testable import ImtopUI

@Suite struct UpdateTests {
  func key(_ key: Key) -> Message { .input(.key(key)) }
  func char(_ c: Character) -> Message { .input(.key(.character(c))) }

  @Test func numberKeysTabAndBackTabSwitchPages() {
    var state = Fixtures.state()
    _ = state.update(char("3"))
    #expect(state.page == .budget)
    _ = state.update(key(.tab))
    #expect(state.page == .compliance)
    _ = state.update(key(.tab))
    _ = state.update(key(.tab))
    #expect(state.page == .incidents)
    _ = state.update(key(.tab))
    // Past the last page Tab wraps to the first.
    #expect(state.page == .overview)
    _ = state.update(key(.backTab))
    #expect(state.page == .incidents)
    _ = state.update(char("6"))
    #expect(state.page == .incidents)
    // A number with no page does nothing.
    _ = state.update(char("9"))
    #expect(state.page == .incidents)
  }

  @Test func clickOnTheTabBar() {
    var state = Fixtures.state(width: 120, height: 40)
    // At 120 columns the full titles fit: " 1 Overview " (0-11), " 2 Systems " (12-22), " 3 Budget " (23-32).
    _ = state.update(.input(.mouse(MouseEvent(button: .left, x: 25, y: 1))))
    #expect(state.page == .budget)
    _ = state.update(.input(.mouse(MouseEvent(button: .left, x: 13, y: 1))))
    #expect(state.page == .systems)
  }

  @Test func sortingCyclesColumnsAndReverses() {
    var state = Fixtures.state(page: .systems)
    // Default: worst state first, so the down WAN leads.
    #expect(state.sortColumn == .status)
    #expect(state.visibleSystems.first?.id == "wan")
    // The two systems impacted via the WAN tie on state: by name A to Z even though the sort is descending.
    #expect(state.visibleSystems.prefix(3).map(\.id) == ["wan", "erp", "rms"])
    _ = state.update(char("s"))
    #expect(state.sortColumn == .name)
    #expect(state.sortAscending)
    // By name ascending: "Building Sensors" comes first.
    #expect(state.visibleSystems.first?.id == "sensors")
    _ = state.update(char("S"))
    #expect(!state.sortAscending)
    // Descending: "Wide Area Network" first.
    #expect(state.visibleSystems.first?.id == "wan")
    for _ in 0..<SystemColumn.allCases.count - 1 { _ = state.update(char("s")) }
    // Back to the status column after a full cycle.
    #expect(state.sortColumn == .status)
  }

  @Test func filterNarrowsOnEachKeyEnterKeepsItEscapeClearsIt() {
    var state = Fixtures.state(page: .systems)
    _ = state.update(char("/"))
    #expect(state.filterDraft == "")
    #expect(state.visibleSystems.count == 10)
    // Each key narrows the table at once: "c" matches several systems, "crmx" none, "crm" one.
    _ = state.update(char("c"))
    #expect(state.filter == "c")
    #expect(state.visibleSystems.map(\.id).contains("crm"))
    for c in "rmx" { _ = state.update(char(c)) }
    #expect(state.visibleSystems.isEmpty)
    _ = state.update(key(.backspace))
    #expect(state.filterDraft == "crm")
    // "crm" matches the CRM system's category only.
    #expect(state.visibleSystems.map(\.id) == ["crm"])
    _ = state.update(key(.enter))
    #expect(state.filter == "crm")
    #expect(state.filterDraft == nil)
    #expect(state.visibleSystems.map(\.id) == ["crm"])
    // Editing again starts from the kept filter; Escape while typing clears it.
    _ = state.update(char("/"))
    #expect(state.filterDraft == "crm")
    _ = state.update(char("z"))
    #expect(state.visibleSystems.isEmpty)
    _ = state.update(key(.escape))
    #expect(state.filterDraft == nil)
    #expect(state.filter == "")
    #expect(state.visibleSystems.count == 10)
  }

  @Test func filterIgnoresControlCharactersAndKeysDoNotLeak() {
    var state = Fixtures.state(page: .systems)
    _ = state.update(char("/"))
    _ = state.update(char("\u{1B}"))
    _ = state.update(char("q"))
    // "q" while typing is text, not quit.
    #expect(state.filterDraft == "q")
    let commands = state.update(char("p"))
    #expect(commands.isEmpty)
    #expect(!state.paused)
  }

  @Test func filterMatchesImpactedMarks() {
    var state = Fixtures.state(page: .systems)
    state.applyFilter("via wan")
    // ERP and Records are impacted via the WAN.
    #expect(Set(state.visibleSystems.map(\.id)) == ["erp", "rms"])
  }

  @Test func enterOpensDetailAndEscapeCloses() {
    var state = Fixtures.state(page: .systems)
    _ = state.update(key(.down))
    let second = state.visibleSystems[1].id
    _ = state.update(key(.enter))
    #expect(state.detailSystemID == second)
    #expect(state.view().plainText().contains("Availability 30d"))
    _ = state.update(key(.escape))
    #expect(state.detailSystemID == nil)
    // Enter on the overview opens the detail on the Systems page.
    var overview = Fixtures.state(page: .overview)
    _ = overview.update(key(.enter))
    #expect(overview.page == .systems)
    #expect(overview.detailSystemID == "wan")
  }

  @Test func movingAndScrollingTheSelection() {
    var state = Fixtures.state(page: .systems, width: 80, height: 24)
    var ids = (0..<40).map { "s\($0)" }
    ids.sort()
    let systems = ids.map { Fixtures.system($0, $0, "Data", nil, owner: "Ops", criticality: 2, users: 1, sla: nil,
                                            state: .up, availability: 100, latency: 1) }
    _ = state.update(.snapshot(Fixtures.snapshot(systems: systems), []))
    _ = state.update(char("s"))
    #expect(state.sortColumn == .name)
    _ = state.update(key(.home))
    #expect(state.selectedSystemID == "s0")
    _ = state.update(char("j"))
    _ = state.update(key(.down))
    #expect(state.selectedSystemID == ids[2])
    _ = state.update(char("k"))
    #expect(state.selectedSystemID == ids[1])
    _ = state.update(key(.end))
    #expect(state.selectedSystemID == ids[39])
    // The table at 80x24 shows 21 - 2 borders - 1 header = 18 rows; the last row selected means
    // offset 40 - 18 = 22.
    #expect(state.systemsOffset == 22)
    _ = state.update(key(.pageUp))
    // A page is 18 - 1 = 17 rows: 39 - 17 = 22.
    #expect(state.selectedSystemID == ids[22])
    _ = state.update(key(.up))
    #expect(state.systemsOffset == 21)
  }

  @Test func clickSelectsThenOpensARow() {
    var state = Fixtures.state(page: .systems, width: 120, height: 40)
    // Body starts at row 2; panel border at 2, header at 3, first row at 4.
    _ = state.update(.input(.mouse(MouseEvent(button: .left, x: 20, y: 6))))
    let third = state.visibleSystems[2].id
    #expect(state.selectedSystemID == third)
    #expect(state.detailSystemID == nil)
    _ = state.update(.input(.mouse(MouseEvent(button: .left, x: 20, y: 6))))
    #expect(state.detailSystemID == third)
  }

  @Test func pauseHoldsSnapshotsUntilResumed() {
    var state = Fixtures.state()
    #expect(state.update(char("p")) == [.pauseChanged(true)])
    #expect(state.view().plainText().contains("PAUSED"))
    var newer = Fixtures.snapshot()
    newer.organization.name = "Renamed Council"
    _ = state.update(.snapshot(newer, []))
    #expect(state.snapshot?.organization.name == "Northwind Council")
    #expect(state.update(char("p")) == [.pauseChanged(false)])
    #expect(state.snapshot?.organization.name == "Renamed Council")
    #expect(!state.view().plainText().contains("PAUSED"))
  }

  @Test func helpOverlayOpensAndAnyKeyCloses() {
    var state = Fixtures.state()
    _ = state.update(char("?"))
    #expect(state.showHelp)
    // At 80x24 the keys in few words, so the symbols' legend fits beside them.
    #expect(state.view().plainText().contains("re-read now"))
    _ = state.update(char("2"))
    // The key closed the help and did nothing else.
    #expect(!state.showHelp)
    #expect(state.page == .overview)
  }

  @Test func commandsForTheOutsideWorld() {
    var state = Fixtures.state()
    #expect(state.update(char("r")) == [.reread])
    #expect(state.update(char("t")) == [.themeChanged("light")])
    #expect(state.update(char("t")) == [.themeChanged("mono")])
    #expect(state.update(char("t")) == [.themeChanged("default")])
    #expect(state.update(char("q")) == [.quit])
    #expect(state.update(key(.control("c"))) == [.quit])
  }

  @Test func kioskIgnoresKeysButQuit() {
    var state = Fixtures.state(kiosk: true)
    #expect(state.update(char("2")).isEmpty)
    #expect(state.page == .overview)
    #expect(state.update(char("p")).isEmpty)
    #expect(state.update(char("q")) == [.quit])
    // No key hints in the footer.
    #expect(!state.view().plainText().contains("? help"))
  }

  @Test func kioskRotatesPagesOnTicks() {
    var state = Fixtures.state(kiosk: true, rotateEvery: .seconds(20))
    _ = state.update(.tick(Fixtures.now))
    _ = state.update(.tick(Fixtures.now + .seconds(19)))
    #expect(state.page == .overview)
    _ = state.update(.tick(Fixtures.now + .seconds(20)))
    #expect(state.page == .systems)
    // The next rotation counts from the last one: 20 s after 20 s.
    _ = state.update(.tick(Fixtures.now + .seconds(39)))
    #expect(state.page == .systems)
    _ = state.update(.tick(Fixtures.now + .seconds(40)))
    #expect(state.page == .budget)
    // Outside kiosk mode nothing rotates.
    var desk = Fixtures.state(rotateEvery: .seconds(20))
    _ = desk.update(.tick(Fixtures.now + .seconds(100)))
    #expect(desk.page == .overview)
  }

  @Test func snapshotsFeedTheEventLogNewestFirst() {
    var state = AppState()
    _ = state.update(.snapshot(Fixtures.snapshot(), Fixtures.events))
    #expect(state.events.first?.time == Fixtures.now - .minutes(3))
    #expect(state.events.count == Fixtures.events.count)
    var small = AppState(eventCapacity: 3)
    _ = small.update(.snapshot(Fixtures.snapshot(), Fixtures.events))
    _ = small.update(.snapshot(Fixtures.snapshot(), Fixtures.events))
    #expect(small.events.count == 3)
    #expect(small.events.first?.time == Fixtures.now - .minutes(3))
  }

  @Test func feedEventsFromTwoSnapshots() {
    var before = Fixtures.snapshot()
    before.systems[0].state = .up   // erp
    before.data.issues = []
    let after = Fixtures.snapshot()
    let events = FeedEvent.changes(from: before, to: after)
    // The ERP is up in both snapshots, so no state changes; the data issue is new.
    #expect(events.filter { $0.system != nil }.isEmpty)
    #expect(events.count == 1)
    var changed = after
    changed.systems[1].state = .down  // crm degraded → down
    let next = FeedEvent.changes(from: after, to: changed)
    #expect(next.map(\.kind) == [.stateChange(system: "crm", from: .degraded, to: .down)])
  }

  /// Systems listed in another order (a re-sorted `systems.csv`), one removed and one added, are
  /// still compared by id: only real changes are events.
  @Test func feedEventsFromSnapshotsWhoseSystemsMoved() throws {
    let before = Fixtures.snapshot()
    try #require(before.systems.count >= 3)
    var after = before
    after.systems.reverse()
    #expect(FeedEvent.changes(from: before, to: after).filter { $0.system != nil }.isEmpty)
    let gone = after.systems.removeLast()
    var added = after.systems[0]
    added.record.id = "new-system"
    added.state = .down
    after.systems.insert(added, at: 1)
    let flipped = after.systems.count - 1
    after.systems[flipped].state = after.systems[flipped].state == .down ? .up : .down
    let events = FeedEvent.changes(from: before, to: after).filter { $0.system != nil }.map(\.kind)
    let flippedBefore = try #require(before.systems.first { $0.id == after.systems[flipped].id }).state
    #expect(events == [
      .stateChange(system: "new-system", from: .unknown, to: .down),
      .stateChange(system: after.systems[flipped].id, from: flippedBefore, to: after.systems[flipped].state),
    ])
    #expect(!events.contains { if case .stateChange(gone.id, _, _) = $0 { true } else { false } })
  }
}

@Suite struct ScrollTests {
  @Test func pageScrollStopsAtTheContent() {
    var state = Fixtures.state(page: .compliance)
    for _ in 0..<50 { _ = state.update(.input(.key(.down))) }
    // 21 rows (4 obligations, 4 courses, 3 overdue roles, 2 series, 8 sensitive systems): the
    // cursor stops on the last, so one Up is felt at once.
    #expect(state.governanceSelection == 20)
    _ = state.update(.input(.key(.up)))
    #expect(state.governanceSelection == 19)
  }

  @Test func detailScrollsAndClampsInTheView() {
    var state = Fixtures.state(page: .systems, width: 80, height: 24)
    _ = state.update(.show(.systems, detail: "erp"))
    let top = state.view().line(3)
    _ = state.update(.input(.key(.down)))
    #expect(state.detailScroll == 1)
    #expect(state.view().line(3) != top)
    for _ in 0..<100 { _ = state.update(.input(.key(.pageDown))) }
    #expect(state.detailScroll == 64, "60 for the sections, one more per state the ERP's history lists (4)")
    // Drawing with a scroll past the end still shows the last lines, not an empty panel.
    #expect(state.view().line(3).contains { $0.isLetter })
  }
}
