import ImtopCore
import ImtopTestSupport

// `utc(...)` (a UTC instant from its civil parts) is shared with the reader tests: ReaderTestSupport.swift.

func euros(_ major: Int64, _ cents: Int64 = 0) -> Money { Money(minorUnits: major * 100 + cents) }

/// Samples of one state every `step` from `from` to `through` inclusive.
func samples(
  _ system: String, _ state: ServiceState, from: Timestamp, through: Timestamp, every step: Span = .minutes(5)
) -> [StatusSample] {
  stride(from: from.milliseconds, through: through.milliseconds, by: Int(step.milliseconds)).map {
    StatusSample(timestamp: Timestamp(milliseconds: $0), system: system, state: state)
  }
}

/// The hand-computed fixture organisation: every figure it yields is worked out in
/// `Fixtures/metrics-org/WORKING.md`, and `MetricsOrgTests` asserts them field by field.
enum MetricsOrg {
  static let now = utc(2026, 6, 15, 12)
  static let berlin = Zone(identifier: "Europe/Berlin") ?? .utc

  static var configuration: Configuration {
    Configuration(
      organizationName: "Metrics Org", currency: "EUR", fiscalYearStart: 4, zone: berlin,
      staleAfter: .minutes(10),
      kpis: [
        KPIDefinition(
          name: "Patch latency", expression: "avg(metric('patch_latency_days'), 30d)", unit: "days", target: 14,
          warn: 21, crit: 30, better: .lower),
        KPIDefinition(name: "Broken", expression: "avg(metric('x') 30d)", better: .lower),
        KPIDefinition(name: "Ratio", expression: "open_incidents() / (overdue() - 4)", better: .lower),
        KPIDefinition(
          name: "Data quality", expression: "data_quality() + 10", unit: "%", target: 100, warn: 90, crit: 75,
          better: .higher),
        KPIDefinition(name: "ERP availability", expression: "availability('erp', 24h)", unit: "%", warn: 99, crit: 95),
        KPIDefinition(name: "Portfolio availability", expression: "availability(24h)", unit: "%", warn: 99, crit: 95),
        KPIDefinition(name: "Forecast", expression: "forecast()", unit: "EUR", better: .lower),
      ])
  }

  static let systems: [SystemRecord] = [
    SystemRecord(
      id: "erp", name: "ERP", category: "ERP", sourcing: .purchased, owner: "Finance IT", criticality: 1,
      lifecycle: .active, users: 200, sla: 99.5, endOfSupport: LocalDate(year: 2027, month: 12, day: 31),
      dependsOn: ["db"]),
    SystemRecord(
      id: "db", name: "Database", category: "Data", sourcing: .openSource, owner: "Platform team", criticality: 1,
      lifecycle: .active, sla: 99.9, endOfSupport: LocalDate(year: 2026, month: 6, day: 14)),
    SystemRecord(
      id: "crm", name: "CRM", category: "CRM", kind: .service, sourcing: .saas, owner: "Sales ops", criticality: 2,
      lifecycle: .active, users: 0, dependsOn: ["erp"]),
    SystemRecord(id: "wiki", name: "Wiki", users: 50, dependsOn: ["loopa"]),
    SystemRecord(
      id: "loopa", name: "Loop A", category: "Collaboration", sourcing: .proprietary, owner: "Ops", criticality: 3,
      lifecycle: .phaseOut, users: 10, sla: 99.0, dependsOn: ["loopb"]),
    SystemRecord(
      id: "loopb", name: "Loop B", category: "Collaboration", sourcing: .proprietary, owner: "Ops", criticality: 3,
      lifecycle: .plan, sla: 95, endOfSupport: LocalDate(year: 2026, month: 6, day: 15), dependsOn: ["loopa"]),
  ]

  static var status: [StatusSample] {
    var db = samples("db", .down, from: utc(2026, 6, 10, 0), through: utc(2026, 6, 10, 1))
    db += samples("db", .up, from: utc(2026, 6, 14, 12), through: utc(2026, 6, 15, 11))
    db += samples("db", .down, from: utc(2026, 6, 15, 11, 5), through: now)
    db[db.count - 2].latencyMs = 240
    db[db.count - 1].latencyMs = 250
    db[db.count - 1].message = "connection refused"
    var erp = samples("erp", .up, from: utc(2026, 6, 15, 0), through: utc(2026, 6, 15, 1, 55))
    erp += samples("erp", .maintenance, from: utc(2026, 6, 15, 2), through: utc(2026, 6, 15, 3))
    erp += samples("erp", .up, from: utc(2026, 6, 15, 3, 5), through: utc(2026, 6, 15, 5, 55))
    erp += [StatusSample(timestamp: utc(2026, 6, 15, 6), system: "erp", state: .degraded)]
    erp += samples("erp", .up, from: utc(2026, 6, 15, 6, 5), through: utc(2026, 6, 15, 8, 55))
    erp += samples("erp", .down, from: utc(2026, 6, 15, 9), through: utc(2026, 6, 15, 9, 5))
    erp += samples("erp", .up, from: utc(2026, 6, 15, 9, 10), through: now)
    var crm = samples("crm", .up, from: utc(2026, 6, 15, 11), through: now)
    crm.append(StatusSample(timestamp: utc(2026, 6, 15, 12, 5), system: "crm", state: .down))
    let wiki = samples("wiki", .maintenance, from: utc(2026, 6, 15, 11), through: now)
    let ghost = [StatusSample(timestamp: utc(2026, 6, 15, 11, 58), system: "ghost", state: .down)]
    // Interleaved as several monitors would append them; the engine sorts.
    return crm + erp + ghost + db + wiki
  }

  static let incidents: [Incident] = [
    Incident(
      id: "I1", system: "erp", priority: .p1, opened: utc(2026, 6, 15, 9), acknowledged: utc(2026, 6, 15, 9, 15)),
    Incident(
      id: "I2", system: "db", priority: .p1, opened: utc(2026, 6, 15, 11, 5), acknowledged: utc(2026, 6, 15, 11, 10),
      resolved: utc(2026, 6, 15, 12, 30)),
    Incident(id: "I3", system: "crm", priority: .p2, opened: utc(2026, 6, 15, 13)),
    Incident(
      id: "I4", system: "erp", priority: .p3, opened: utc(2026, 6, 14, 8), acknowledged: utc(2026, 6, 14, 8, 30),
      resolved: utc(2026, 6, 14, 14)),
    Incident(
      id: "I5", system: "db", priority: .p2, opened: utc(2026, 6, 10, 0, 5), acknowledged: utc(2026, 6, 10, 0, 20),
      resolved: utc(2026, 6, 10, 1, 5)),
    Incident(
      id: "I6", system: "wiki", priority: .p4, opened: utc(2026, 5, 20, 10), acknowledged: utc(2026, 5, 20, 12),
      resolved: utc(2026, 5, 21, 10)),
    Incident(id: "I7", system: "ghost", priority: .p4, opened: utc(2026, 6, 15, 11, 58)),
  ]

  static let budget: [BudgetLine] = [
    line(2026, 3, "erp", .license, .capex, 1000, 1000),
    line(2026, 4, "erp", .license, .opex, 1200, 1100),
    line(2026, 4, nil, .staff, .opex, 500, 500),
    line(2026, 5, "erp", .maintenance, .opex, 300, 450),
    line(2026, 5, "db", .hardware, .capex, 2000, 1900),
    line(2026, 5, "ghost2", .other, .opex, 100, 150),
    line(2026, 6, "erp", .maintenance, .opex, 300, nil),
    line(2026, 6, "crm", .license, .opex, 600, nil),
    line(2026, 7, "erp", .setup, .capex, 5000, 4000),
    line(2027, 3, "wiki", .training, .opex, 400, nil),
    line(2027, 4, "erp", .license, .opex, 999, nil),
    line(2026, 5, "erp", .maintenance, .opex, 0, 50),
  ]

  static func line(
    _ year: Int, _ month: Int, _ system: String?, _ category: BudgetCategory, _ type: CostType, _ planned: Int64,
    _ actual: Int64?
  ) -> BudgetLine {
    BudgetLine(
      period: YearMonth(year: year, month: month), system: system, category: category, type: type,
      planned: euros(planned), actual: actual.map { euros($0) })
  }

  static let compliance: [ComplianceItem] = [
    item("C1", .accessReview, .high, opened: utc(2026, 6, 1), due: .date(LocalDate(year: 2026, month: 6, day: 14))),
    item("C2", .auditFinding, .critical, opened: utc(2026, 5, 1), due: .date(LocalDate(year: 2026, month: 6, day: 15))),
    item("C3", .training, .low, opened: utc(2026, 4, 1), due: .date(LocalDate(year: 2026, month: 5, day: 31))),
    item(
      "C4", .retention, .medium, opened: utc(2026, 4, 1), due: .date(LocalDate(year: 2026, month: 5, day: 1)),
      closed: utc(2026, 5, 1, 21, 30)),
    item(
      "C5", .policyException, .high, opened: utc(2026, 4, 1), due: .date(LocalDate(year: 2026, month: 5, day: 10)),
      closed: utc(2026, 5, 10, 22, 30)),
    item(
      "C6", .auditFinding, .medium, opened: utc(2026, 4, 1), due: .date(LocalDate(year: 2026, month: 6, day: 1)),
      closed: utc(2026, 6, 20)),
    item("C7", .training, .low, opened: utc(2026, 6, 16), due: .date(LocalDate(year: 2026, month: 6, day: 1))),
    item("C8", .accessReview, .low, opened: utc(2026, 6, 1), due: .instant(utc(2026, 6, 15, 11))),
  ]

  static func item(
    _ id: String, _ kind: ComplianceKind, _ severity: Severity, opened: Timestamp, due: Deadline,
    closed: Timestamp? = nil
  ) -> ComplianceItem {
    ComplianceItem(id: id, kind: kind, severity: severity, opened: opened, due: due, closed: closed)
  }

  static let metrics: [MetricSample] = [
    MetricSample(timestamp: utc(2026, 5, 1), metric: "patch_latency_days", value: 100),
    MetricSample(timestamp: utc(2026, 6, 1), metric: "patch_latency_days", value: 10),
    MetricSample(timestamp: utc(2026, 6, 10), metric: "patch_latency_days", value: 20),
    MetricSample(timestamp: now, metric: "patch_latency_days", value: 30),
    MetricSample(timestamp: utc(2026, 6, 16), metric: "patch_latency_days", value: 1000),
  ]

  static let files: [FileReport] = [
    FileReport(path: "systems.csv", kind: .systems, records: 6, modified: utc(2026, 6, 15, 11)),
    FileReport(path: "status.jsonl", kind: .status, records: 500, modified: utc(2026, 6, 15, 12, 0, 30)),
    FileReport(path: "budget.csv", kind: .budget, records: 12, errors: 1),
  ]

  static let issues = [DataIssue(file: "budget.csv", line: 7, message: "unknown system \"ghost2\"")]

  static var dataSet: TestOrganisation {
    TestOrganisation(
      configuration: configuration, systems: systems, budget: budget, status: status, incidents: incidents,
      metrics: metrics, compliance: compliance, files: files, issues: issues)
  }

  static func snapshot(at instant: Timestamp = now, engine: MetricEngine = MetricEngine()) -> Snapshot {
    engine.snapshot(of: dataSet, at: instant)
  }
}
