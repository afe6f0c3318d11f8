import ImtopCore
import Testing
import ImtopTestSupport

/// Dependency walks on larger graphs.
@Suite struct DependencyTests {
  func health(_ systems: [SystemRecord], down: Set<String>, unknown: Set<String> = []) -> [String: SystemHealth] {
    let now = utc(2026, 1, 15)
    let status = systems.filter { !unknown.contains($0.id) }.map {
      StatusSample(timestamp: now, system: $0.id, state: down.contains($0.id) ? .down : .up)
    }
    let snapshot = MetricEngine(trendPoints: 0).snapshot(
      of: TestOrganisation(systems: systems, status: status).engineInput(at: now), at: now)
    return Dictionary(snapshot.systems.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  @Test func impactPassesThroughSystemsOfAnyState() {
    // portal → gateway (no samples: unknown) → wan (down).
    let systems = [
      SystemRecord(id: "portal", dependsOn: ["gateway"]), SystemRecord(id: "gateway", dependsOn: ["wan"]),
      SystemRecord(id: "wan"),
    ]
    let result = health(systems, down: ["wan"], unknown: ["gateway"])
    #expect(result["portal"]?.impactedVia == "wan")
    #expect(result["gateway"]?.impactedVia == nil)
    #expect(result["wan"]?.impactedVia == nil)
  }

  @Test func equallyNearDownSystemsPickTheSmallestID() {
    let systems = [
      SystemRecord(id: "app", dependsOn: ["zeta", "alpha"]), SystemRecord(id: "zeta"), SystemRecord(id: "alpha"),
    ]
    #expect(health(systems, down: ["zeta", "alpha"])["app"]?.impactedVia == "alpha")
  }

  @Test func cycleOfThreeAndAChainIntoIt() {
    let systems = [
      SystemRecord(id: "head", dependsOn: ["x"]), SystemRecord(id: "x", dependsOn: ["y"]),
      SystemRecord(id: "y", dependsOn: ["z", "x"]), SystemRecord(id: "z", dependsOn: ["x"]),
      SystemRecord(id: "free", dependsOn: ["missing"]),
    ]
    let result = health(systems, down: ["z"])
    // x → y → x is the shortest loop through x and y; z's loop is z → x → y → z.
    #expect(result["x"]?.dependencyCycle == ["x", "y"])
    #expect(result["y"]?.dependencyCycle == ["y", "x"])
    #expect(result["z"]?.dependencyCycle == ["z", "x", "y"])
    #expect(result["head"]?.dependencyCycle == ["x", "y"])
    #expect(result["free"]?.dependencyCycle == nil)
    // Inside the loop the walk still ends: y depends on z (down) directly, x through y, head through x.
    #expect(result["y"]?.impactedVia == "z")
    #expect(result["x"]?.impactedVia == "z")
    #expect(result["head"]?.impactedVia == "z")
    // Dependants in systems.csv order: head, y, z all depend on x.
    #expect(result["x"]?.dependants == ["head", "y", "z"])
  }
}
