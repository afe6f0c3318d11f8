import Foundation
import Testing
import ImtopCore
@testable import ImtopUI

/// The pages at small sizes: whatever does not fit is counted, never dropped without a word.
@Suite struct CutPageTests {
  func state(_ page: PageName, width: Int = 80, height: Int = 24, snapshot: Snapshot) -> AppState {
    var state = Fixtures.state(page: page, width: width, height: height)
    _ = state.update(.snapshot(snapshot, []))
    return state
  }

  /// The text of `buffer`'s row `y` from column `x` (the rows compared hold no wide characters).
  func text(_ buffer: Buffer, x: Int, y: Int, count: Int) -> String {
    String(buffer.line(y).dropFirst(x).prefix(count))
  }

  @Test func theKPIListSaysHowManyKPIsItCannotShow() {
    var snapshot = Fixtures.snapshot()
    snapshot.kpis.append(Fixtures.kpi("Spare KPI", 1, "", .lower, target: 0, warn: 1, crit: 2, .warn))
    let buffer = state(.overview, snapshot: snapshot).view()
    // 80×24: the KPI panel (x 48...79) is 9 rows from y 2, 7 inside: six KPIs, then the other two.
    #expect(text(buffer, x: 49, y: 8, count: 18) == "▲ Systems past end")
    #expect(text(buffer, x: 49, y: 9, count: 7) == "+2 more")
    #expect(buffer[49, 9].foreground == .muted)
  }

  /// The KPIs table draws the rows on screen from where it is scrolled to, and says which of how
  /// many they are (it builds only those rows' cells).
  @Test func theKPITableScrolledShowsItsWindowOfRows() throws {
    var snapshot = Fixtures.snapshot()
    snapshot.kpis = (0..<500).map { Fixtures.kpi("Probe \($0)", Double($0), "", .lower, target: 0, warn: 1, crit: 2, .ok) }
    var state = state(.kpis, snapshot: snapshot)
    /// The KPIs of the table's rows, top to bottom, and the screen as text.
    func tableRows() -> (numbers: [Int], screen: [String]) {
      let buffer = state.view()
      let screen = (0..<24).map { buffer.line($0) }
      let numbers = screen.filter { $0.hasPrefix("│● ok ") }.compactMap { row in (0..<500).first { row.contains("Probe \($0) ") } }
      return (numbers, screen)
    }
    for keys in [[], [Key.pageDown, .pageDown, .down], [.end]] {
      for key in keys { _ = state.update(.input(.key(key))) }
      let (numbers, screen) = tableRows()
      let first = try #require(numbers.first, "\(keys): no rows\n\(screen.joined(separator: "\n"))")
      #expect(numbers == Array(first..<(first + numbers.count)), "\(keys)")
      #expect(keys.isEmpty == (first == 0), "\(keys): the first row is \(first)")
      #expect(keys != [.end] || numbers.last == 499, "\(keys)")
      #expect(screen.contains { $0.contains("\(first + 1)–\(first + numbers.count) of 500") }, "\(keys):\n\(screen.joined(separator: "\n"))")
    }
  }

  @Test func theObligationsPanelCountsTheItemsItCuts() {
    var snapshot = Fixtures.snapshot()
    let item = Fixtures.complianceItems[0]
    snapshot.compliance.openItems = (0..<10).map { index in
      var copy = item
      copy.id = "AF-\(index)"
      copy.title = "Finding \(index)"
      return copy
    }
    let buffer = state(.compliance, snapshot: snapshot).view()
    let rows = (0..<24).map { buffer.line($0) }
    // The panel is 7 rows high at 80×24: the summary, three items and the marker for the rest.
    #expect(rows.filter { $0.contains("Finding ") }.count == 3)
    #expect(rows.contains { $0.hasPrefix("│+7 more") })
  }

  @Test func theRisksListCountsTheSystemsBelowSLAItCuts() throws {
    let systems = (0..<8).map { i in
      Fixtures.system("s\(i)", "Service \(i)", "Data", nil, owner: "Ops", criticality: 2, users: 1, sla: 99.9, state: .up,
                      availability: 99.0 + Double(i) / 10, latency: 1)
    }
    let buffer = state(.compliance, snapshot: Fixtures.snapshot(systems: systems)).view()
    let rows = (0..<24).map { buffer.line($0) }
    let listed = rows.filter { $0.contains("% / 99.90") }.count
    let marker = try #require(
      rows.compactMap { row in row.range(of: #"\+\d+ more"#, options: .regularExpression).map { String(row[$0]) } }.first)
    let hidden = try #require(Int(marker.dropFirst().prefix { $0.isNumber }))
    #expect(hidden > 0)
    #expect(listed + hidden == 8)
  }

  @Test func theHeaderKeepsEveryAlertCountAtTheMinimumSize() {
    var snapshot = Fixtures.snapshot()
    snapshot.organization.name = "Harbour City Council Information and Digital Services"
    let header = state(.overview, width: 60, height: 16, snapshot: snapshot).view().line(0)
    // One down, three impaired, one critical KPI: the name gives way, not the counts.
    #expect(header.contains("✖ 1 ▲ 3 ✖ 1 KPI"))
    #expect(header.hasPrefix(" imtop Ha"))
    #expect(header.contains("…"))
    #expect(header.hasSuffix("12:00:00 UTC "))
  }

  @Test func aLongSystemsTableGivesItsPosition() {
    let systems = (0..<40).map { i in
      Fixtures.system("s\(i)", "Service \(i)", "Data", nil, owner: "Ops", criticality: 2, users: 1, sla: nil, state: .up,
                      availability: 100, latency: 1)
    }
    let buffer = state(.systems, snapshot: Fixtures.snapshot(systems: systems)).view()
    // 80×24: the panel is y 2...22; 19 rows inside, one for the header: systems 1–18 of 40.
    #expect(buffer.line(22).hasSuffix(" 1–18 of 40 ─┘"))
  }

  @Test func theDetailCountsTheIncidentsPastItsTen() {
    var snapshot = Fixtures.snapshot()
    snapshot.incidents.openList = (1...12).map { i in
      Incident(id: "INC-\(i)", system: "erp", priority: .p3, opened: Fixtures.now - .hours(Int64(i)), summary: "Issue \(i)")
    }
    var state = state(.systems, width: 200, height: 60, snapshot: snapshot)
    _ = state.update(.show(.systems, detail: "erp"))
    let lines = (0..<60).map { state.view().line($0) }
    // Ten incidents listed, then the two left out.
    #expect(lines.contains { $0.contains("Open incidents (12)") })
    #expect(lines.contains { $0.contains("INC-10 ") })
    #expect(!lines.contains { $0.contains("INC-11 ") })
    #expect(lines.contains { $0.contains("+2 more") })
  }
}

/// Ids missing from `systems.csv` are listed in one place, the Compliance & risk page, to be fixed.
@Suite struct UnregisteredListTests {
  @Test func theRiskPanelListsIdsMissingFromTheInventory() {
    var snapshot = Fixtures.snapshot()
    snapshot.data.unregistered = [UnregisteredSystem(id: "legacy-fax", kinds: [.status], records: 240)]
    snapshot.portfolio.lacking = [:]  // the data-quality listing comes before it in the panel
    var state = Fixtures.state(page: .compliance, width: 160, height: 48)
    _ = state.update(.snapshot(snapshot, []))
    let lines = (0..<48).map { state.view().line($0) }
    #expect(lines.contains { $0.contains("Not in systems.csv (1)") })
    #expect(lines.contains { $0.contains("legacy-fax") && $0.contains("status, 240 samples") })
    #expect(!lines.contains { $0.contains("? unknown legacy-fax") })
  }
}
