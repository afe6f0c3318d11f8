import ImtopCore
@testable import ImtopUI

/// A realistic hand-made snapshot: a mid-sized organisation on 2026-11-28 12:00 UTC, fiscal year
/// from April, with one system down (the WAN), two impacted through it, a degraded CRM, open
/// incidents, overdue compliance items and seven KPIs. Every figure is typed in by hand (not
/// computed by the engine) so screen tests do not depend on the metric code.
enum Fixtures {
  static let now = Timestamp(seconds: 1_795_867_200)  // 2026-11-28T12:00:00Z

  static func euros(_ value: Int64) -> Money { Money(minorUnits: value * 100) }

  static func series(_ base: Double, _ count: Int = 48, spike: Int? = nil) -> [Double?] {
    (0..<count).map { i in
      if i % 17 == 5 { return nil }
      let wave = Double((i * 37) % 11) - 5
      return base + wave * base / 20 + (spike == i ? base * 3 : 0)
    }
  }

  static func system(
    _ id: String, _ name: String, _ category: String, _ sourcing: Sourcing?, owner: String, criticality: Int?,
    users: Int?, sla: Double?, state: ServiceState, availability: Double?, latency: Double?, incidents: Int = 0,
    tco: Int64 = 0, dependsOn: [String] = [], dependants: [String] = [], impactedVia: String? = nil,
    lifecycle: Lifecycle? = .active, endOfSupport: LocalDate? = nil, pastEOS: Bool = false,
    history: StateHistory = StateHistory(), monthly: [ServiceMonth] = []
  ) -> SystemHealth {
    let record = SystemRecord(
      id: id, name: name, category: category, sourcing: sourcing, vendor: "", owner: owner, criticality: criticality,
      lifecycle: lifecycle, users: users, sla: sla, endOfSupport: endOfSupport, dependsOn: dependsOn,
      location: SourceLocation(file: "systems.csv", line: 2))
    let below = sla.flatMap { s in availability.map { $0 < s } } ?? false
    var health = SystemHealth(
      record: record, state: state, lastSample: now - .minutes(1),
      availability: Windowed(day: availability.map { min(100, $0 + 0.01) }, week: availability, month: availability),
      coverage: Windowed(day: 100, week: 99, month: 98), outages30d: state == .down ? 2 : 0, mtbfHours30d: state == .down ? 350 : nil,
      latencyMs: latency, latencySeries: latency.map { series($0) } ?? [], openIncidents: incidents, tcoYTD: euros(tco),
      costPerUserYTD: users.flatMap { $0 > 0 ? Money(minorUnits: tco * 100 / Int64($0)) : nil }, belowSLA: below,
      pastEndOfSupport: pastEOS, impactedVia: impactedVia, dependants: dependants)
    health.history = history
    health.monthly = monthly
    return health
  }

  /// The ERP's last 30 days: up for nine days, an outage this morning, degraded after it, up again.
  static let erpHistory = StateHistory(entries: [
    StateHistory.Entry(state: .up, from: .degraded, start: now - .hours(3), end: nil),
    StateHistory.Entry(state: .degraded, from: .down, start: now - .minutes(200), end: now - .hours(3), message: "error rate above 2%"),
    StateHistory.Entry(state: .down, from: .up, start: now - .hours(4), end: now - .minutes(200), message: "connection refused"),
    StateHistory.Entry(state: .up, from: .unknown, start: now - .days(9), end: now - .hours(4)),
  ])

  /// The ERP's months of the fiscal year: no monitor before September, an October below its SLA.
  static let erpMonthly: [ServiceMonth] =
    (4...8).map { ServiceMonth(month: YearMonth(year: 2026, month: $0), availability: nil, coverage: 0, outages: 0, downtimeMinutes: 0, slaMet: nil) }
    + [
      ServiceMonth(month: YearMonth(year: 2026, month: 9), availability: 99.95, coverage: 40, outages: 1, downtimeMinutes: 8.5, slaMet: true),
      ServiceMonth(month: YearMonth(year: 2026, month: 10), availability: 99.82, coverage: 100, outages: 2, downtimeMinutes: 80.4, slaMet: false),
      ServiceMonth(month: YearMonth(year: 2026, month: 11), availability: 99.97, coverage: 98, outages: 1, downtimeMinutes: 11, slaMet: true),
    ]

  static let systems: [SystemHealth] = [
    system("erp", "ERP Finance & Logistics", "ERP", .purchased, owner: "Finance IT", criticality: 1, users: 850, sla: 99.9,
           state: .up, availability: 99.97, latency: 180, tco: 412_000, dependsOn: ["db", "wan"], impactedVia: "wan",
           history: erpHistory, monthly: erpMonthly),
    system("crm", "Customer Relations", "CRM", .saas, owner: "Sales Ops", criticality: 2, users: 420, sla: 99.5,
           state: .degraded, availability: 99.21, latency: 640, incidents: 2, tco: 96_500),
    system("wan", "Wide Area Network", "Network", .purchased, owner: "Network Team", criticality: 1, users: 2_400, sla: 99.95,
           state: .down, availability: 99.12, latency: nil, incidents: 1, tco: 150_000, dependants: ["erp", "rms"]),
    system("rms", "Records Management", "Records", .proprietary, owner: "Records Office", criticality: 2, users: 310, sla: 99.5,
           state: .up, availability: 99.80, latency: 95, tco: 61_200, dependsOn: ["wan"], impactedVia: "wan"),
    system("hr", "HR & Payroll", "HR", .saas, owner: "People Services", criticality: 2, users: 2_350, sla: 99.5,
           state: .up, availability: 99.99, latency: 210, tco: 88_000),
    system("db", "Database Cluster", "Data", .openSource, owner: "Platform Team", criticality: 1, users: nil, sla: 99.95,
           state: .up, availability: 99.99, latency: 4, tco: 54_300, dependants: ["erp"]),
    system("mail", "Mail & Calendar", "Collaboration", .saas, owner: "Workplace IT", criticality: 3, users: 2_400, sla: 99.9,
           state: .maintenance, availability: 99.95, latency: 120, tco: 47_800),
    system("sensors", "Building Sensors", "Sensor", .purchased, owner: "", criticality: nil, users: nil, sla: nil,
           state: .unknown, availability: nil, latency: nil, tco: 12_000, lifecycle: nil),
    system("laptops", "Staff Laptops", "Endpoint", .purchased, owner: "Service Desk", criticality: 3, users: 2_200, sla: nil,
           state: .up, availability: 100, latency: nil, tco: 310_000, lifecycle: .phaseOut,
           endOfSupport: LocalDate(year: 2026, month: 6, day: 30), pastEOS: true),
    system("siem", "Security Monitoring", "Security", .purchased, owner: "Security Office", criticality: 1, users: 12, sla: 99.9,
           state: .up, availability: 99.93, latency: 35, incidents: 1, tco: 75_000),
  ]

  static func kpi(_ name: String, _ value: Double?, _ unit: String, _ better: KPIDirection, target: Double, warn: Double, crit: Double,
                  _ status: KPIStatus) -> KPIResult {
    KPIResult(definition: KPIDefinition(name: name, expression: "", unit: unit, target: target, warn: warn, crit: crit, better: better),
              value: value, status: status, trend: value.map { series(max(1, $0), 24) } ?? [], isBuiltIn: true)
  }

  static let kpis: [KPIResult] = [
    kpi("Systems meeting SLA", 66.7, "%", .higher, target: 100, warn: 90, crit: 75, .crit),
    kpi("Open P1 incidents", 1, "", .lower, target: 0, warn: 1, crit: 3, .warn),
    kpi("MTTR (30d)", 185, "min", .lower, target: 240, warn: 480, crit: 1440, .ok),
    kpi("Budget variance", 4.2, "%", .target, target: 0, warn: 5, crit: 10, .ok),
    kpi("Overdue compliance items", 3, "", .lower, target: 0, warn: 1, crit: 5, .warn),
    kpi("Systems past end of support", 1, "", .lower, target: 0, warn: 1, crit: 3, .warn),
    kpi("Data quality", 90, "%", .higher, target: 100, warn: 90, crit: 75, .warn),
  ]

  static let months: [MonthFigures] = (0..<12).map { i in
    let month = YearMonth(year: 2026, month: 4).adding(months: i)
    let planned: Int64 = [110_000, 105_000, 140_000, 100_000, 95_000, 120_000, 100_000, 130_000, 115_000, 100_000, 105_000, 130_000][i]
    let actual: Int64? = i < 7 ? [104_000, 112_500, 131_000, 108_000, 93_500, 141_000, 99_000][i] : nil
    return MonthFigures(month: month, planned: euros(planned), actual: actual.map(euros))
  }

  static let budget = BudgetSummary(
    ytdMonths: months.prefix(7).map(\.month), totals: BudgetFigures(annualPlanned: euros(1_350_000), plannedYTD: euros(770_000), actualYTD: euros(789_000)),
    variancePct: 2.47, forecastYearEnd: euros(1_383_312), varianceAtCompletion: euros(-33_312), burnRate: euros(111_167), runwayMonths: 5.1,
    byCategory: ["license": BudgetFigures(annualPlanned: euros(480_000), plannedYTD: euros(280_000), actualYTD: euros(301_000)),
                 "maintenance": BudgetFigures(annualPlanned: euros(390_000), plannedYTD: euros(225_000), actualYTD: euros(219_000)),
                 "staff": BudgetFigures(annualPlanned: euros(300_000), plannedYTD: euros(175_000), actualYTD: euros(176_000)),
                 "hardware": BudgetFigures(annualPlanned: euros(180_000), plannedYTD: euros(90_000), actualYTD: euros(93_000))],
    byType: ["capex": BudgetFigures(annualPlanned: euros(330_000), plannedYTD: euros(170_000), actualYTD: euros(178_000)),
             "opex": BudgetFigures(annualPlanned: euros(1_020_000), plannedYTD: euros(600_000), actualYTD: euros(611_000))],
    bySourcing: ["purchased": BudgetFigures(annualPlanned: euros(700_000), plannedYTD: euros(400_000), actualYTD: euros(409_000)),
                 "saas": BudgetFigures(annualPlanned: euros(380_000), plannedYTD: euros(220_000), actualYTD: euros(232_300)),
                 "shared": BudgetFigures(annualPlanned: euros(270_000), plannedYTD: euros(150_000), actualYTD: euros(147_700))],
    bySystem: ["erp": BudgetFigures(annualPlanned: euros(700_000), plannedYTD: euros(400_000), actualYTD: euros(412_000)),
               "laptops": BudgetFigures(annualPlanned: euros(500_000), plannedYTD: euros(300_000), actualYTD: euros(310_000))],
    months: months, bookedAhead: euros(12_400))

  static let openIncidents: [Incident] = [
    Incident(id: "INC-1041", system: "wan", priority: .p1, opened: now - .minutes(42), summary: "Carrier link down at head office"),
    Incident(id: "INC-1038", system: "crm", priority: .p2, opened: now - .hours(5), acknowledged: now - .hours(5) + .minutes(12),
             summary: "Slow searches"),
    Incident(id: "INC-1030", system: "crm", priority: .p3, opened: now - .days(2), acknowledged: now - .days(2) + .hours(2),
             summary: "Export fails for large accounts"),
    Incident(id: "INC-1022", system: "siem", priority: .p4, opened: now - .days(6), summary: "Noisy alert rule"),
  ]

  /// Resolved in the last 30 days, latest first; `fax` is not in the inventory.
  static let resolvedIncidents: [Incident] = [
    Incident(id: "INC-1036", system: "wan", priority: .p1, opened: now - .days(3) - .minutes(95),
             acknowledged: now - .days(3) - .minutes(91), resolved: now - .days(3), summary: "Router reboot loop"),
    Incident(id: "INC-1033", system: "crm", priority: .p2, opened: now - .days(8) - .hours(4),
             acknowledged: now - .days(8) - .hours(4) + .minutes(12), resolved: now - .days(8), summary: "Login timeouts"),
    Incident(id: "INC-1019", system: "fax", priority: .p3, opened: now - .days(21), resolved: now - .days(20),
             summary: "Fax gateway queue stuck"),
  ]

  static let complianceItems: [ComplianceItem] = [
    ComplianceItem(id: "AF-12", kind: .auditFinding, system: "erp", owner: "Finance IT", severity: .high, opened: now - .days(90),
                   due: .date(LocalDate(year: 2026, month: 10, day: 31))),
    ComplianceItem(id: "AR-7", kind: .accessReview, system: "hr", owner: "People Services", severity: .medium, opened: now - .days(40),
                   due: .date(LocalDate(year: 2026, month: 11, day: 20))),
    ComplianceItem(id: "PE-3", kind: .policyException, system: "laptops", owner: "Service Desk", severity: .critical, opened: now - .days(200),
                   due: .date(LocalDate(year: 2026, month: 11, day: 27))),
    ComplianceItem(id: "TR-21", kind: .training, system: nil, owner: "Security Office", severity: .low, opened: now - .days(10),
                   due: .date(LocalDate(year: 2026, month: 12, day: 15))),
  ]

  static func files(age: Span = .seconds(12), failing: Bool = false) -> [FileReport] {
    FileKind.allCases.filter { $0 != .config }.map { kind in
      FileReport(path: kind.fileName, kind: kind, records: 10, modified: now - age, failure: failing && kind == .status ? "permission denied" : nil)
    }
  }

  static func snapshot(systems: [SystemHealth] = systems, files: [FileReport] = files(), missing: [FileKind] = []) -> Snapshot {
    let systems = classified(systems)
    var snapshot = Snapshot(
      asOf: now,
      organization: OrganizationSummary(name: "Northwind Council", currency: "EUR", fiscalYearStart: YearMonth(year: 2026, month: 4),
                                        fiscalYearEnd: YearMonth(year: 2027, month: 3)),
      systems: systems,
      incidents: IncidentSummary(open: [.p1: 1, .p2: 1, .p3: 1, .p4: 1], mttrMinutes: Windowed(day: 95, week: 150, month: 185),
                                 mttaMinutes: Windowed(day: 6, week: 9, month: 11), openList: openIncidents,
                                 unacknowledged: [.p1: 1, .p2: 0, .p3: 0, .p4: 1],
                                 byPriority30d: [.p1: .init(mttrMinutes: 95, mttaMinutes: 4), .p2: .init(mttrMinutes: 240, mttaMinutes: 12),
                                                 .p3: .init(mttrMinutes: 1440, mttaMinutes: nil), .p4: .init(mttrMinutes: nil, mttaMinutes: nil)],
                                 resolvedList: resolvedIncidents),
      budget: budget,
      compliance: ComplianceSummary(open: 4, overdue: 3, overdueByKind: ["audit-finding": 1, "access-review": 1, "policy-exception": 1],
                                    overdueBySeverity: ["high": 1, "medium": 1, "critical": 1], onTimeClosurePct: 82, oldestOverdueDays: 28,
                                    openItems: complianceItems),
      portfolio: PortfolioSummary(byCategory: [:], bySourcing: [:], byLifecycle: [:], byCriticality: [:], pastEndOfSupport: 1, belowSLA: 2,
                                  dataQualityPct: 90,
                                  lacking: [.owner: ["sensors"], .criticality: ["sensors"], .lifecycle: ["sensors"], .sla: ["laptops", "sensors"]]),
      kpis: kpis,
      data: DataSummary(files: files, issues: [DataIssue(file: "budget.csv", line: 14, message: "planned: expected a number, got \"n/a\"")],
                        missingKinds: missing))
    snapshot.governance = governance(systems)
    return snapshot
  }

  /// `snapshot` with every open incident acknowledged five minutes after it opened, for tests of
  /// header counts other than the unacknowledged incidents'.
  static func acknowledged(_ snapshot: Snapshot) -> Snapshot {
    var snapshot = snapshot
    for index in snapshot.incidents.openList.indices {
      snapshot.incidents.openList[index].acknowledged = snapshot.incidents.openList[index].opened + .minutes(5)
    }
    for priority in Priority.allCases { snapshot.incidents.unacknowledged[priority] = 0 }
    return snapshot
  }

  static let events: [FeedEvent] = [
    FeedEvent(time: now - .minutes(42), kind: .stateChange(system: "wan", from: .up, to: .down)),
    FeedEvent(time: now - .minutes(30), kind: .stateChange(system: "crm", from: .up, to: .degraded)),
    FeedEvent(time: now - .minutes(20), kind: .stateChange(system: "mail", from: .up, to: .maintenance)),
    FeedEvent(time: now - .minutes(3), kind: .dataIssue(DataIssue(file: "status.jsonl", line: 2_031, message: "state: expected up, degraded, down or maintenance"))),
  ]

  /// A state showing the fixture at a size and page.
  static func state(
    page: PageName = .overview, width: Int = 80, height: Int = 24, drawingMode: DrawingMode = .unicode, kiosk: Bool = false,
    rotateEvery: Span? = nil, eventCapacity: Int = 500, redactCosts: Bool = false
  ) -> AppState {
    var state = AppState(
      size: Size(width: width, height: height), themeNames: ["default", "light", "mono"], drawingMode: drawingMode,
      redactCosts: redactCosts, kiosk: kiosk, rotateEvery: rotateEvery, eventCapacity: eventCapacity)
    _ = state.update(.tick(now))
    _ = state.update(.snapshot(snapshot(), events))
    _ = state.update(.show(page))
    return state
  }
}
