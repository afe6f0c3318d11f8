import ImtopCore
import Testing

@testable import ImtopUI

/// The dependency trees on screen: `d` in a system's detail, `D` beside the Systems table.
@Suite struct DependencyTreeViewTests {
  /// A row of the detail's tree panel at 80 columns: `left` from the panel's inner edge, `trailing`
  /// flush right, inside the borders (78 cells).
  static func row(_ left: String, _ trailing: String = "", width: Int = 78) -> String {
    "│" + left + String(repeating: " ", count: max(0, width - left.count - trailing.count)) + trailing + "│"
  }

  static func tree(of id: String, snapshot: Snapshot = Fixtures.snapshot(), width: Int = 80, height: Int = 24,
                   drawingMode: DrawingMode = .unicode) -> AppState {
    var state = Fixtures.state(page: .systems, width: width, height: height, drawingMode: drawingMode)
    _ = state.update(.snapshot(snapshot, []))
    _ = state.update(.show(.systems, detail: id))
    state.press(.character("d"))
    return state
  }

  @Test func whatBreaksIfWanGoesDownIsOneKeyFromItsDetail() {
    let buffer = Self.tree(of: "wan").view()
    let lines = rows(buffer)
    #expect(lines[2].hasPrefix("┌ Dependencies of Wide Area Network (wan) · ✖ down ─"))
    #expect(Array(lines[3...8]) == [
      Self.row("Depends on · 0 systems"),
      Self.row("nothing"),
      Self.row(""),
      Self.row("Depended on by · 2 systems"),
      // erp and rms are up but depend on wan, which is down: marked as the systems table marks them.
      Self.row("├ ▲ ERP Finance & Logistics", "via wan"),
      Self.row("└ ▲ Records Management", "via wan"),
    ])
    #expect(buffer[1, 7].foreground == .muted)
    #expect(buffer[3, 7].foreground == .warn)
    #expect(buffer[5, 7].foreground == .normal)
    #expect(buffer[72, 7].foreground == .warn)
    #expect(buffer[1, 6].attributes.contains(.bold))
  }

  /// From 100 columns the two trees stand side by side, each at most 76 cells wide.
  @Test func onAWallScreenTheTreesStandSideBySide() {
    let lines = rows(Self.tree(of: "wan", width: 200, height: 60).view())
    #expect(lines[3].hasPrefix("│Depends on · 0 systems "))
    // The second column at 1 + 76 + 4.
    #expect(lines[3].dropFirst(81).hasPrefix("Depended on by · 2 systems"))
    let erp = String(lines[4].dropFirst(81).prefix(76))
    #expect(erp.hasPrefix("├ ▲ ERP Finance & Logistics"))
    #expect(erp.hasSuffix(" via wan"))
  }

  @Test func theDependenciesSideHasEachSystemsState() {
    let lines = rows(Self.tree(of: "erp").view())
    #expect(Array(lines[3...8]) == [
      Self.row("Depends on · 2 systems"),
      Self.row("├ ● Database Cluster", "up"),
      Self.row("└ ✖ Wide Area Network", "down"),
      Self.row(""),
      Self.row("Depended on by · 0 systems"),
      Self.row("nothing depends on it"),
    ])
  }

  /// a → b → d → a (a loop) and a → c: guides continue under b while c is still to come, and the
  /// loop is marked where it closes, not followed.
  static func loopSnapshot() -> Snapshot {
    func system(_ id: String, _ dependsOn: [String]) -> SystemHealth {
      Fixtures.system(id, id.uppercased(), "Data", nil, owner: "Ops", criticality: 2, users: nil, sla: 99, state: .up,
                      availability: 100, latency: nil, dependsOn: dependsOn)
    }
    return Fixtures.snapshot(systems: [system("a", ["b", "c"]), system("b", ["d"]), system("c", []), system("d", ["a"])])
  }

  @Test func aCycleIsMarkedWhereItClosesAndGuidesShowTheBranches() {
    let buffer = Self.tree(of: "a", snapshot: Self.loopSnapshot()).view()
    let lines = rows(buffer)
    #expect(Array(lines[3...13]) == [
      Self.row("Depends on · 3 systems"),
      Self.row("├ ● B", "up"),
      Self.row("│ └ ● D", "up"),
      Self.row("│   └ ↻ a", "cycle"),
      Self.row("└ ● C", "up"),
      Self.row(""),
      Self.row("Depended on by · 2 systems"),
      Self.row("└ ● D", "up"),
      Self.row("  └ ● B", "up"),
      Self.row("    └ ↻ a", "cycle"),
      Self.row(""),
    ])
    #expect(buffer[5, 6].foreground == .muted)
    #expect(buffer[7, 6].foreground == .error)
    #expect(buffer[7, 6].attributes.contains(.bold))
  }

  @Test func asciiDrawingHasAsciiBranches() {
    let lines = rows(Self.tree(of: "a", snapshot: Self.loopSnapshot(), drawingMode: .ascii).view())
    func ascii(_ left: String, _ trailing: String) -> String {
      let row: String = Self.row(left, trailing)
      return "|" + String(row.dropFirst().dropLast()) + "|"
    }
    let expected: [String] = [ascii("|-o B", "up"), ascii("| `-o D", "up"), ascii("|   `-@ a", "cycle"), ascii("`-o C", "up")]
    #expect(Array(lines[4...7]) == expected)
  }

  /// 3,000 systems depend on the hub: the tree lists 2,000, counts the rest, and scrolls to them.
  @Test func aWideTreeStopsAtItsLimitAndCountsTheRest() throws {
    let hub = Fixtures.system("hub", "Hub", "Network", nil, owner: "Ops", criticality: 1, users: nil, sla: 99, state: .down,
                              availability: 90, latency: nil)
    let leaves = (0..<3_000).map { index in
      Fixtures.system("s\(index)", "Service \(index)", "Data", nil, owner: "Ops", criticality: 2, users: nil, sla: 99, state: .up,
                      availability: 100, latency: nil, dependsOn: ["hub"])
    }
    var state = Self.tree(of: "hub", snapshot: Fixtures.snapshot(systems: [hub] + leaves))
    let top = rows(state.view())
    #expect(top[6] == Self.row("Depended on by · 3,000 systems"))
    #expect(top[7] == Self.row("├ ● Service 0", "up"))
    // The panel's 19 rows: 18 lines and the count of the lines below them.
    #expect(top[21] == Self.row("+1987 more"))
    state.press(.end)
    let bottom = rows(state.view())
    #expect(bottom[20] == Self.row("├ ● Service 1999", "up"))
    #expect(bottom[21] == Self.row("+1000 more"))
  }

  @Test func escapeLeavesTheTreeForTheDetailThenTheTable() {
    var state = Self.tree(of: "wan", width: 200, height: 60)
    #expect(state.dependencyTreeOpen)
    state.press(.escape)
    #expect(!state.dependencyTreeOpen)
    #expect(state.detailSystemID == "wan")
    #expect(rows(state.view()).contains { $0.contains("d: the whole tree, both ways") })
    state.press(.character("d"))
    state.press(.character("d"))
    #expect(!state.dependencyTreeOpen)
    state.press(.character("d"))
    state.press(.character("3"))
    #expect(!state.dependencyTreeOpen)
    #expect(state.detailSystemID == nil)
    // Outside a detail, `d` does nothing.
    state.press(.character("d"))
    #expect(!state.dependencyTreeOpen)
  }

  /// `D` on the Systems page: the selected system's trees below the table (beside it from 120
  /// columns), following the selection.
  @Test func theTreeLayoutFollowsTheSelection() throws {
    var state = Fixtures.state(page: .systems)
    _ = state.update(.show(.systems, detail: "wan"))
    state.press(.escape)
    state.press(.character("D"))
    #expect(state.treeLayout)
    let lines = rows(state.view())
    let title = try #require(lines.firstIndex { $0.hasPrefix("┌ Tree · Wide Area Network ") })
    // Below the table, half the body (rows 2...22): the table 10 rows, the tree 11.
    #expect(title == 12)
    #expect(lines[2].hasPrefix("┌ Systems 10 "))
    #expect(Array(lines[13...19]) == [
      Self.row("Depends on · 0 systems"), Self.row("nothing"), Self.row(""), Self.row("Depended on by · 2 systems"),
      Self.row("├ ▲ ERP Finance & Logistics", "via wan"), Self.row("└ ▲ Records Management", "via wan"), Self.row(""),
    ])
    // The table shows 10 - 3 = 7 rows; moving the selection keeps it in view and the tree follows.
    state.press(.end)
    let last = try #require(state.selectedSystemID)
    let name = try #require(Fixtures.systems.first { $0.id == last }?.record.displayName)
    #expect(rows(state.view()).contains { $0.hasPrefix("┌ Tree · \(name) ") })
    state.press(.character("D"))
    #expect(rows(state.view())[2...22].allSatisfy { !$0.contains("Tree ·") })
  }

  @Test func theTreeLayoutGoesBesideTheTableOnWideScreens() throws {
    var state = Fixtures.state(page: .systems, width: 200, height: 60)
    _ = state.update(.show(.systems, detail: "wan"))
    state.press(.escape)
    state.press(.character("D"))
    let lines = rows(state.view())
    // Body 200 wide: the table 3/5 (120 columns), the tree from x 120.
    #expect(lines[2].dropFirst(120).hasPrefix("┌ Tree · Wide Area Network "))
    #expect(lines[7].dropFirst(121).hasPrefix("├ ▲ ERP Finance & Logistics"))
    // `D` is a Systems page key: on the Overview it does nothing.
    var overview = Fixtures.state(page: .overview)
    overview.press(.character("D"))
    #expect(!overview.treeLayout)
  }
}

/// Data quality that can be acted on, on screen: the detail's missing fields and page 4's panel.
@Suite struct DataQualityViewTests {
  @Test func theDetailSaysWhichFieldsAreMissing() {
    var state = Fixtures.state(page: .systems, width: 200, height: 60)
    _ = state.update(.show(.systems, detail: "sensors"))
    let lines = rows(state.view())
    #expect(lines.contains { $0.contains("Data quality      missing: owner, criticality, lifecycle, sla") })
    // A complete system has no such line.
    _ = state.update(.show(.systems, detail: "erp"))
    #expect(!rows(state.view()).contains { $0.contains("missing: ") })
  }

  /// Page 4's "Risk today" lists, after the SLA and end-of-support lists, a line per field some
  /// systems lack: the count in the figure's status, then which.
  @Test func pageFourListsTheSystemsLackingEachField() throws {
    let buffer = Fixtures.state(page: .compliance, width: 200, height: 60).view()
    let lines = rows(buffer)
    let heading = try #require(lines.firstIndex { $0.contains("│Missing fields ") })
    let column = try #require(lines[heading].range(of: "│Missing fields ")).lowerBound
    let x = lines[heading].distance(from: lines[heading].startIndex, to: column)
    func cell(_ row: Int) -> String {
      String(lines[row].dropFirst(x + 1).prefix(38)).trimmingSuffixSpaces
    }
    #expect(Array((heading + 1)...(heading + 4)).map(cell) == [
      "owner       1  sensors", "criticality 1  sensors", "lifecycle   1  sensors", "sla         2  laptops, sensors",
    ])
    #expect(lines[..<heading].contains { $0.contains("Past end of support (") }, "after the end-of-support list")
    #expect(buffer[x + 1 + 12, heading + 1].foreground == .warn)
    #expect(buffer[x + 1 + 12, heading + 1].attributes.contains(.bold))
    #expect(buffer[x + 1, heading + 1].foreground == .muted)
  }

  @Test func withNothingMissingThereIsNoListing() {
    var snapshot = Fixtures.snapshot()
    snapshot.portfolio.lacking = [:]
    var state = Fixtures.state(page: .compliance, width: 200, height: 60)
    _ = state.update(.snapshot(snapshot, []))
    #expect(!rows(state.view()).contains { $0.contains("Missing fields") })
  }

  @Test func idsWrapAndTheLastRowCountsTheRest() {
    #expect(DataQualityPanel.wrap(["crm", "hr", "wan"], width: 20, rows: 2) == ["crm, hr, wan"])
    let ids = (1...10).map { "s\($0)" }
    #expect(DataQualityPanel.wrap(ids, width: 12, rows: 2) == ["s1, s2, s3,", "s4, +6 more"])
    #expect(DataQualityPanel.wrap(ids, width: 12, rows: 1) == ["s1, +9 more"])
    #expect(DataQualityPanel.wrap(ids, width: 40, rows: 1) == ["s1, s2, s3, s4, s5, s6, s7, s8, s9, s10"])
  }
}

extension String {
  var trimmingSuffixSpaces: String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
