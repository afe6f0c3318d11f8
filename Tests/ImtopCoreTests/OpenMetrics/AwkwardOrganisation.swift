import ImtopCore
import ImtopTestSupport

/// An organisation full of what an exposition format trips on: ids, names, owners, KPI names and file
/// paths with double quotes, backslashes, line breaks, `}` and `=`, other control characters,
/// non-ASCII letters and emoji; a system never sampled and one without an SLA (figures that are
/// null); a money KPI.
enum AwkwardOrganisation {
  static let now = utc(2026, 6, 15, 12)

  /// The ids, each exactly as a label value must give it back.
  static let quoted = #"say "hi""#
  static let backslashed = #"C:\share\new"#
  static let broken = "line one\nline two"
  static let unicode = "Zürich-データ-🚀"
  static let braced = #"a},b="c"#
  /// Control characters other than the line feed go as they are (both formats allow them).
  static let control = "tab\tbell\u{7}return\rend"
  static let silent = "never-sampled"
  static let ids = [quoted, backslashed, broken, unicode, braced, control, silent]

  static var configuration: Configuration {
    Configuration(
      organizationName: #"The "Org" \ Co"#, currency: "EUR",
      kpis: [
        KPIDefinition(name: #"P1 "now" \ count"#, expression: "open_incidents('P1')", target: 0, warn: 1, crit: 3, better: .lower),
        KPIDefinition(name: "Budget\nforecast", expression: "forecast()", unit: "EUR", better: .lower),
        KPIDefinition(name: "Verfügbarkeit ✓", expression: "availability(24h)", unit: "%", warn: 99, crit: 95),
        KPIDefinition(name: "Never computed", expression: "avg(metric('nothing'), 30d)", unit: "days", better: .lower),
      ])
  }

  static var systems: [SystemRecord] {
    [
      SystemRecord(id: quoted, name: #"The "quoted" one"#, category: #"Cat\egory"#, owner: "Team\nOne", users: 10, sla: 99.9),
      SystemRecord(id: backslashed, name: "Back\\slash", category: "Infra", owner: "Ops", users: 0, sla: 99.5),
      SystemRecord(id: broken, name: "Two\nlines", category: "ERP", owner: "Finance", sla: 98),
      SystemRecord(id: unicode, name: "Données ✓", category: "Données", owner: "Équipe", users: 3),
      SystemRecord(id: braced, name: "{x}", category: "", owner: "", sla: 99),
      SystemRecord(id: control, name: "Control\tcharacters", category: "Ops", owner: "Ops", sla: 99),
      SystemRecord(id: silent, name: "Never sampled", category: "Data", owner: "Ops", sla: 99.9),
    ]
  }

  static var status: [StatusSample] {
    var all: [StatusSample] = []
    for (id, state) in [(quoted, ServiceState.up), (backslashed, .down), (broken, .degraded), (unicode, .maintenance), (braced, .up), (control, .down)] {
      for minute in stride(from: 0, through: 120, by: 5) {
        var sample = StatusSample(timestamp: now - .minutes(Int64(minute)), system: id, state: minute == 60 ? .down : state)
        sample.latencyMs = minute == 0 && state == .up ? 123.5 : nil
        all.append(sample)
      }
    }
    return all
  }

  static var budget: [BudgetLine] {
    [
      BudgetLine(
        period: YearMonth(year: 2026, month: 3), system: quoted, category: .license, type: .opex,
        planned: Money(minorUnits: 123_456), actual: Money(minorUnits: 120_001)),
      BudgetLine(
        period: YearMonth(year: 2026, month: 4), system: broken, category: .staff, type: .opex,
        planned: Money(minorUnits: 50_000), actual: Money(minorUnits: 61_234)),
      BudgetLine(
        period: YearMonth(year: 2026, month: 9), system: nil, category: .hardware, type: .capex,
        planned: Money(minorUnits: 99_900), actual: nil),
    ]
  }

  static var incidents: [Incident] {
    [
      Incident(id: "I\"1", system: quoted, priority: .p1, opened: now - .hours(3), acknowledged: now - .hours(2)),
      Incident(id: "I2", system: broken, priority: .p3, opened: now - .hours(30), resolved: now - .hours(29)),
    ]
  }

  static var files: [FileReport] {
    [
      FileReport(path: "systems.csv", kind: .systems, records: 6, modified: now - .minutes(5)),
      FileReport(path: #"status/probe "a"\b.jsonl"#, kind: .status, records: 125, errors: 2, modified: now - .seconds(30)),
      FileReport(path: "budget/plan\n2026.csv", kind: .budget, records: 3, modified: nil, failure: "not UTF-8 text"),
    ]
  }

  static var organisation: TestOrganisation {
    TestOrganisation(
      configuration: configuration, systems: systems, budget: budget, status: status, incidents: incidents, files: files,
      issues: [DataIssue(file: "budget.csv", line: 3, message: "a \"bad\" amount", severity: .error)])
  }

  static var snapshot: Snapshot { MetricEngine().snapshot(of: organisation, at: now) }
}
