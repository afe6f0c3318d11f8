import Foundation
import ImtopTestSupport
import Testing

@testable import ImtopCore

/// Every governance figure of `GovernanceOrg`, worked out by hand (today is 2026-12-01).
@Suite struct GovernanceFigureTests {
  /// Required 20+10+5+8+0+0+4 = 47, completed 18+10+1+3+0+0+2 = 34. Overdue: Finance (due
  /// yesterday, 2 short), GDPR People (5 short), the drill (due yesterday 18:00, 2 short); Digital
  /// is due today, GDPR Contractors and Records handling require nobody.
  @Test func training() throws {
    let training = try #require(try GovernanceOrg.snapshot().governance.training)
    #expect(training.required == 47)
    #expect(training.completed == 34)
    #expect(training.completionPct == 34.0 / 47.0 * 100)
    #expect(training.overdue == 3)
    #expect(training.peopleOutstanding == 9)
    // "Security awareness " groups with "Security awareness" once trimmed.
    #expect(training.byCourse.keys.sorted() == ["GDPR basics", "Incident drill", "Records handling", "Security awareness"])
    #expect(training.byCourse["Security awareness"]?.required == 35)
    #expect(training.byCourse["Security awareness"]?.completed == 29)
    #expect(training.byCourse["Security awareness"]?.completionPct == 29.0 / 35.0 * 100)
    #expect(training.byCourse["GDPR basics"]?.completionPct == 37.5)
    #expect(training.byCourse["Incident drill"]?.completionPct == 50)
    #expect(training.byCourse["Records handling"]?.required == 0)
    #expect(training.byCourse["Records handling"]?.completionPct == nil)
    // Overdue first, most people outstanding first, then the earliest deadline (the drill's was 18:00).
    #expect(training.overdueRows.map(\.audience) == ["People", "Ops", "Finance"])
  }

  /// Roles 8, accounts 3+100+2+0+5+0+4+10 = 124, privileged 3+2+5 = 10. Overdue: erp admin (never
  /// reviewed), lan netops (2026-08-02 + 90 = 2026-10-31), web viewer (never, 0 accounts), hr
  /// payroll (2025-11-30 + 365 = yesterday). Due today, not overdue: rec admin (2026-09-02 + the
  /// privileged default 90) and rec clerk (2025-12-01 + the default 365).
  @Test func access() throws {
    let access = try #require(try GovernanceOrg.snapshot().governance.access)
    #expect(access.roles == 8)
    #expect(access.accounts == 124)
    #expect(access.privilegedAccounts == 10)
    #expect(access.overdueRoles == 4)
    #expect(access.coveragePct == 106.0 / 124.0 * 100)
    #expect(access.privilegedInOverdueRoles == 8)
    #expect(access.bySystem["erp"] == SystemAccess(accounts: 103, privilegedAccounts: 3, overdueRoles: 1))
    #expect(access.bySystem["rec"] == SystemAccess(accounts: 2, privilegedAccounts: 2, overdueRoles: 0))
    #expect(access.bySystem["lan"] == SystemAccess(accounts: 5, privilegedAccounts: 5, overdueRoles: 1))
    #expect(access.bySystem["web"] == SystemAccess(accounts: 0, privilegedAccounts: 0, overdueRoles: 1))
    #expect(access.bySystem["hr"] == SystemAccess(accounts: 10, privilegedAccounts: 0, overdueRoles: 1))
    #expect(access.bySystem["ghost"] == SystemAccess(accounts: 4, privilegedAccounts: 0, overdueRoles: 0))
    #expect(access.bySystem["dms"] == nil)
    // Privileged first (never reviewed before reviewed), then the rest.
    #expect(access.overdueList.map { "\($0.system)/\($0.role)" } == ["erp/admin", "lan/netops", "web/viewer", "hr/payroll"])
  }

  /// Disposal dates: ledgers 2016-02-29 + 10y = 2026-02-28 (on hold); payroll 2019-02-28 + 7y =
  /// 2026-02-28, 276 days past; leap day 2024-02-29 + 1y = 2025-02-28, 641 days past, no record
  /// count; contracts 2025-06-01 + 18m = today (not past); visitor logs 2026-09-01 + 90d =
  /// 2026-11-30, 1 day past.
  @Test func retention() throws {
    let retention = try #require(try GovernanceOrg.snapshot().governance.retention)
    #expect(retention.series == 5)
    #expect(retention.pastRetention == 3)
    #expect(retention.recordsPastRetention == 800)
    #expect(retention.legalHolds == 1)
    #expect(retention.worstDaysPast == 641)
    #expect(retention.pastDisposal.map(\.series.series) == ["Leap day series", "Finance ledgers", "Payroll records", "Visitor logs"])
    #expect(retention.pastDisposal.map(\.daysPast) == [641, 276, 276, 1])
  }

  @Test func disposalDatesAreCalendarArithmetic() {
    let leapDay = LocalDate(year: 2024, month: 2, day: 29)
    #expect(RetentionPeriod(amount: 1, unit: .years).added(to: leapDay) == LocalDate(year: 2025, month: 2, day: 28))
    #expect(RetentionPeriod(amount: 4, unit: .years).added(to: leapDay) == LocalDate(year: 2028, month: 2, day: 29))
    #expect(RetentionPeriod(amount: 1, unit: .months).added(to: LocalDate(year: 2026, month: 1, day: 31)) == LocalDate(year: 2026, month: 2, day: 28))
    #expect(RetentionPeriod(amount: 18, unit: .months).added(to: LocalDate(year: 2025, month: 6, day: 1)) == LocalDate(year: 2026, month: 12, day: 1))
    #expect(RetentionPeriod(amount: 90, unit: .days).added(to: LocalDate(year: 2026, month: 9, day: 1)) == LocalDate(year: 2026, month: 11, day: 30))
  }

  /// Sensitive: erp, dms (confidential), hr, lan (personal data), rec (restricted). Exposed: erp
  /// (admin never reviewed; C2 is due today), hr (past end of support yesterday, payroll overdue),
  /// lan (netops overdue; its end of support is today, C4 only medium), rec (C1, high, due
  /// yesterday). web's critical C3 and never reviewed viewer do not count: it is not sensitive.
  @Test func dataClasses() throws {
    let data = try #require(try GovernanceOrg.snapshot().governance.data)
    #expect(data.byClass == ["confidential": 2, "internal": 1, "public": 1, "restricted": 1, "unknown": 1])
    #expect(data.personalData == 2)
    #expect(data.sensitive == 5)
    #expect(data.exposed == ["erp", "hr", "lan", "rec"])
    #expect(data.reasons["erp"] == [.overdueAccessReview])
    #expect(data.reasons["hr"] == [.pastEndOfSupport, .overdueAccessReview])
    #expect(data.reasons["lan"] == [.overdueAccessReview])
    #expect(data.reasons["rec"] == [.overdueComplianceItem])
    #expect(data.reasons["dms"] == nil)
  }

  @Test func kpis() throws {
    let kpis = try GovernanceOrg.snapshot().kpis
    func kpi(_ name: String) -> KPIResult? { kpis.first { $0.definition.name == name } }
    #expect(kpi("Training completion")?.value == 34.0 / 47.0 * 100)
    #expect(kpi("Training completion")?.status == .crit)  // 72.3 ≤ 75
    #expect(kpi("Access review coverage")?.value == 106.0 / 124.0 * 100)
    #expect(kpi("Access review coverage")?.status == .warn)  // 85.5: ≤ 95, > 80
    #expect(kpi("Records past retention")?.value == 3)
    #expect(kpi("Records past retention")?.status == .crit)
    #expect(kpi("Exposed sensitive systems")?.value == 4)
    #expect(kpi("Exposed sensitive systems")?.status == .crit)
    #expect(kpis.suffix(4).map(\.definition.name) == [
      "Training completion", "Access review coverage", "Records past retention", "Exposed sensitive systems",
    ])
    #expect(kpis.suffix(4).allSatisfy { $0.isBuiltIn })
  }

  /// Without their files the parts are nil and their KPIs are not listed.
  @Test func absentFilesGiveNullPartsAndNoKPIs() throws {
    let plainSystems = "id,name,end_of_support\nerp,ERP,2020-01-01\n"
    let snapshot = try GovernanceOrg.snapshot(
      without: ["training.csv", "access.csv", "retention.csv"], systems: plainSystems)
    #expect(snapshot.governance == GovernanceSummary())
    let names = snapshot.kpis.map(\.definition.name)
    #expect(names.count == 7)
    #expect(!names.contains("Training completion") && !names.contains("Exposed sensitive systems"))
    let json = SnapshotJSON(pretty: false).encode(snapshot)
    #expect(json.contains(#""governance":{"training":null,"access":null,"retention":null,"data":null}"#))
  }

  /// A data column alone (no other file) lists the exposure KPI, and a system past end of
  /// support with personal data is exposed.
  @Test func aPersonalDataColumnAloneIsEnough() throws {
    let snapshot = try GovernanceOrg.snapshot(
      without: ["training.csv", "access.csv", "retention.csv"], systems: "id,end_of_support,personal_data\nerp,2020-01-01,yes\nweb,,\n")
    let data = try #require(snapshot.governance.data)
    #expect(data.byClass == ["unknown": 2])
    #expect(data.exposed == ["erp"])
    #expect(snapshot.kpis.map(\.definition.name).last == "Exposed sensitive systems")
  }

  /// Files present but empty: counts 0, percentages and the worst days null.
  @Test func emptyFiles() throws {
    let directory = try TemporaryDirectory(prefix: "imtop-governance")
    defer { directory.remove() }
    try directory.write([
      "systems.csv": "id\nerp\n", "training.csv": "course,required,completed,due\n",
      "access.csv": "system,role\n", "retention.csv": "series,retention,oldest\n",
    ])
    let reading = DirectoryReading(directory: directory.path, at: GovernanceOrg.now)
    let snapshot = MetricEngine(trendPoints: 0).snapshot(of: reading.input, at: reading.now)
    #expect(snapshot.governance.training == TrainingSummary())
    #expect(snapshot.governance.access == AccessSummary())
    #expect(snapshot.governance.retention == RetentionSummary())
    #expect(snapshot.governance.data == nil)
    #expect(snapshot.kpis.first { $0.definition.name == "Training completion" }?.status == .unknown)
  }

  /// A `[[kpi]]` of a built-in's name replaces it, and the new functions work in any expression.
  @Test func aConfiguredKPIReplacesABuiltIn() throws {
    let config = """
      [[kpi]]
      name = "Training completion"
      expr = "training_completion() + past_retention() + exposed() + review_coverage() * 0"
      unit = "%"
      target = 100
      warn = 90
      crit = 75
      better = "higher"

      """
    let kpis = try GovernanceOrg.snapshot(config: config).kpis
    let replaced = try #require(kpis.first { $0.definition.name == "Training completion" })
    #expect(!replaced.isBuiltIn)
    #expect(replaced.value == 34.0 / 47.0 * 100 + 3 + 4)
    #expect(kpis.filter { $0.definition.name == "Training completion" }.count == 1)
  }

  /// Ids not in `systems.csv` count in the figures and are listed as unregistered, once, with the kinds naming them.
  @Test func unregisteredIds() throws {
    let snapshot = try GovernanceOrg.snapshot()
    let ghost = try #require(snapshot.data.unregistered.first { $0.id == "ghost" })
    #expect(ghost.kinds == [.training, .access])
    #expect(ghost.records == 2)
    #expect(snapshot.data.issues.contains(DataIssue(
      file: "training.csv", line: 8, message: "unknown system \"ghost\": not in systems.csv", severity: .warning)))
  }

  /// The JSON shape, field by field.
  @Test func json() throws {
    let json = SnapshotJSON(pretty: false).encode(try GovernanceOrg.snapshot())
    let expected = #""governance":{"training":{"required":47,"completed":34,"completion_pct":72.34,"overdue":3,"people_outstanding":9,"by_course":{"GDPR basics":{"required":8,"completed":3,"completion_pct":37.5},"Incident drill":{"required":4,"completed":2,"completion_pct":50},"Records handling":{"required":0,"completed":0,"completion_pct":null},"Security awareness":{"required":35,"completed":29,"completion_pct":82.86}}},"access":{"roles":8,"accounts":124,"privileged_accounts":10,"overdue_roles":4,"coverage_pct":85.48,"privileged_in_overdue_roles":8,"by_system":{"erp":{"accounts":103,"privileged_accounts":3,"overdue_roles":1},"ghost":{"accounts":4,"privileged_accounts":0,"overdue_roles":0},"hr":{"accounts":10,"privileged_accounts":0,"overdue_roles":1},"lan":{"accounts":5,"privileged_accounts":5,"overdue_roles":1},"rec":{"accounts":2,"privileged_accounts":2,"overdue_roles":0},"web":{"accounts":0,"privileged_accounts":0,"overdue_roles":1}}},"retention":{"series":5,"past_retention":3,"records_past_retention":800,"legal_holds":1,"worst_days_past":641},"data":{"by_class":{"confidential":2,"internal":1,"public":1,"restricted":1,"unknown":1},"personal_data":2,"sensitive":5,"exposed":["erp","hr","lan","rec"]}}"#
    #expect(json.contains(expected))
  }

  /// Each kind may be a folder of files, read in name order and summed.
  @Test func foldersOfFiles() throws {
    let directory = try TemporaryDirectory(prefix: "imtop-governance")
    defer { directory.remove() }
    try directory.write([
      "systems.csv": "id\nerp\n",
      "training/a.csv": "course,required,completed,due\nX,4,1,2026-01-01\n",
      "training/b.csv": "course,required,completed,due\nX,6,6,2026-01-01\n",
      "access/iam.csv": "system,role,accounts\nerp,user,7\n",
      "retention/records.csv": "series,retention,oldest\nA,1y,2020-01-01\n",
    ])
    let reading = DirectoryReading(directory: directory.path, at: GovernanceOrg.now)
    let governance = MetricEngine(trendPoints: 0).snapshot(of: reading.input, at: reading.now).governance
    #expect(governance.training?.byCourse["X"]?.required == 10)
    #expect(governance.training?.byCourse["X"]?.completed == 7)
    #expect(governance.training?.overdue == 1)
    #expect(governance.access?.overdueRoles == 1)
    #expect(governance.retention?.pastRetention == 1)
  }
}

/// The demo organisation's governance is alive: courses behind, an administrator role never
/// reviewed, a finance series past its 10-year retention under legal hold and another not.
@Suite struct DemoGovernanceTests {
  @Test func theDemoHasSomethingOnEachPanel() throws {
    let now = utc(2026, 11, 26, 12)
    let directory = try TemporaryDirectory(prefix: "imtop-demo-governance")
    defer { directory.remove() }
    try DemoGenerator(seed: 7, now: now, historyDays: 1).write(to: directory.url)
    let reading = DirectoryReading(directory: directory.path, at: now)
    #expect(reading.input.issues.apartFromDataQuality.isEmpty, "\(reading.input.issues)")
    let governance = MetricEngine(trendPoints: 0).snapshot(of: reading.input, at: now).governance
    let training = try #require(governance.training)
    #expect(training.overdue == 3 && training.peopleOutstanding == 112 + 19 + 12)
    let access = try #require(governance.access)
    #expect(access.overdueList.contains { $0.system == "erp" && $0.privileged && $0.lastReview == nil })
    let retention = try #require(governance.retention)
    let past = Dictionary(uniqueKeysWithValues: retention.pastDisposal.map { ($0.series.series, $0.series.legalHold) })
    #expect(past["Accounts payable ledgers"] == true)
    #expect(past["General ledger journals"] == false)
    #expect(retention.legalHolds == 1)
    let data = try #require(governance.data)
    #expect(data.exposed.contains("erp") && data.exposed.contains("edrms"))
  }
}

/// The markdown report lists the governance items, not only their counts.
@Suite struct GovernanceMarkdownTests {
  @Test func itemsAreListed() throws {
    let text = SnapshotMarkdown().render(try GovernanceOrg.snapshot())
    // Percentages with one decimal and counts with separators, as on screen.
    #expect(text.contains("| Training completion | 72.3% |"))
    #expect(text.contains("| Access review coverage | 85.5% |"))
    #expect(text.contains("| Security awareness | Finance | ERP | 2026-11-30 | 18 | 20 | 2 |"))
    #expect(text.contains("| ERP | admin | yes | 3 | never | — |"))
    #expect(text.contains("| HR & Payroll | payroll | no | 10 | 2025-11-30 | 2026-11-30 |"))
    #expect(text.contains("| Leap day series | Records | 1y | 2024-02-29 | 2025-02-28 | 641 | — | no |"))
    #expect(text.contains("| Finance ledgers | ERP | 10y | 2016-02-29 | 2026-02-28 | 276 | 1,200 | yes |"))
    #expect(text.contains("| HR & Payroll | internal | yes | past end of support, access review overdue |"))
  }

  @Test func withoutGovernanceFilesTheSectionSaysSo() throws {
    let text = SnapshotMarkdown().render(
      try GovernanceOrg.snapshot(without: ["training.csv", "access.csv", "retention.csv"], systems: "id\nerp\n"))
    #expect(text.contains("## Governance\n\nNo training.csv, access.csv, retention.csv or data classes.\n"))
  }
}
