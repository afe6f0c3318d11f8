import Foundation
import ImtopCore
import Testing
import ImtopTestSupport

/// With no data at all every figure is unknown or zero as documented, and the JSON keeps its shape.
@Suite struct EmptyOrganisationTests {
  let snapshot = MetricEngine().snapshot(
    of: TestOrganisation().engineInput(at: utc(2026, 1, 15)), at: utc(2026, 1, 15))

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
    #expect(snapshot.data.missingKinds == [
      .systems, .budget, .status, .incidents, .metrics, .compliance, .training, .access, .retention,
    ])
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
