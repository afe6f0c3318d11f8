import ImtopCore
import Testing
import ImtopTestSupport

/// One test per edge of the README's "Metric definitions", each on the smallest input that shows it.
@Suite struct EngineEdgeTests {
  static let berlin = Zone(identifier: "Europe/Berlin") ?? .utc

  func snapshot(_ dataSet: TestOrganisation, at now: Timestamp) -> Snapshot {
    MetricEngine(trendPoints: 0).snapshot(of: dataSet.engineInput(at: now), at: now)
  }

  @Test func samplesAfterNowAreIgnoredByTheColdPath() throws {
    let now = utc(2026, 3, 1, 12)
    var status = samples("erp", .up, from: now - .minutes(30), through: now)
    status.append(
      StatusSample(timestamp: now + .minutes(1), system: "erp", state: .down, latencyMs: 999, message: "later"))
    let input = TestOrganisation(systems: [SystemRecord(id: "erp")], status: status).engineInput(at: now)
    #expect(input.timelines["erp"]?.runs.count == 1)
    #expect(input.latency["erp"] == nil)
    #expect(input.lastMessages["erp"] == nil)
    let erp = try #require(MetricEngine().snapshot(of: input, at: now).systems.first)
    #expect(erp.state == .up)
    #expect(near(erp.availability.day, 100))
    #expect(near(erp.coverage.day, 30.0 / 1440 * 100))
  }

  @Test func equalTimestampsKeepFileOrder() throws {
    let now = utc(2026, 3, 1, 12)
    let status = [
      StatusSample(timestamp: now, system: "erp", state: .down),
      StatusSample(timestamp: now, system: "erp", state: .up),
    ]
    let erp = try #require(snapshot(TestOrganisation(systems: [SystemRecord(id: "erp")], status: status), at: now).systems.first)
    #expect(erp.state == .up)
  }

  @Test func incidentsOpenedAfterNowDoNotExistAndResolvedAfterNowAreOpen() {
    let now = utc(2026, 3, 1, 12)
    let incidents = [
      Incident(id: "later", system: "erp", priority: .p1, opened: now + .seconds(1)),
      Incident(id: "still", system: "erp", priority: .p2, opened: now - .hours(2), resolved: now + .seconds(1)),
      Incident(id: "done", system: "erp", priority: .p2, opened: now - .hours(2), resolved: now),
      Incident(id: "edge", system: "erp", priority: .p3, opened: now),
    ]
    let summary = IncidentSummary(incidents: incidents, at: now)
    #expect(summary.openList.map(\.id) == ["still", "edge"])
    #expect(summary.open == [.p1: 0, .p2: 1, .p3: 1, .p4: 0])
    // Only "done" (resolved exactly at now, inside the window) counts: 120 min.
    #expect(summary.mttrMinutes == Windowed(day: 120, week: 120, month: 120))
    #expect(summary.mttaMinutes == Windowed(day: nil, week: nil, month: nil))
  }

  @Test func resolutionExactlyAtTheWindowStartIsOutside() {
    let now = utc(2026, 3, 1, 12)
    let incident = Incident(id: "a", system: "x", priority: .p1, opened: now - .hours(30), resolved: now - .hours(24))
    let summary = IncidentSummary(incidents: [incident], at: now)
    #expect(summary.mttrMinutes.day == nil)
    #expect(summary.mttrMinutes.week == 360)
  }

  @Test func dateOnlyDueIsOverdueFromTheNextLocalDay() {
    // Due 2026-01-10 in Berlin (UTC+1 in winter): overdue from 2026-01-10T23:00:00Z.
    let item = ComplianceItem(
      id: "A", kind: .training, severity: .low, opened: utc(2026, 1, 1),
      due: .date(LocalDate(year: 2026, month: 1, day: 10)))
    let before = ComplianceSummary(items: [item], at: utc(2026, 1, 10, 22, 59, 59), zone: Self.berlin)
    #expect(before.overdue == 0)
    #expect(before.open == 1)
    #expect(before.oldestOverdueDays == nil)
    let from = ComplianceSummary(items: [item], at: utc(2026, 1, 10, 23), zone: Self.berlin)
    #expect(from.overdue == 1)
    #expect(from.oldestOverdueDays == 1)
    // In UTC the same item would still be on time at 23:00Z.
    #expect(ComplianceSummary(items: [item], at: utc(2026, 1, 10, 23), zone: .utc).overdue == 0)
  }

  @Test func daysPastDueCountCalendarDaysInTheZone() {
    let item = ComplianceItem(
      id: "A", kind: .training, severity: .low, opened: utc(2026, 1, 1),
      due: .date(LocalDate(year: 2026, month: 1, day: 10)))
    // 2026-01-13T22:59Z is 23:59 on the 13th in Berlin: 3 days; a minute later it is the 14th: 4 days.
    #expect(ComplianceSummary(items: [item], at: utc(2026, 1, 13, 22, 59), zone: Self.berlin).oldestOverdueDays == 3)
    #expect(ComplianceSummary(items: [item], at: utc(2026, 1, 13, 23), zone: Self.berlin).oldestOverdueDays == 4)
  }

  @Test func closedOnTheDueDateLocallyIsOnTime() {
    let due = Deadline.date(LocalDate(year: 2026, month: 1, day: 10))
    let onTime = ComplianceItem(
      id: "A", kind: .training, severity: .low, opened: utc(2026, 1, 1), due: due, closed: utc(2026, 1, 10, 22, 59))
    let late = ComplianceItem(
      id: "B", kind: .training, severity: .low, opened: utc(2026, 1, 1), due: due, closed: utc(2026, 1, 10, 23))
    let future = ComplianceItem(
      id: "C", kind: .training, severity: .low, opened: utc(2026, 1, 1), due: due, closed: utc(2026, 2, 1))
    let summary = ComplianceSummary(items: [onTime, late, future], at: utc(2026, 1, 20), zone: Self.berlin)
    #expect(summary.onTimeClosurePct == 50)
    #expect(summary.open == 1)
    #expect(ComplianceSummary(items: [future], at: utc(2026, 1, 20), zone: Self.berlin).onTimeClosurePct == nil)
  }

  func line(_ year: Int, _ month: Int, _ system: String? = "erp", planned: Int64, actual: Int64?) -> BudgetLine {
    BudgetLine(
      period: YearMonth(year: year, month: month), system: system, category: .license, type: .opex,
      planned: euros(planned), actual: actual.map { euros($0) })
  }

  @Test func aprilFiscalYearSpansTwoCalendarYears() {
    let lines = [
      line(2026, 3, planned: 50, actual: 50),  // previous fiscal year
      line(2026, 4, planned: 100, actual: 90),
      line(2026, 12, planned: 100, actual: 110),
      line(2027, 1, planned: 100, actual: 100),
      line(2027, 3, planned: 100, actual: nil),
      line(2027, 4, planned: 70, actual: 70),  // next fiscal year
    ]
    let year = FiscalYear(containing: utc(2027, 2, 10), startMonth: 4, zone: .utc)
    #expect(year.start == YearMonth(year: 2026, month: 4))
    #expect(year.end == YearMonth(year: 2027, month: 3))
    let budget = BudgetSummary(
      lines: lines, systems: [], fiscalYear: year, today: LocalDate(year: 2027, month: 2, day: 10))
    // YTD: April 2026 .. January 2027 = 10 months; annual 400, planned YTD 300, actual YTD 300.
    #expect(budget.ytdMonths.count == 10)
    #expect(budget.ytdMonths.first == YearMonth(year: 2026, month: 4))
    #expect(budget.ytdMonths.last == YearMonth(year: 2027, month: 1))
    #expect(budget.totals == BudgetFigures(annualPlanned: euros(400), plannedYTD: euros(300), actualYTD: euros(300)))
    #expect(budget.variancePct == 0)
    // Burn: the last three YTD months (Nov 0, Dec 110, Jan 100) → 70; runway (400 − 300) / 70.
    #expect(budget.burnRate == euros(70))
    #expect(near(budget.runwayMonths, 100.0 / 70))
  }

  @Test func fiscalYearFollowsTheLocalDate() {
    // 2027-03-31T22:30Z is 00:30 on 1 April in Berlin (CEST): the new fiscal year has begun there.
    #expect(
      FiscalYear(containing: utc(2027, 3, 31, 22, 30), startMonth: 4, zone: Self.berlin).start
        == YearMonth(year: 2027, month: 4))
    #expect(
      FiscalYear(containing: utc(2027, 3, 31, 22, 30), startMonth: 4, zone: .utc).start
        == YearMonth(year: 2026, month: 4))
  }

  @Test func noActualsYetLeavesRatiosUnknown() {
    let year = FiscalYear(start: YearMonth(year: 2026, month: 1))
    let budget = BudgetSummary(
      lines: [line(2026, 1, planned: 100, actual: nil), line(2026, 2, planned: 100, actual: nil)], systems: [],
      fiscalYear: year, today: LocalDate(year: 2026, month: 2, day: 15))
    #expect(budget.ytdMonths.isEmpty)
    #expect(budget.totals == BudgetFigures(annualPlanned: euros(200)))
    #expect(budget.variancePct == nil)
    #expect(budget.forecastYearEnd == nil)
    #expect(budget.varianceAtCompletion == nil)
    #expect(budget.burnRate == nil)
    #expect(budget.runwayMonths == nil)
    #expect(budget.months.map(\.actual) == Array(repeating: nil, count: 12))
  }

  @Test func zeroPlannedYTDLeavesRatiosUnknownButBurnsOn() {
    let year = FiscalYear(start: YearMonth(year: 2026, month: 1))
    let budget = BudgetSummary(
      lines: [line(2026, 1, planned: 0, actual: 30), line(2026, 6, planned: 300, actual: nil)], systems: [],
      fiscalYear: year, today: LocalDate(year: 2026, month: 3, day: 15))
    #expect(budget.ytdMonths == [YearMonth(year: 2026, month: 1)])
    #expect(budget.variancePct == nil)
    #expect(budget.forecastYearEnd == nil)
    #expect(budget.burnRate == euros(30))
    #expect(near(budget.runwayMonths, 270.0 / 30))
  }

  @Test func zeroBurnHasNoRunway() {
    let year = FiscalYear(start: YearMonth(year: 2026, month: 1))
    let budget = BudgetSummary(
      lines: [line(2026, 1, planned: 100, actual: 0)], systems: [], fiscalYear: year,
      today: LocalDate(year: 2026, month: 2, day: 1))
    #expect(budget.burnRate == .zero)
    #expect(budget.runwayMonths == nil)
    #expect(budget.variancePct == -100)
    #expect(budget.forecastYearEnd == .zero)
  }

  @Test func zeroOrMissingUsersHaveNoCostPerUser() throws {
    let now = utc(2026, 3, 15)
    let systems = [SystemRecord(id: "a", users: 0), SystemRecord(id: "b"), SystemRecord(id: "c", users: 3)]
    let budget = ["a", "b", "c"].map { line(2026, 2, $0, planned: 100, actual: 100) }
    let health = snapshot(TestOrganisation(systems: systems, budget: budget), at: now).systems
    #expect(health.map(\.tcoYTD) == [euros(100), euros(100), euros(100)])
    // 100.00 / 3 = 33.333… → 33.33
    #expect(health.map(\.costPerUserYTD) == [nil, nil, euros(33, 33)])
  }

  @Test func unknownTimeOnlyGivesNullAvailability() throws {
    let now = utc(2026, 3, 15)
    let status = [StatusSample(timestamp: now - .days(40), system: "a", state: .up)]
    let a = try #require(
      snapshot(TestOrganisation(systems: [SystemRecord(id: "a", sla: 99)], status: status), at: now).systems.first)
    #expect(a.state == .unknown)
    #expect(a.availability == Windowed(day: nil, week: nil, month: nil))
    #expect(a.coverage == Windowed(day: 0, week: 0, month: 0))
    #expect(!a.belowSLA)
  }

  @Test func endOfSupportIsPastFromTheNextLocalDay() {
    // 2026-03-14T23:30Z is already the 15th in Berlin.
    let systems = [SystemRecord(id: "a", endOfSupport: LocalDate(year: 2026, month: 3, day: 14))]
    var dataSet = TestOrganisation(systems: systems)
    #expect(snapshot(dataSet, at: utc(2026, 3, 14, 23, 30)).portfolio.pastEndOfSupport == 0)
    dataSet.configuration.zone = Self.berlin
    #expect(snapshot(dataSet, at: utc(2026, 3, 14, 23, 30)).portfolio.pastEndOfSupport == 1)
  }

  @Test func impactIsTransitiveAndPrefersTheNearestDownSystem() {
    let now = utc(2026, 3, 15)
    let systems = [
      SystemRecord(id: "app", dependsOn: ["mid", "far"]), SystemRecord(id: "mid", dependsOn: ["near"]),
      SystemRecord(id: "near"), SystemRecord(id: "far"), SystemRecord(id: "idle", dependsOn: ["near"]),
    ]
    let status = [
      StatusSample(timestamp: now, system: "app", state: .up),
      StatusSample(timestamp: now, system: "mid", state: .degraded),
      StatusSample(timestamp: now, system: "near", state: .down),
      StatusSample(timestamp: now, system: "far", state: .down),
      StatusSample(timestamp: now, system: "idle", state: .maintenance),
    ]
    let health = snapshot(TestOrganisation(systems: systems, status: status), at: now).systems
    #expect(health.map(\.impactedVia) == ["far", "near", nil, nil, nil])
    #expect(health.map(\.dependants) == [[], ["app"], ["mid", "idle"], ["app"], []])
  }

  @Test func selfDependencyIsACycle() {
    let health = snapshot(TestOrganisation(systems: [SystemRecord(id: "a", dependsOn: ["a"])]), at: utc(2026, 1, 1)).systems
    #expect(health.first?.dependencyCycle == ["a"])
  }

  /// No phantom rows: ids missing from the inventory are listed apart, with the kinds and records
  /// naming them, and count in no portfolio or availability figure; their incidents still count.
  @Test func unregisteredSystemsMakeNoRowAndAreListedApart() {
    let now = utc(2026, 3, 1, 12)
    let dataSet = TestOrganisation(
      systems: [SystemRecord(id: "erp")],
      status: [StatusSample(timestamp: now, system: "edge", state: .up)],
      incidents: [
        Incident(id: "1", system: "old", priority: .p3, opened: now - .days(3), resolved: now - .days(2)),
        Incident(id: "2", system: "open", priority: .p3, opened: now - .days(3)),
      ])
    let result = snapshot(dataSet, at: now)
    #expect(result.systems.map(\.id) == ["erp"])
    #expect(result.portfolio.byCategory == ["unknown": 1])
    #expect(result.incidents.open[.p3] == 1)
    #expect(result.data.unregistered == [
      UnregisteredSystem(id: "edge", kinds: [.status], records: 1),
      UnregisteredSystem(id: "old", kinds: [.incidents], records: 1),
      UnregisteredSystem(id: "open", kinds: [.incidents], records: 1),
    ])
    #expect(result.data.unregistered.first?.summary == "edge (status, 1 sample)")
  }
}
