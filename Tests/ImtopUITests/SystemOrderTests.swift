import Testing
import ImtopCore
@testable import ImtopUI

/// The systems table's cached row order (`AppState.systemOrder`) against the order worked out from
/// scratch with the per-comparison `SystemColumn.ordered` and `AppState.matches`.
@Suite struct SystemOrderTests {
  /// 240 systems with many ties: names that differ only in case, empty owners and categories,
  /// missing users, SLA, latency, lifecycle and samples, every state, and some impacted via the WAN.
  static let systems: [SystemHealth] = (0..<240).map { (i: Int) -> SystemHealth in
    let names = ["alpha", "Alpha", "BETA", "beta", "Gamma", "", "delta"]
    let owners = ["Ops", "ops", "", "Finance IT", "network team"]
    let categories = ["ERP", "erp", "", "Network", "CRM"]
    let states: [ServiceState] = [.up, .down, .degraded, .unknown, .maintenance, .up]
    let lifecycles: [Lifecycle?] = [.active, nil, .plan, .retired, .active]
    let sourcings: [Sourcing?] = [.saas, .purchased, nil]
    var system = Fixtures.system(
      "sys\(i % 7 == 0 ? "" : "x")\(i)", names[i % names.count], categories[i % categories.count], sourcings[i % sourcings.count],
      owner: owners[i % owners.count], criticality: i % 6 == 0 ? nil : 1 + i % 4, users: i % 5 == 0 ? nil : (i * 37) % 11,
      sla: i % 4 == 0 ? nil : 99.5, state: states[i % states.count], availability: i % 9 == 0 ? nil : 99 + Double(i % 3) / 2,
      latency: i % 8 == 0 ? nil : Double(i % 4) * 10, incidents: i % 3, tco: Int64(i % 5) * 1_000,
      impactedVia: i % 10 == 3 ? "wan" : nil, lifecycle: lifecycles[i % lifecycles.count], pastEOS: i % 11 == 0)
    // Latest samples from never to 12 minutes ago, with ties.
    system.lastSample = i % 13 == 0 ? nil : Fixtures.now - .minutes(Int64(i % 12))
    return system
  }

  /// The order as the table had it before the cache: filter, then sort with the comparator alone.
  static func fromScratch(_ state: AppState) -> [String] {
    let needle = state.filter.lowercased()
    let systems = state.snapshot?.systems ?? []
    let matching = needle.isEmpty ? systems : systems.filter { AppState.matches($0, needle) }
    return matching.sorted { state.sortColumn.ordered($0, $1, ascending: state.sortAscending) }.map(\.id)
  }

  func applyFilter(_ text: String, to state: inout AppState) {
    state.applyFilter(text)
  }

  @Test func cachedOrderMatchesFromScratchForEveryColumnDirectionAndFilter() {
    var state = Fixtures.state(page: .systems, width: 200, height: 60)
    _ = state.update(.snapshot(Fixtures.snapshot(systems: Self.systems), []))
    var checked = 0
    for filter in ["", "a", "OPS", "via wan", "down"] {
      applyFilter(filter, to: &state)
      #expect(state.filter == filter)
      for _ in SystemColumn.allCases {
        for _ in 0..<2 {
          let cached = state.systemOrder?.map(\.id)
          #expect(cached != nil, "update leaves the order cached")
          #expect(cached == Self.fromScratch(state), "\(state.sortColumn) ascending \(state.sortAscending) filter \(filter)")
          checked += 1
          _ = state.update(.input(.key(.character("S"))))
        }
        _ = state.update(.input(.key(.character("s"))))
      }
    }
    // 5 filters × every column × 2 directions.
    #expect(checked == 5 * SystemColumn.allCases.count * 2)
  }

  @Test func aNewSnapshotReplacesTheCachedOrder() {
    var state = Fixtures.state(page: .systems)
    _ = state.update(.snapshot(Fixtures.snapshot(systems: Self.systems), []))
    applyFilter("beta", to: &state)
    let before = state.systemOrder?.map(\.id)
    // Every BETA/beta system goes down: worst first, they now lead the status sort.
    var changed = Self.systems
    for index in changed.indices where changed[index].record.name.lowercased() == "beta" { changed[index].state = .down }
    _ = state.update(.snapshot(Fixtures.snapshot(systems: changed), []))
    let after = state.systemOrder?.map(\.id)
    #expect(after == Self.fromScratch(state))
    #expect(after != before)
    #expect(state.visibleSystems.allSatisfy { $0.state == .down })
  }

  @Test func aRenamedSystemMovesInTheNameOrder() {
    var state = Fixtures.state(page: .systems)
    _ = state.update(.snapshot(Fixtures.snapshot(systems: Self.systems), []))
    _ = state.update(.input(.key(.character("s"))))  // by name, A to Z
    #expect(state.sortColumn == .name && state.sortAscending)
    // "" names show as their id ("sys..."), after every other name; "Alpha" and "alpha" lead.
    #expect(state.visibleSystems.first?.record.displayName.lowercased() == "alpha")
    var renamed = Self.systems
    renamed[5].record.name = "aardvark"  // the only "aardvark": it must now come first
    _ = state.update(.snapshot(Fixtures.snapshot(systems: renamed), []))
    #expect(state.systemTies?.fit(renamed) == true)
    #expect(state.systemOrder?.first?.id == renamed[5].id)
    #expect(state.systemOrder?.map(\.id) == Self.fromScratch(state))
  }

  @Test func ownerSortByHand() {
    let systems = [
      Fixtures.system("b", "beta", "", nil, owner: "ops", criticality: nil, users: nil, sla: nil, state: .up, availability: nil, latency: nil),
      Fixtures.system("a", "Alpha", "", nil, owner: "Ops", criticality: nil, users: nil, sla: nil, state: .up, availability: nil, latency: nil),
      Fixtures.system("g", "gamma", "", nil, owner: "", criticality: nil, users: nil, sla: nil, state: .up, availability: nil, latency: nil),
    ]
    // Owners lowercased: "ops", "ops", "". Ascending: "" (gamma) first, then the "ops" tie by name
    // A to Z (Alpha, beta). Descending: the "ops" tie first, still A to Z, then gamma.
    let ascending = SystemOrder.rows(systems, filter: "", column: .owner, ascending: true).map(\.id)
    #expect(ascending == ["g", "a", "b"])
    let descending = SystemOrder.rows(systems, filter: "", column: .owner, ascending: false).map(\.id)
    #expect(descending == ["a", "b", "g"])
    // "OPS" matches both owners, case-insensitively, and not gamma.
    #expect(SystemOrder.rows(systems, filter: "OPS", column: .name, ascending: true).map(\.id) == ["a", "b"])
  }
}
