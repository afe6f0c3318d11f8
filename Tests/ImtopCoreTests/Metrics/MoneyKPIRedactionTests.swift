import ImtopCore
import Testing

/// Money KPIs keep their thresholds hidden too when costs are redacted.
@Suite struct MoneyKPIRedactionTests {
  let snapshot: Snapshot = {
    var dataSet = MetricsOrg.dataSet
    dataSet.configuration.kpis = [
      KPIDefinition(
        name: "Burn", expression: "burn_rate() / 2", unit: "EUR", target: 1000, warn: 1500, crit: 2000, better: .lower)
    ]
    let input = dataSet.engineInput(at: MetricsOrg.now)
    return MetricEngine(trendPoints: 0).snapshot(of: input, at: MetricsOrg.now)
  }()

  @Test func thresholdsOfMoneyKPIsAreRedacted() throws {
    let burn = try #require(snapshot.kpis.last)
    // burn 2075.00 / 2 = 1037.5: above the target, below warn → ok, whatever is shown.
    #expect(burn.value == 1037.5)
    #expect(burn.isMoney)
    #expect(burn.status == .ok)
    let json = SnapshotJSON(redactMoney: true, pretty: false).encode(snapshot)
    #expect(
      json.contains("{\"name\":\"Burn\",\"value\":null,\"unit\":\"EUR\",\"target\":null,\"warn\":null,\"crit\":null,"))
    let plain = SnapshotJSON(pretty: false).encode(snapshot)
    #expect(
      plain.contains(
        "{\"name\":\"Burn\",\"value\":1037.5,\"unit\":\"EUR\",\"target\":1000,\"warn\":1500,\"crit\":2000,"))
    // Unredacted, a money KPI's figures are money like every amount in the report.
    #expect(
      SnapshotMarkdown().render(snapshot).contains("| Burn | €1,037.50 | €1,000.00 | €1,500.00 | €2,000.00 | lower | OK |"))
    #expect(
      SnapshotMarkdown(redactMoney: true).render(snapshot).contains(
        "| Burn | ••• | ••• | ••• | ••• | lower | OK |"))
    let line = KPICheck(kpis: snapshot.kpis, redactMoney: true).text.split(separator: "\n").last
    #expect(line == "OK: Burn = ••• (lower is better, target •••, warn •••, crit •••)")
  }
}
