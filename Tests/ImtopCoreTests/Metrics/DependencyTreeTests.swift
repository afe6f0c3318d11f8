import ImtopCore
import ImtopTestSupport
import Testing

/// The transitive dependency trees: what a system depends on and what depends on it, each system
/// expanded once, cycles marked where they close, and bounded for a portfolio of 50,000.
@Suite struct DependencyTreeTests {
  typealias Row = DependencyTree.Row

  /// portal → erp, crm; erp → db, wan; crm → wan; records → db; legacy → fax (not in the inventory).
  static let systems = [
    SystemRecord(id: "portal", dependsOn: ["erp", "crm"]), SystemRecord(id: "erp", dependsOn: ["db", "wan"]),
    SystemRecord(id: "crm", dependsOn: ["wan"]), SystemRecord(id: "records", dependsOn: ["db"]),
    SystemRecord(id: "db"), SystemRecord(id: "wan"), SystemRecord(id: "legacy", dependsOn: ["fax", "db"]),
  ]
  static let graph = DependencyGraph(systems: systems)

  /// (depth, id, mark, isLast) of each row, for comparing by hand.
  static func shape(_ tree: DependencyTree?) -> [String] {
    (tree?.rows ?? []).map { "\($0.depth) \($0.id) \($0.mark.rawValue)\($0.isLast ? " last" : "")" }
  }

  @Test func whatBreaksIfWanGoesDownIsItsDependantsTree() throws {
    let tree = try #require(Self.graph.tree(of: "wan", .dependants))
    // erp and crm depend on wan; portal on both: expanded under erp, repeated under crm.
    #expect(Self.shape(tree) == ["1 erp expanded", "2 portal expanded last", "1 crm expanded last", "2 portal repeated last"])
    #expect(tree.reached == 3)
    #expect(tree.hidden == 0)
    // Rows point at the systems' positions in the inventory (the snapshot's order).
    #expect(tree.rows.map(\.system) == [1, 0, 2, 0])
  }

  @Test func theDependenciesTreeFollowsDependsOnInItsOrder() throws {
    let tree = try #require(Self.graph.tree(of: "portal", .dependencies))
    #expect(Self.shape(tree) == [
      "1 erp expanded", "2 db expanded", "2 wan expanded last", "1 crm expanded last", "2 wan repeated last",
    ])
    #expect(tree.reached == 4)
    #expect(tree.direction == .dependencies)
    #expect(tree.root == "portal")
  }

  @Test func anIdNotInTheInventoryIsALeafWithoutASystem() throws {
    let tree = try #require(Self.graph.tree(of: "legacy", .dependencies))
    #expect(Self.shape(tree) == ["1 db expanded", "1 fax unregistered last"])
    #expect(tree.rows[1].system == nil)
    #expect(tree.reached == 1)
    // Nothing depends on legacy; an unknown id has no tree.
    #expect(Self.graph.tree(of: "legacy", .dependants)?.rows == [])
    #expect(Self.graph.tree(of: "fax", .dependants) == nil)
  }

  @Test func aCycleIsMarkedWhereItClosesAndNotFollowed() throws {
    // x → y → z → x, and z → w.
    let graph = DependencyGraph(systems: [
      SystemRecord(id: "x", dependsOn: ["y"]), SystemRecord(id: "y", dependsOn: ["z"]),
      SystemRecord(id: "z", dependsOn: ["x", "w"]), SystemRecord(id: "w"),
    ])
    #expect(Self.shape(graph.tree(of: "x", .dependencies)) == [
      "1 y expanded last", "2 z expanded last", "3 x cycle", "3 w expanded last",
    ])
    #expect(graph.tree(of: "x", .dependencies)?.reached == 3)
    // Backwards the same loop closes at x again: x ← z ← y ← x.
    #expect(Self.shape(graph.tree(of: "x", .dependants)) == ["1 z expanded last", "2 y expanded last", "3 x cycle last"])
    #expect(Self.shape(graph.tree(of: "w", .dependants)) == [
      "1 z expanded last", "2 y expanded last", "3 x expanded last", "4 z cycle last",
    ])
  }

  @Test func aSelfDependencyIsACycleOfOne() {
    let graph = DependencyGraph(systems: [SystemRecord(id: "loop", dependsOn: ["loop"])])
    #expect(Self.shape(graph.tree(of: "loop", .dependencies)) == ["1 loop cycle last"])
    // The root itself is not counted among the systems it reaches.
    #expect(graph.tree(of: "loop", .dependencies)?.reached == 0)
  }

  /// A chain of 50,000: the walk keeps its own stack, so any depth is fine; the rows stop at the
  /// limit and the rest is counted.
  @Test func aChainOfFiftyThousandIsWalkedWithoutRecursionAndCut() throws {
    let count = 50_000
    let chain = (0..<count).map { SystemRecord(id: "n\($0)", dependsOn: $0 + 1 < count ? ["n\($0 + 1)"] : []) }
    let graph = DependencyGraph(systems: chain)
    let cut = try #require(graph.tree(of: "n0", .dependencies, limit: 100))
    #expect(cut.rows.count == 100)
    #expect(cut.rows.last?.depth == 100)
    #expect(cut.reached == count - 1)
    #expect(cut.hidden == count - 1 - 100)
    let whole = try #require(graph.tree(of: "n0", .dependencies, limit: count))
    #expect(whole.rows.count == count - 1)
    #expect(whole.rows.last?.id == "n\(count - 1)")
    #expect(whole.hidden == 0)
    #expect(graph.tree(of: "n\(count - 1)", .dependants, limit: 10)?.hidden == count - 1 - 10)
  }

  @Test func aHubWithFiftyThousandDependantsIsCutAtTheLimit() throws {
    let count = 50_000
    let systems = [SystemRecord(id: "wan")] + (0..<count).map { SystemRecord(id: "s\($0)", dependsOn: ["wan"]) }
    let tree = try #require(DependencyGraph(systems: systems).tree(of: "wan", .dependants, limit: 2_000))
    #expect(tree.rows.count == 2_000)
    #expect(tree.rows.allSatisfy { $0.depth == 1 && $0.mark == .expanded })
    #expect(tree.rows.first?.id == "s0")
    #expect(tree.reached == count)
    #expect(tree.hidden == count - 2_000)
  }

  /// The snapshot carries the graph of its systems, in their order, so a row's position is the
  /// system's in `Snapshot.systems`.
  @Test func theSnapshotCarriesTheGraphOfItsSystems() throws {
    let now = utc(2026, 1, 15)
    let status = Self.systems.map { StatusSample(timestamp: now, system: $0.id, state: $0.id == "wan" ? .down : .up) }
    let snapshot = MetricEngine(trendPoints: 0).snapshot(
      of: TestOrganisation(systems: Self.systems, status: status).engineInput(at: now), at: now)
    let tree = try #require(snapshot.dependencies.tree(of: "wan", .dependants))
    let impacted = tree.rows.compactMap { $0.system.map { snapshot.systems[$0] } }
    #expect(impacted.map(\.id) == ["erp", "portal", "crm", "portal"])
    #expect(impacted.map(\.impactedVia) == ["wan", "wan", "wan", "wan"])
  }
}
