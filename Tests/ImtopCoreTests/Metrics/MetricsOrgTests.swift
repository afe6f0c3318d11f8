import ImtopCore
import Testing

/// `true` when `value` is within a billionth of `expected` (figures are ratios of exact integers).
func near(_ value: Double?, _ expected: Double) -> Bool {
  guard let value else { return false }
  return abs(value - expected) < 1e-9
}

/// Every figure of the fixture organisation against the hand computation in
/// `Fixtures/metrics-org/WORKING.md`.
@Suite struct MetricsOrgTests {
  let snapshot = MetricsOrg.snapshot()

  func system(_ id: String) throws -> SystemHealth {
    try #require(snapshot.systems.first { $0.id == id })
  }

  @Test func organisationAndFiscalYear() {
    #expect(snapshot.asOf == MetricsOrg.now)
    #expect(snapshot.organization.name == "Metrics Org")
    #expect(snapshot.organization.currency == "EUR")
    #expect(snapshot.organization.fiscalYearStart == YearMonth(year: 2026, month: 4))
    #expect(snapshot.organization.fiscalYearEnd == YearMonth(year: 2027, month: 3))
  }

  /// The inventory's systems only; ghost, named by a status sample and an incident, is listed apart.
  @Test func systemsListTheInventoryAndUnregisteredIdsApart() {
    #expect(snapshot.systems.map(\.id) == ["erp", "db", "crm", "wiki", "loopa", "loopb"])
    #expect(snapshot.data.unregistered.map(\.id) == ["ghost", "ghost2"])
  }

  @Test func databaseHealth() throws {
    let db = try system("db")
    #expect(db.state == .down)
    #expect(db.lastSample == MetricsOrg.now)
    #expect(db.lastMessage == "connection refused")
    #expect(near(db.availability.day, 1385.0 / 1440 * 100))
    #expect(near(db.availability.week, 1385.0 / 1510 * 100))
    #expect(near(db.availability.month, 1385.0 / 1510 * 100))
    #expect(near(db.coverage.day, 100))
    #expect(near(db.coverage.week, 1510.0 / 10080 * 100))
    #expect(near(db.coverage.month, 1510.0 / 43200 * 100))
    #expect(db.outages30d == 2)
    #expect(near(db.mtbfHours30d, 1385.0 / 60 / 2))
    #expect(db.latencyMs == 250)
    #expect(db.latencySeries.count == 48)
    #expect(db.latencySeries.suffix(2) == [240, 250])
    #expect(db.latencySeries.dropLast(2).allSatisfy { $0 == nil })
    #expect(db.tcoYTD == euros(1900))
    #expect(db.costPerUserYTD == nil)
    #expect(db.belowSLA)
    #expect(db.pastEndOfSupport)
    #expect(db.impactedVia == nil)
    #expect(db.dependants == ["erp"])
    #expect(db.openIncidents == 1)
  }

  @Test func erpHealth() throws {
    let erp = try system("erp")
    #expect(erp.state == .up)
    for window in Window.allCases { #expect(near(erp.availability[window], 645.0 / 655 * 100)) }
    #expect(near(erp.coverage.day, 50))
    #expect(near(erp.coverage.week, 720.0 / 10080 * 100))
    #expect(near(erp.coverage.month, 720.0 / 43200 * 100))
    #expect(erp.outages30d == 1)
    #expect(near(erp.mtbfHours30d, 10.75))
    #expect(erp.latencyMs == nil)
    #expect(erp.belowSLA)
    #expect(!erp.pastEndOfSupport)
    #expect(erp.impactedVia == "db")
    #expect(erp.dependencyCycle == nil)
    #expect(erp.dependants == ["crm"])
    #expect(erp.openIncidents == 1)
    #expect(erp.tcoYTD == euros(1600))
    #expect(erp.costPerUserYTD == euros(8))
  }

  @Test func crmWikiLoopsAndGhost() throws {
    let crm = try system("crm")
    #expect(crm.state == .up)
    #expect(near(crm.availability.day, 100))
    #expect(near(crm.coverage.day, 60.0 / 1440 * 100))
    #expect(near(crm.coverage.week, 60.0 / 10080 * 100))
    #expect(near(crm.coverage.month, 60.0 / 43200 * 100))
    #expect(crm.outages30d == 0)
    #expect(crm.mtbfHours30d == nil)
    #expect(crm.impactedVia == "db")
    #expect(crm.costPerUserYTD == nil)
    #expect(!crm.belowSLA)

    let wiki = try system("wiki")
    #expect(wiki.state == .maintenance)
    #expect(wiki.availability == Windowed(day: nil, week: nil, month: nil))
    #expect(near(wiki.coverage.day, 60.0 / 1440 * 100))
    #expect(wiki.dependencyCycle == ["loopa", "loopb"])
    #expect(wiki.impactedVia == nil)
    #expect(wiki.costPerUserYTD == .zero)

    let loopa = try system("loopa")
    let loopb = try system("loopb")
    #expect(loopa.state == .unknown)
    #expect(loopa.coverage == Windowed(day: 0, week: 0, month: 0))
    #expect(loopa.dependencyCycle == ["loopa", "loopb"])
    #expect(loopb.dependencyCycle == ["loopb", "loopa"])
    #expect(loopa.dependants == ["wiki", "loopb"])
    #expect(loopb.dependants == ["loopa"])
    #expect(!loopa.belowSLA)
    #expect(!loopb.pastEndOfSupport)

    // ghost has no row: its status sample and its incident are listed apart, the incident still open.
    #expect(snapshot.systems.first { $0.id == "ghost" } == nil)
    #expect(snapshot.data.unregistered.first { $0.id == "ghost" } == UnregisteredSystem(id: "ghost", kinds: [.incidents, .status], records: 2))
  }

  @Test func incidents() {
    let incidents = snapshot.incidents
    #expect(incidents.open == [.p1: 2, .p2: 0, .p3: 0, .p4: 1])
    #expect(incidents.openList.map(\.id) == ["I1", "I2", "I7"])
    #expect(near(incidents.mttrMinutes.day, 360))
    #expect(near(incidents.mttrMinutes.week, 210))
    #expect(near(incidents.mttrMinutes.month, 620))
    #expect(near(incidents.mttaMinutes.day, 10))
    #expect(near(incidents.mttaMinutes.week, 16.25))
    #expect(near(incidents.mttaMinutes.month, 37))
  }

  @Test func budgetTotals() {
    let budget = snapshot.budget
    #expect(budget.ytdMonths == [YearMonth(year: 2026, month: 4), YearMonth(year: 2026, month: 5)])
    #expect(
      budget.totals == BudgetFigures(annualPlanned: euros(10400), plannedYTD: euros(4100), actualYTD: euros(4150)))
    #expect(near(budget.variancePct, 50.0 / 4100 * 100))
    #expect(budget.forecastYearEnd == euros(10526, 83))
    #expect(budget.varianceAtCompletion == Money(minorUnits: -12683))
    #expect(budget.burnRate == euros(2075))
    #expect(near(budget.runwayMonths, 6250.0 / 2075))
  }

  @Test func budgetBreakdowns() {
    let budget = snapshot.budget
    func f(_ a: Int64, _ p: Int64, _ x: Int64) -> BudgetFigures {
      BudgetFigures(annualPlanned: euros(a), plannedYTD: euros(p), actualYTD: euros(x))
    }
    #expect(
      budget.byCategory == [
        "license": f(1800, 1200, 1100), "staff": f(500, 500, 500), "maintenance": f(600, 300, 500),
        "hardware": f(2000, 2000, 1900), "other": f(100, 100, 150), "setup": f(5000, 0, 0), "training": f(400, 0, 0),
      ])
    #expect(budget.byType == ["capex": f(7000, 2000, 1900), "opex": f(3400, 2100, 2250)])
    #expect(
      budget.bySourcing == [
        "purchased": f(6800, 1500, 1600), "shared": f(500, 500, 500), "open-source": f(2000, 2000, 1900),
        "unknown": f(500, 100, 150), "saas": f(600, 0, 0),
      ])
    #expect(
      budget.bySystem == [
        "erp": f(6800, 1500, 1600), "shared": f(500, 500, 500), "db": f(2000, 2000, 1900), "ghost2": f(100, 100, 150),
        "crm": f(600, 0, 0), "wiki": f(400, 0, 0),
      ])
  }

  @Test func budgetMonths() {
    let months = snapshot.budget.months
    #expect(months.count == 12)
    #expect(months.first?.month == YearMonth(year: 2026, month: 4))
    #expect(months.last?.month == YearMonth(year: 2027, month: 3))
    #expect(months.map(\.planned) == [1700, 2400, 900, 5000, 0, 0, 0, 0, 0, 0, 0, 400].map { euros($0) })
    // July's 4,000 is booked ahead (July has not closed on 15 June): it shows apart, not as July's bar.
    #expect(months.map(\.actual) == [euros(1600), euros(2550), nil, nil, nil, nil, nil, nil, nil, nil, nil, nil])
    #expect(snapshot.budget.bookedAhead == euros(4000))
  }

  @Test func compliance() {
    let compliance = snapshot.compliance
    #expect(compliance.open == 5)
    #expect(compliance.overdue == 4)
    #expect(compliance.overdueByKind == ["access-review": 2, "audit-finding": 1, "training": 1])
    #expect(compliance.overdueBySeverity == ["high": 1, "low": 2, "medium": 1])
    #expect(near(compliance.onTimeClosurePct, 50))
    #expect(compliance.oldestOverdueDays == 15)
    #expect(compliance.openItems.map(\.id) == ["C3", "C6", "C1", "C8", "C2"])
  }

  @Test func portfolio() {
    let portfolio = snapshot.portfolio
    #expect(portfolio.byCategory == ["ERP": 1, "Data": 1, "CRM": 1, "Collaboration": 2, "unknown": 1])
    #expect(portfolio.bySourcing == ["purchased": 1, "open-source": 1, "saas": 1, "proprietary": 2, "unknown": 1])
    #expect(portfolio.byLifecycle == ["active": 3, "phase-out": 1, "plan": 1, "unknown": 1])
    #expect(portfolio.byCriticality == ["1": 2, "2": 1, "3": 2, "unknown": 1])
    #expect(portfolio.pastEndOfSupport == 1)
    #expect(portfolio.belowSLA == 2)
    #expect(near(portfolio.dataQualityPct, 400.0 / 6))
  }

  @Test func kpis() throws {
    let kpis = snapshot.kpis
    #expect(
      kpis.map(\.definition.name) == [
        "Systems meeting SLA", "Open P1 incidents", "MTTR (30d)", "Budget variance", "Overdue compliance items",
        "Systems past end of support", "Data quality", "Patch latency", "Broken", "Ratio", "ERP availability",
        "Portfolio availability", "Forecast",
      ])
    #expect(
      kpis.map(\.isBuiltIn) == [true, true, true, true, true, true, false, false, false, false, false, false, false])
    let expected: [(Double?, KPIStatus)] = [
      (0, .crit), (2, .warn), (620, .warn), (50.0 / 4100 * 100, .ok), (4, .warn), (1, .warn), (400.0 / 6 + 10, .warn),
      (20, .ok), (nil, .unknown), (nil, .unknown), (645.0 / 655 * 100, .warn), (2090.0 / 2155 * 100, .warn),
      (10526.83, .ok),
    ]
    for (kpi, (value, status)) in zip(kpis, expected) {
      if let value { #expect(near(kpi.value, value), "\(kpi.definition.name)") } else { #expect(kpi.value == nil) }
      #expect(kpi.status == status, "\(kpi.definition.name)")
    }
    #expect(kpis[8].error == "KPI \"Broken\": column 17: expected ')' after the arguments of avg")
    #expect(kpis[9].error == nil)
    #expect(kpis[12].isMoney)
    #expect(!kpis[3].isMoney)
  }

  @Test func data() {
    #expect(snapshot.data.files == MetricsOrg.files)
    // The reader's issue, and what the store and the engine find on their own: the loopa/loopb cycle,
    // July's actual booked before July has closed, the dates after now (I2 resolved at 12:30, I3
    // opened at 13:00, C6 closed on 06-20, C7 opened on 06-16), the KPI that does not parse, the
    // metric sample of 06-16 held until its time, the data-quality fields wiki and crm lack, and the
    // status samples of a system missing from the inventory (records in memory have no file line).
    #expect(snapshot.data.issues.map(\.message) == [
      "dependency cycle loopa → loopb → loopa: impact is not followed around it",
      "1 system has no owner: wiki", "1 system has no criticality: wiki", "1 system has no lifecycle: wiki",
      "2 systems have no sla: crm, wiki",
      "actual booked for 2026-07, a month that has not closed",
      "resolved 2026-06-15T12:30:00Z is in the future: expected a time at or before now",
      "opened 2026-06-15T13:00:00Z is in the future: expected a time at or before now",
      "closed 2026-06-20T00:00:00Z is in the future: expected a time at or before now",
      "opened 2026-06-16T00:00:00Z is in the future: expected a time at or before now",
    ] + MetricsOrg.issues.map(\.message) + [
      "KPI \"Broken\": column 17: expected ')' after the arguments of avg",
      "1 sample stamped after now, the latest at 2026-06-16T00:00:00Z: held until their time (is a clock ahead?)",
      "unknown system \"ghost\": not in systems.csv",
    ])
    #expect(snapshot.data.missingKinds == [.incidents, .metrics, .compliance, .training, .access, .retention])
  }
}
