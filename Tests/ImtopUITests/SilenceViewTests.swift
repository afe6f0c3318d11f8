import Testing
import ImtopCore
@testable import ImtopUI

/// Silence on screen: the `Last seen` column, the header's silent count, the detail's last sample
/// and message, and the feed's lines (the README's metric definitions).
@Suite struct SilenceViewTests {
  static let now = Fixtures.now

  static func system(_ id: String, _ name: String, state: ServiceState, lastSample: Timestamp?, silent: Bool = false,
                     lifecycle: Lifecycle? = .active) -> SystemHealth {
    var system = Fixtures.system(id, name, "Data", nil, owner: "Ops", criticality: 2, users: 1, sla: nil, state: state,
                                 availability: nil, latency: nil, lifecycle: lifecycle)
    system.lastSample = lastSample
    system.silent = silent
    return system
  }

  /// Five systems, one per state, so the table's worst-first order is fixed: down, degraded,
  /// unknown, maintenance, up.
  static let systems = [
    system("quiet", "Quiet Box", state: .unknown, lastSample: now - .minutes(25), silent: true),
    system("fresh", "Fresh Box", state: .up, lastSample: now - .seconds(12)),
    system("slow", "Slow Box", state: .degraded, lastSample: now - .hours(2) - .minutes(5)),
    system("old", "Old Box", state: .down, lastSample: now - .days(3) - .hours(4)),
    system("never", "Never Box", state: .maintenance, lastSample: nil),
  ]

  func state(_ page: PageName, width: Int = 80, height: Int = 24, systems: [SystemHealth], detail: String? = nil) -> AppState {
    var state = Fixtures.state(page: page, width: width, height: height)
    _ = state.update(.snapshot(Fixtures.snapshot(systems: systems), []))
    _ = state.update(.show(page, detail: detail))
    return state
  }

  @Test func theLastSeenColumnCellByCell() throws {
    let buffer = state(.systems, systems: Self.systems).view()
    let header = buffer.line(3)
    let title = try #require(header.range(of: "Last seen"))
    let x = header.distance(from: header.startIndex, to: title.lowerBound)
    func cell(_ y: Int) -> String { String(buffer.line(y).dropFirst(x).prefix(9)) }
    // Rows 4...8 in worst-first order; the ages are right-aligned in the 9 cells under the title.
    #expect(buffer.line(4).contains("Old Box") && cell(4) == "    3d 4h")
    #expect(buffer.line(5).contains("Slow Box") && cell(5) == "   2h 05m")
    #expect(buffer.line(6).contains("Quiet Box") && cell(6) == "   25 min")
    #expect(buffer.line(7).contains("Never Box") && cell(7) == "        —")
    #expect(buffer.line(8).contains("Fresh Box") && cell(8) == "     12 s")
    // The silent system's age stands out (stale, bold); the others are muted.
    for offset in 6..<9 {
      #expect(buffer[x + offset, 6].foreground == .stale)
      #expect(buffer[x + offset, 6].attributes.contains(.bold))
    }
    #expect(buffer[x + 8, 5].foreground == .muted && !buffer[x + 8, 5].attributes.contains(.bold))
    #expect(buffer[x + 8, 7].foreground == .muted)
  }

  @Test func sortingByLastSeenPutsTheLongestSilenceFirst() {
    var state = state(.systems, systems: Self.systems)
    while state.sortColumn != .lastSeen { _ = state.update(.input(.key(.character("s")))) }
    #expect(!state.sortAscending, "descending first")
    #expect(state.visibleRows.map(\.id) == ["old", "slow", "quiet", "fresh", "never"])
  }

  @Test func lastSeenAgesAsTheyAreWritten() {
    #expect(DisplayFormat.duration(.seconds(12)) == "12 s")
    #expect(DisplayFormat.duration(.minutes(4) + .seconds(59)) == "4 min")
    #expect(DisplayFormat.duration(.hours(2) + .minutes(5)) == "2h 05m")
    #expect(DisplayFormat.duration(.days(3) + .hours(23)) == "3d 23h")
    #expect(DisplayFormat.duration(.seconds(-5)) == "0 s")
  }

  /// The fixture with its unknown Building Sensors silent for 25 minutes (and its incidents
  /// acknowledged, so the header counts only systems and KPIs).
  static func withSilentSensors() -> Snapshot {
    var systems = Fixtures.systems
    for index in systems.indices where systems[index].id == "sensors" {
      systems[index].lastSample = now - .minutes(25)
      systems[index].silent = true
    }
    return Fixtures.acknowledged(Fixtures.snapshot(systems: systems))
  }

  @Test func theHeaderCountsSilentSystemsAt80x24() {
    var state = Fixtures.state(page: .overview)
    _ = state.update(.snapshot(Self.withSilentSensors(), []))
    let header = state.view().line(0)
    // The full summary no longer fits beside the name: the counts stay, in their short form.
    // 24 cells of name, then 43 of summary right-aligned in the 80: 13 blank between.
    #expect(header == " imtop Northwind Council" + String(repeating: " ", count: 13) + " ✖ 1 ? 1 ▲ 3 ✖ 1 KPI · 12 s · 12:00:00 UTC ")
    var wide = Fixtures.state(page: .overview, width: 160, height: 48)
    _ = wide.update(.snapshot(Self.withSilentSensors(), []))
    #expect(wide.view().line(0).hasSuffix("✖ 1 down ? 1 silent ▲ 3 impaired ✖ 1 KPI crit · data 12 s · 12:00:00 UTC "))
  }

  @Test func theHeaderCountsSilentSystemsAt60x16() {
    var snapshot = Self.withSilentSensors()
    snapshot.organization.name = "Harbour City Council Information and Digital Services"
    var state = Fixtures.state(page: .overview, width: 60, height: 16)
    _ = state.update(.snapshot(snapshot, []))
    let header = state.view().line(0)
    #expect(header.contains("✖ 1 ? 1 ▲ 3 ✖ 1 KPI"))
    #expect(header.contains("Harbour") && header.contains("…"))
    #expect(header.hasSuffix("12:00:00 UTC "))
  }

  @Test func onlySilenceIsNotAllUpAndRetiredSystemsAreNotCounted() {
    let quiet = [
      Self.system("quiet", "Quiet Box", state: .unknown, lastSample: Self.now - .minutes(25), silent: true),
      Self.system("gone", "Gone Box", state: .unknown, lastSample: Self.now - .days(2), silent: true, lifecycle: .retired),
      Self.system("fresh", "Fresh Box", state: .up, lastSample: Self.now - .seconds(12)),
    ]
    var snapshot = Fixtures.acknowledged(Fixtures.snapshot(systems: quiet))
    snapshot.kpis = []
    var state = Fixtures.state(page: .overview, width: 160, height: 48)
    _ = state.update(.snapshot(snapshot, []))
    let header = state.view().line(0)
    #expect(header.contains(" ? 1 silent · data 12 s"))
    #expect(!header.contains("all up"))
  }

  @Test func theDetailShowsTheLastSampleAndNoMessageOnceItsStateEnded() throws {
    var silent = Self.system("quiet", "Quiet Box", state: .unknown, lastSample: Self.now - .minutes(25), silent: true)
    silent.lastMessage = "disk 91% full"
    silent.history = StateHistory(entries: [
      StateHistory.Entry(state: .unknown, from: .degraded, start: Self.now - .minutes(15), end: nil),
      StateHistory.Entry(state: .degraded, from: .up, start: Self.now - .minutes(40), end: Self.now - .minutes(15), message: "disk 91% full"),
    ])
    var holding = Self.system("fresh", "Fresh Box", state: .degraded, lastSample: Self.now - .seconds(12))
    holding.lastMessage = "queue 2,000 deep"
    holding.history = StateHistory(entries: [
      StateHistory.Entry(state: .degraded, from: .up, start: Self.now - .minutes(3), end: nil, message: "queue 500 deep"),
    ])
    let quietRows = rows(state(.systems, systems: [silent, holding], detail: "quiet").view())
    #expect(quietRows.contains { $0.contains("│Last sample       2026-11-28 11:35") })
    #expect(quietRows.contains { $0.contains("│Last seen         25 min ago · silent") })
    #expect(!quietRows.contains { $0.contains("Message") }, "the degraded state's message ended with it")
    let freshRows = rows(state(.systems, systems: [silent, holding], detail: "fresh").view())
    #expect(freshRows.contains { $0.contains("│Last seen         12 s ago ") })
    // The message the state began with, not the latest sample's.
    #expect(freshRows.contains { $0.contains("│Message           queue 500 deep") })
  }

  @Test func theFeedSaysWhenASystemWentSilentAndCameBack() {
    var state = Fixtures.state(page: .overview, width: 160, height: 48)
    let events = [
      FeedEvent(time: Self.now - .minutes(20), kind: .silence(system: "erp", lastSample: Self.now - .minutes(30), returned: false)),
      FeedEvent(time: Self.now - .minutes(5), kind: .silence(system: "erp", lastSample: Self.now - .minutes(30), returned: true)),
    ]
    _ = state.update(.snapshot(Fixtures.snapshot(), events))
    let context = PageContext(state: state, snapshot: Fixtures.snapshot(), widthClass: .wide)
    let silent = FeedPanel.entry(events[0], context: context)
    #expect(silent.text == "ERP Finance & Logistics: no sample for 10 min")
    #expect(silent.time == "11:40:00" && silent.role == .warn && silent.symbol == "?")
    let back = FeedPanel.entry(events[1], context: context)
    #expect(back.text == "ERP Finance & Logistics: reporting again after 25 min")
    #expect(back.role == .ok && back.symbol == "●")
    #expect(rows(state.view()).contains { $0.contains("│11:55:00 ● ERP Finance & Logistics: reporting agai") })
  }
}

/// The snapshot diff leaves a silence to the silence event, and still reports the state it comes back in.
@Suite struct SilenceFeedChangeTests {
  @Test func goingSilentIsNotAlsoAChangeToUnknown() {
    let now = Fixtures.now
    let before = Fixtures.snapshot(systems: [SilenceViewTests.system("erp", "ERP", state: .up, lastSample: now - .minutes(5))])
    var after = Fixtures.snapshot(systems: [SilenceViewTests.system("erp", "ERP", state: .unknown, lastSample: now - .minutes(11), silent: true)])
    after.data.issues = before.data.issues
    #expect(FeedEvent.changes(from: before, to: after).isEmpty)
    // Unknown without being silent (its samples fell out of the 30 days): still a change to unknown.
    let unsampled = Fixtures.snapshot(systems: [SilenceViewTests.system("erp", "ERP", state: .unknown, lastSample: nil)])
    #expect(FeedEvent.changes(from: before, to: unsampled).map(\.kind) == [.stateChange(system: "erp", from: .up, to: .unknown)])
    #expect(FeedEvent.changes(from: after, to: before).map(\.kind) == [.stateChange(system: "erp", from: .unknown, to: .up)])
  }
}
