import ImtopCore
import Testing

@testable import ImtopUI

/// The incidents page (6): its cells and colours, the summary line, sorting and filtering with the
/// systems table's keys, Enter to an incident's system, scrolling at 80×24, the header's count of
/// unacknowledged P1/P2 incidents and the overview's incidents at 80×24.
@Suite struct IncidentsPageTests {
  func state(width: Int = 80, height: Int = 24) -> AppState {
    var state = Fixtures.state(page: .overview, width: width, height: height)
    state.press(.character("6"))
    return state
  }

  /// The column where `text` starts on row `y` (rows here have no wide characters).
  func column(of text: String, in buffer: Buffer, y: Int) -> Int? {
    let line = buffer.line(y)
    return line.range(of: text).map { line.distance(from: line.startIndex, to: $0.lowerBound) }
  }

  /// Expects rows `first`, `first + 1`... to read `expected`, trailing spaces aside.
  func expectLines(_ buffer: Buffer, from first: Int, _ expected: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    for (offset, want) in expected.enumerated() {
      var got = buffer.line(first + offset)
      while got.last == " " { got.removeLast() }
      #expect(got == want, "row \(first + offset)", sourceLocation: sourceLocation)
    }
  }

  @Test func sixOpensThePageAndTheKeyLegendSaysSo() {
    var state = state()
    #expect(state.page == .incidents)
    state.press(.character("?"))
    #expect(state.view().plainText().contains("1..6"))
  }

  /// Between recomputations the clock moves on and open incidents' ages with it (a large portfolio's
  /// idle figures may be a minute old), in the table and in the overview's list.
  @Test func openIncidentsAgeWithTheClockNotTheFigures() throws {
    var state = state()
    _ = state.update(.tick(Fixtures.now + .minutes(20)))
    let buffer = state.view()
    expectLines(buffer, from: 6, [
      "│P1   INC-1041  Wide Area Network     1h 02m ✖ no, 1h 02m Carrier link down at…│",
      "│P2   INC-1038  Customer Relations    5h 20m ● 12 min     Slow searches        │",
    ])
    // The overview's list of open incidents, in its leading unit: 42 min then, 1h now.
    var overview = Fixtures.state(page: .overview, width: 160, height: 48)
    #expect(overview.view().plainText().contains("42 min"))
    _ = overview.update(.tick(Fixtures.now + .minutes(20)))
    let text = overview.view().plainText()
    #expect(text.contains("1h") && !text.contains("42 min"))
  }

  @Test func openIncidentsCellByCell() throws {
    let buffer = state().view()
    expectLines(buffer, from: 2, [
      // Durations in one family (95 min is 1h 35m, a day is 1d), rounded down.
      " MTTA 30d  P1 4 min P2 12 min P3 — P4 —  all 11 min",
      " MTTR 30d  P1 1h 35m P2 4h P3 1d P4 —  all 3h 05m",
      "┌ Open incidents 4 · 2 unacknowledged ────────────────────────────────── 12 s ─┐",
      "│Pri▲ ID        System                   Age Acknowledged Summary              │",
      "│P1   INC-1041  Wide Area Network     42 min ✖ no, 42 min Carrier link down at…│",
      "│P2   INC-1038  Customer Relations        5h ● 12 min     Slow searches        │",
      "│P3   INC-1030  Customer Relations        2d ● after 2h   Export fails for lar…│",
      "│P4   INC-1022  Security Monitoring       6d ✖ no, 6d     Noisy alert rule     │",
      "└──────────────────────────────────────────────────────────────────────────────┘",
    ])
    // P1 and P2 are critical, P3 a warning, P4 muted; P1 in bold.
    #expect(buffer[1, 6].foreground == .crit && buffer[1, 6].attributes.contains(.bold))
    #expect(buffer[1, 7].foreground == .crit && !buffer[1, 7].attributes.contains(.bold))
    #expect(buffer[1, 8].foreground == .warn)
    #expect(buffer[1, 9].foreground == .muted)
    // Not acknowledged: critical and bold for a P1, a plain warning for a P4; acknowledged: ok.
    let ack = try #require(column(of: "✖ no, 42 min", in: buffer, y: 6))
    #expect(buffer[ack, 6].foreground == .crit && buffer[ack, 6].attributes.contains(.bold))
    #expect(buffer[ack, 9].foreground == .warn && !buffer[ack, 9].attributes.contains(.bold))
    #expect(buffer[ack, 7].foreground == .ok)
    // The first open incident is selected; the resolved table has no selection.
    #expect((1..<79).allSatisfy { buffer[$0, 6].background == .selection })
    #expect(buffer[1, 13].background == .background)
  }

  @Test func resolvedIncidentsBelow() {
    let buffer = state().view()
    expectLines(buffer, from: 11, [
      "┌ Resolved in the last 30 days 3 ─────────────────────────────────────── 12 s ─┐",
      "│Pri▲ ID        System                  Resolved    Took Ack after Summary     │",
      "│P1   INC-1036  Wide Area Network         3d ago  1h 35m ● 4 min   Router rebo…│",
      "│P2   INC-1033  Customer Relations        8d ago      4h ● 12 min  Login timeo…│",
      "│P3   INC-1019  fax                      20d ago      1d —         Fax gateway…│",
      "│                                                                              │",
    ])
    #expect(buffer.line(22).hasPrefix("└"))
  }

  @Test func summaryTakesOneLineOnWideScreens() {
    let buffer = state(width: 160, height: 48).view()
    expectLines(buffer, from: 2, [" MTTA 30d  P1 4 min P2 12 min P3 — P4 —  all 11 min  ·  MTTR 30d  P1 1h 35m P2 4h P3 1d P4 —  all 3h 05m"])
    #expect(buffer.line(3).hasPrefix("┌ Open incidents 4"))
  }

  @Test func headerCountsUnacknowledgedP1AndP2() {
    // INC-1041 (P1) waits; INC-1022 (P4) waits too but is not counted.
    #expect(state(width: 160, height: 48).view().line(0).contains("✖ 1 unack P1/P2"))
    #expect(state().view().line(0).contains("✖ 1 unack"))
    var state = state(width: 160, height: 48)
    var snapshot = Fixtures.snapshot()
    snapshot.incidents.unacknowledged = [.p1: 0, .p2: 0, .p3: 0, .p4: 1]
    _ = state.update(.snapshot(snapshot, []))
    #expect(!state.view().line(0).contains("unack"))
    snapshot.incidents.unacknowledged = [.p1: 2, .p2: 1, .p3: 0, .p4: 1]
    _ = state.update(.snapshot(snapshot, []))
    let header = state.view()
    let start = column(of: "✖ 3 unack P1/P2", in: header, y: 0)
    #expect(start != nil)
    if let start { #expect(header[start + 2, 0].foreground == .crit) }
  }

  @Test func sortCyclesTheIncidentColumnsAndLeavesTheSystemsSortAlone() {
    var state = state()
    #expect(state.incidentRows.open.map(\.id) == ["INC-1041", "INC-1038", "INC-1030", "INC-1022"])
    state.press(.character("s"))
    #expect(state.incidentSort == .system && state.incidentSortAscending)
    // By system name, A to Z; equal names keep the natural order (priority, then oldest).
    #expect(state.incidentRows.open.map(\.id) == ["INC-1038", "INC-1030", "INC-1022", "INC-1041"])
    #expect(state.incidentRows.resolved.map(\.id) == ["INC-1033", "INC-1019", "INC-1036"])
    #expect(state.view().line(5).contains("System▲"))
    state.press(.character("S"))
    #expect(state.incidentRows.open.map(\.id) == ["INC-1041", "INC-1022", "INC-1038", "INC-1030"])
    #expect(state.view().line(5).contains("System▼"))
    // Age: oldest first; Ack: the longest wait first, then the slowest acknowledgement.
    state.press(.character("s"))
    #expect(state.incidentSort == .age && !state.incidentSortAscending)
    #expect(state.incidentRows.open.map(\.id) == ["INC-1022", "INC-1030", "INC-1038", "INC-1041"])
    state.press(.character("s"))
    #expect(state.incidentRows.open.map(\.id) == ["INC-1022", "INC-1041", "INC-1030", "INC-1038"])
    #expect(state.sortColumn == .status)
    #expect(state.view().line(23).contains("s sort"))
  }

  @Test func theIncidentsNarrowOnEachKeyAndEscapeClears() {
    var state = state()
    state.press(.character("/"))
    for c in "cr" { state.press(.character(c)) }
    // Before Enter: "cr" already narrows the tables (crm's incidents, and none else names "cr").
    #expect(state.filterDraft == "cr" && state.incidentFilter == "cr")
    #expect(state.incidentRows.open.map(\.id) == ["INC-1038", "INC-1030"])
    state.press(.character("m"))
    state.press(.enter)
    #expect(state.filterDraft == nil && state.incidentFilter == "crm")
    state.press(.character("/"))
    state.press(.escape)
    #expect(state.incidentFilter.isEmpty && state.incidentRows.count == 7)
    #expect(state.filter.isEmpty)
  }

  @Test func filterIsThePagesOwn() {
    var state = state()
    state.applyFilter("crm")
    #expect(state.incidentFilter == "crm" && state.filter.isEmpty)
    #expect(state.incidentRows.open.map(\.id) == ["INC-1038", "INC-1030"])
    #expect(state.incidentRows.resolved.map(\.id) == ["INC-1033"])
    #expect(state.view().line(4).hasPrefix("┌ Open incidents 2 of 4 · filter \"crm\""))
    // By system name too, and by the words unacknowledged and resolved.
    state.applyFilter("wide area")
    #expect(state.incidentRows.open.map(\.id) == ["INC-1041"])
    state.applyFilter("unack")
    #expect(state.incidentRows.open.map(\.id) == ["INC-1041", "INC-1022"])
    #expect(state.incidentRows.resolved.isEmpty)
    state.applyFilter("resolved")
    #expect(state.incidentRows.open.isEmpty && state.incidentRows.resolved.count == 3)
    #expect(state.view().plainText().contains("No open incident matches \"resolved\" (Esc clears)"))
    state.press(.escape)
    #expect(state.incidentFilter.isEmpty && state.incidentRows.count == 7)
    // The systems table's filter is not this one.
    state.press(.character("2"))
    #expect(state.visibleSystems.count == Fixtures.systems.count)
  }

  @Test func enterOpensTheIncidentsSystemAndEscComesBack() {
    var state = state()
    state.press(.down)
    #expect(state.selectedIncidentID == "INC-1038")
    state.press(.enter)
    #expect(state.page == .incidents && state.detailSystemID == "crm")
    #expect(state.view().plainText().contains("Customer Relations"))
    #expect(!state.view().plainText().contains("Resolved in the last 30 days"))
    state.press(.escape)
    #expect(state.detailSystemID == nil && state.selectedIncidentID == "INC-1038")
    // The last resolved incident names a system missing from systems.csv: nothing to open.
    state.press(.end)
    #expect(state.selectedIncidentID == "INC-1019")
    state.press(.enter)
    #expect(state.detailSystemID == nil)
    let buffer = state.view()
    #expect(buffer.line(15).contains("INC-1019") && buffer[2, 15].background == .selection)
  }

  /// The smallest screen keeps the summary by shortening the acknowledgement.
  @Test func atTheSmallestSizeTheSummaryStays() {
    let buffer = state(width: 60, height: 16).view()
    expectLines(buffer, from: 5, [
      "│Pri▲ System                   Age Acknowledged Summary    │",
      "│P1   Wide Area Network     42 min ✖ no, 42 min Carrier li…│",
      "│P2   Customer Relations        5h ● 12 min     Slow searc…│",
    ])
    #expect(buffer.line(9).hasSuffix("─ 1–3 of 4 ─┘"))
  }

  @Test func overviewShowsIncidentsAtEverySize() {
    for (width, height) in [(60, 16), (80, 24), (100, 30), (120, 30), (120, 40), (160, 48), (200, 60), (300, 80)] {
      let text = Fixtures.state(page: .overview, width: width, height: height).view().plainText()
      #expect(text.contains("Incidents 4 open"), "\(width)x\(height)")
      #expect(text.contains("P1 Wide Area Network"), "\(width)x\(height)")
    }
  }

  @Test func kioskRotationIncludesTheIncidentsWhenListed() {
    var state = AppState(pages: [.overview, .incidents], kiosk: true, rotateEvery: .seconds(20))
    _ = state.update(.snapshot(Fixtures.snapshot(), []))
    _ = state.update(.tick(Fixtures.now))
    _ = state.update(.tick(Fixtures.now + .seconds(20)))
    #expect(state.page == .incidents)
    _ = state.update(.tick(Fixtures.now + .seconds(40)))
    #expect(state.page == .overview)
  }

  @Test func clickSelectsThenOpensAnIncidentsSystem() {
    var state = state()
    func click(_ y: Int) { _ = state.update(.input(.mouse(MouseEvent(button: .left, x: 30, y: y)))) }
    // 80×24: the open rows are at 6 to 9, the resolved ones from 13; the headers select nothing.
    click(8)
    #expect(state.selectedIncidentID == "INC-1030" && state.detailSystemID == nil)
    click(14)
    #expect(state.selectedIncidentID == "INC-1033")
    click(12)
    #expect(state.selectedIncidentID == "INC-1033")
    click(14)
    #expect(state.detailSystemID == "crm" && state.page == .incidents)
  }

  /// Many incidents at 80×24: both tables scroll, say where they are, and nothing leaves the page.
  @Test func longListsScrollWithinTheirPanelsAt80x24() {
    var snapshot = Fixtures.snapshot()
    snapshot.incidents.openList = (1...30).map { i in
      Incident(id: "O\(i)", system: "crm", priority: .p2, opened: Fixtures.now - .hours(Int64(i)), summary: "open \(i)")
    }
    snapshot.incidents.resolvedList = (1...40).map { i in
      Incident(id: "R\(i)", system: "wan", priority: .p3, opened: Fixtures.now - .days(Int64(i)) - .hours(1),
               resolved: Fixtures.now - .days(Int64(i)), summary: "resolved \(i)")
    }
    var state = state()
    _ = state.update(.snapshot(snapshot, []))
    var buffer = state.view()
    // 19 rows under the summary: the resolved table keeps 6 (3 rows of incidents), the open one 13.
    #expect(buffer.line(4).hasPrefix("┌ Open incidents 30"))
    #expect(buffer.line(16).hasSuffix("─ 1–10 of 30 ─┘"))
    #expect(buffer.line(17).hasPrefix("┌ Resolved in the last 30 days 40"))
    #expect(buffer.line(22).hasSuffix("─ 1–3 of 40 ─┘"))
    state.press(.end)
    buffer = state.view()
    #expect(state.selectedIncidentID == "R40")
    #expect(buffer.line(21).contains("R40") && buffer[2, 21].background == .selection)
    #expect(buffer.line(22).hasSuffix("─ 38–40 of 40 ─┘"))
    // The open table kept its place.
    #expect(buffer.line(16).hasSuffix("─ 1–10 of 30 ─┘"))
    state.press(.home)
    state.press(.pageDown)
    #expect(state.selectedIncidentID == "O10")
    state.press(.pageDown)
    #expect(state.selectedIncidentID == "O19")
    #expect(state.view().line(16).hasSuffix("─ 10–19 of 30 ─┘"))
    #expect(state.view().line(23).hasPrefix(" ? help"))
  }

  @Test func overviewShowsTheCountAndTheWorstAt80x24() throws {
    let buffer = Fixtures.state(page: .overview).view()
    let row = try #require((2..<23).first { buffer.line($0).contains("Incidents 4 open") })
    // The worst first: highest priority, then oldest.
    #expect(buffer.line(row + 1).contains("42 min P1 Wide Area Network: "))
    #expect(buffer.line(row + 2).contains("5h     P2 Customer Relations"))
    // And at the smallest size the dashboard draws.
    let small = Fixtures.state(page: .overview, width: 60, height: 16).view()
    #expect(small.plainText().contains("Incidents 4 open"))
    #expect(small.plainText().contains("P1 Wide Area"))
  }
}
