import Foundation
import ImtopCore
import Testing

/// With no data at all every figure is unknown or zero as documented, and the JSON keeps its shape.
@Suite struct EmptyOrganisationTests {
  let snapshot = MetricEngine().snapshot(
    of: EngineInput(dataSet: DataSet(), now: utc(2026, 1, 15)), at: utc(2026, 1, 15))

  @Test func figures() {
    #expect(snapshot.systems.isEmpty)
    #expect(snapshot.organization.fiscalYearStart == YearMonth(year: 2026, month: 1))
    #expect(snapshot.organization.currency == "EUR")
    #expect(snapshot.budget.totals == BudgetFigures())
    #expect(snapshot.budget.months.count == 12)
    #expect(snapshot.budget.variancePct == nil)
    #expect(snapshot.incidents.mttrMinutes == Windowed(day: nil, week: nil, month: nil))
    #expect(snapshot.compliance.onTimeClosurePct == nil)
    #expect(snapshot.compliance.oldestOverdueDays == nil)
    #expect(snapshot.portfolio.dataQualityPct == nil)
    #expect(snapshot.data.missingKinds == [.systems, .budget, .status, .incidents, .metrics, .compliance])
  }

  @Test func builtInKPIsWithoutData() {
    #expect(snapshot.kpis.map(\.value) == [nil, 0, nil, nil, 0, 0, nil])
    #expect(snapshot.kpis.map(\.status) == [.unknown, .ok, .unknown, .unknown, .ok, .ok, .unknown])
    #expect(snapshot.kpis.allSatisfy { $0.trend.count == 14 })
    #expect(KPICheck(kpis: snapshot.kpis).exitCode == 3)
  }

  @Test func jsonIsValidWithNulls() throws {
    let text = SnapshotJSON(pretty: true).encode(snapshot)
    let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect((root["systems"] as? [Any])?.isEmpty == true)
    let budget = try #require(root["budget"] as? [String: Any])
    #expect(budget["variance_pct"] is NSNull)
    #expect((budget["annual_planned"] as? NSNumber)?.doubleValue == 0)
    #expect(text.contains("\"annual_planned\": 0.00,"))
    #expect(text.contains("\"by_category\": {},"))
    #expect(text.hasSuffix("}\n"))
  }
}

/// Dependency walks on larger graphs.
@Suite struct DependencyTests {
  func health(_ systems: [SystemRecord], down: Set<String>, unknown: Set<String> = []) -> [String: SystemHealth] {
    let now = utc(2026, 1, 15)
    let status = systems.filter { !unknown.contains($0.id) }.map {
      StatusSample(timestamp: now, system: $0.id, state: down.contains($0.id) ? .down : .up)
    }
    let snapshot = MetricEngine(trendPoints: 0).snapshot(
      of: EngineInput(dataSet: DataSet(systems: systems, status: status), now: now), at: now)
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
