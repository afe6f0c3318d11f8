import ImtopCore
import Testing

/// The Markdown report and the `imtop check --kpis` text.
@Suite struct SnapshotMarkdownTests {
  let snapshot = MetricsOrg.snapshot()

  @Test func reportHasATablePerSection() {
    let report = SnapshotMarkdown().render(snapshot)
    for heading in [
      "# Metrics Org: IT snapshot", "## Systems", "## Incidents", "## Budget", "### By month",
      "### By category", "### By type", "### By sourcing", "### By system", "## Compliance",
      "## Portfolio", "## KPIs", "## Data",
    ] {
      #expect(report.contains("\n" + heading + "\n") || report.hasPrefix(heading + "\n"), "\(heading)")
    }
    #expect(
      report.contains(
        // Availability and SLA with two decimals, MTBF (10.75 hours) a duration: the format table.
        "| ERP | up (impacted via db), below SLA | 98.47% | 98.47% | 98.47% | 99.50% | 1 | 10h 45m | — | 1 | €1,600.00 | €8.00 |"
      ))
    #expect(report.contains("| Forecast at year end | €10,526.83 |"))
    // The plan minus the forecast is negative: the forecast is over the plan, said in words.
    #expect(report.contains("| Variance at completion | €126.83 over |"))
    #expect(report.contains("| 2026-05 | €2,400.00 | €2,550.00 |"))
    // July's 4,000 is booked for a month that has not closed on 15 June: apart, not in the month's bar.
    #expect(report.contains("| Booked ahead (months not closed) | €4,000.00 |"))
    #expect(report.contains("| 2026-07 | €5,000.00 | — |"))
    #expect(report.contains("| Patch latency | 20d | 14d | 21d | 30d | lower | OK |"))
    #expect(report.contains("- budget.csv:7: unknown system \"ghost2\""))
    #expect(
      report.contains(
        "| Broken (column 17: expected ')' after the arguments of avg) | — | — | — | — | lower | UNKNOWN |"))
  }

  @Test func redactionHidesMoneyOnly() {
    let report = SnapshotMarkdown(redactMoney: true).render(snapshot)
    #expect(!report.contains("€"))
    #expect(report.contains("| Forecast at year end | ••• |"))
    #expect(report.contains("| Booked ahead (months not closed) | ••• |"))
    #expect(report.contains("| Forecast | ••• | ••• |"))
    #expect(report.contains("| Variance | 1.2% over |"))
  }

  @Test func untrustedTextCannotBreakTheTable() {
    var dataSet = MetricsOrg.dataSet
    dataSet.systems[0].name = "E|R*P\n\u{1B}[31m"
    let report = SnapshotMarkdown().render(
      MetricEngine(trendPoints: 0).snapshot(of: dataSet.engineInput(at: MetricsOrg.now), at: MetricsOrg.now))
    #expect(report.contains("| E\\|R\\*P \u{241B}\\[31m |"))
    #expect(!report.contains("\u{1B}"))
  }

  @Test func kpiCheckReportsEachKPIAndTheWorstStatus() {
    let check = KPICheck(kpis: snapshot.kpis)
    let lines = check.text.split(separator: "\n").map(String.init)
    #expect(check.status == .unknown)
    #expect(check.exitCode == 3)
    #expect(lines.count == 14)
    // The status line, then the performance data (KPIPerfDataTests).
    #expect(lines[0].hasPrefix("KPI UNKNOWN - 3 ok, 7 warn, 1 crit, 2 unknown | 'Systems meeting SLA'=0%;90:;75:;; "))
    #expect(lines[1] == "CRITICAL: Systems meeting SLA = 0% (higher is better, target 100, warn 90, crit 75)")
    #expect(lines[2] == "WARNING: Open P1 incidents = 2 (lower is better, target 0, warn 1, crit 3)")
    #expect(lines[4] == "OK: Budget variance = 1.22% (closest to target, target 0, warn 5, crit 10)")
    #expect(lines[9] == "UNKNOWN: KPI \"Broken\": column 17: expected ')' after the arguments of avg")
    #expect(lines[10] == "UNKNOWN: Ratio = unknown (lower is better)")
    #expect(lines[13] == "OK: Forecast = 10526.83 EUR (lower is better)")
  }

  @Test func kpiCheckExitCodes() {
    func result(_ status: KPIStatus) -> KPIResult {
      KPIResult(
        definition: KPIDefinition(name: status.rawValue, expression: "1"), value: 1, status: status, isBuiltIn: false)
    }
    #expect(KPICheck(kpis: []).exitCode == 0)
    #expect(KPICheck(kpis: [result(.ok)]).exitCode == 0)
    #expect(KPICheck(kpis: [result(.ok), result(.warn)]).exitCode == 1)
    #expect(KPICheck(kpis: [result(.crit), result(.warn)]).exitCode == 2)
    #expect(KPICheck(kpis: [result(.crit), result(.unknown)]).exitCode == 3)
    #expect(KPICheck(kpis: [], redactMoney: true).text == "KPI OK - no KPIs\n")
  }
}
