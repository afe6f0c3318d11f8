import ImtopCore
import Testing

/// KPI values from the fixture organisation (figures in `Fixtures/metrics-org/WORKING.md`).
@Suite struct KPIEvaluationTests {
  /// The value of one expression as a configured KPI in the fixture organisation at its `now`.
  func value(_ expression: String, trendPoints: Int = 0) -> KPIResult? {
    var dataSet = MetricsOrg.dataSet
    dataSet.configuration.kpis = [KPIDefinition(name: "probe", expression: expression)]
    let input = dataSet.engineInput(at: MetricsOrg.now)
    let snapshot = MetricEngine(trendPoints: trendPoints).snapshot(of: input, at: MetricsOrg.now)
    return snapshot.kpis.first { $0.definition.name == "probe" }
  }

  @Test func builtInFigureFunctions() {
    let expected: [(String, Double)] = [
      ("budget_variance()", 50.0 / 4100 * 100), ("burn_rate()", 2075), ("runway()", 6250.0 / 2075),
      ("forecast()", 10526.83), ("open_incidents()", 3), ("open_incidents('P1')", 2), ("open_incidents('P4')", 1),
      ("mttr(30d)", 620), ("mttr(24h)", 360), ("mtta(7d)", 16.25), ("overdue()", 4), ("data_quality()", 400.0 / 6),
      ("past_end_of_support()", 1), ("below_sla()", 2), ("systems_meeting_sla()", 0),
      ("availability('db', 24h)", 1385.0 / 1440 * 100), ("availability(24h)", 2090.0 / 2155 * 100),
    ]
    for (expression, number) in expected {
      #expect(near(value(expression)?.value, number), "\(expression)")
    }
  }

  @Test func metricAggregates() {
    // patch_latency_days: 100 on 05-01 (more than 30 days before now), 10 on 06-01, 20 on 06-10, 30 at
    // now, 1000 after now.
    let expected: [(String, Double)] = [
      ("avg(metric('patch_latency_days'), 30d)", 20), ("sum(metric('patch_latency_days'), 30d)", 60),
      ("min(metric('patch_latency_days'), 30d)", 10), ("max(metric('patch_latency_days'), 30d)", 30),
      ("count(metric('patch_latency_days'), 30d)", 3), ("last(metric('patch_latency_days'), 1d)", 30),
      ("metric('patch_latency_days')", 30), ("count(metric('nothing'), 30d)", 0),
      ("avg(metric('patch_latency_days'), 30d) * 2 - -1", 41),
    ]
    for (expression, number) in expected {
      #expect(value(expression)?.value == number, "\(expression)")
    }
    #expect(value("avg(metric('nothing'), 30d)")?.value == nil)
    #expect(value("avg(metric('patch_latency_days', 'erp'), 30d)")?.value == nil)
  }

  /// Figures and aggregates are computed once per instant and shared by every KPI naming them:
  /// KPIs that differ only in a window, a system or an aggregate, evaluated together, keep the
  /// values (and trends) each has alone.
  @Test func kpisEvaluatedTogetherKeepTheValuesEachHasAlone() {
    let expressions = [
      "availability(24h)", "availability(7d)", "availability(30d)", "availability('db', 24h)", "availability('erp', 24h)",
      "availability('db', 7d)", "mttr(30d)", "mttr(24h)", "mtta(7d)", "mtta(30d)", "open_incidents('P1')", "open_incidents()",
      "avg(metric('patch_latency_days'), 30d)", "max(metric('patch_latency_days'), 30d)",
      "avg(metric('patch_latency_days'), 1d)", "avg(metric('patch_latency_days', 'erp'), 30d)", "metric('patch_latency_days')",
      "availability(24h) - availability(7d)",
    ]
    var dataSet = MetricsOrg.dataSet
    dataSet.configuration.kpis = expressions.enumerated().map { KPIDefinition(name: "k\($0.offset)", expression: $0.element) }
    let input = dataSet.engineInput(at: MetricsOrg.now)
    let together = MetricEngine(trendPoints: 3).snapshot(of: input, at: MetricsOrg.now).kpis
    var distinct = Set<Double?>()
    for (index, expression) in expressions.enumerated() {
      let alone = value(expression, trendPoints: 3)
      let shared = together.first { $0.definition.name == "k\(index)" }
      #expect(shared?.value == alone?.value, "\(expression): together \(String(describing: shared?.value)), alone \(String(describing: alone?.value))")
      #expect(shared?.trend == alone?.trend, "\(expression)")
      distinct.insert(alone?.value)
    }
    // The expressions must tell a wrong sharing apart: most of them have values of their own.
    #expect(distinct.count >= 10)
  }

  @Test func divisionByZeroIsUnknownNotACrash() {
    let result = value("1 / (overdue() - 4)")
    #expect(result?.value == nil)
    #expect(result?.status == .unknown)
    #expect(result?.error == nil)
    #expect(value("0 / 0")?.value == nil)
  }

  @Test func unknownFiguresAreContagious() {
    // wiki has only maintenance time: availability unknown, and so is anything built on it.
    #expect(value("availability('wiki', 24h) + 1")?.value == nil)
    #expect(value("availability('nobody', 24h)")?.value == nil)
  }

  @Test func trendEvaluatesAtPastInstants() {
    // Daily steps: at now−2d and now−1d the 30d window holds 10 and 20 (mean 15); at now also 30.
    #expect(value("avg(metric('patch_latency_days'), 30d)", trendPoints: 3)?.trend == [15, 15, 20])
    // Open P1 incidents: none open a day or two earlier (I1 and I2 opened on the 15th).
    #expect(value("open_incidents('P1')", trendPoints: 3)?.trend == [0, 0, 2])
    #expect(value("overdue()", trendPoints: 0)?.trend == [])
  }

  @Test func configuredKPIReplacesABuiltInInPlace() {
    var dataSet = MetricsOrg.dataSet
    dataSet.configuration.kpis = [
      KPIDefinition(name: "Extra", expression: "1"),
      KPIDefinition(name: "MTTR (30d)", expression: "mttr(7d)", unit: "min", warn: 100, crit: 200, better: .lower),
    ]
    let kpis = MetricEngine(trendPoints: 0).snapshot(
      of: dataSet.engineInput(at: MetricsOrg.now), at: MetricsOrg.now
    ).kpis
    #expect(kpis.count == 8)
    #expect(kpis[2].definition.expression == "mttr(7d)")
    #expect(!kpis[2].isBuiltIn)
    #expect(kpis[2].value == 210)
    #expect(kpis[2].status == .crit)
    #expect(kpis[7].definition.name == "Extra")
    #expect(kpis[7].status == .ok)
  }

  @Test func builtInsHaveTheDocumentedThresholds() {
    let rows = BuiltInKPIs.definitions.map {
      "\($0.name)|\($0.unit)|\($0.better.rawValue)|\($0.target ?? -1)|\($0.warn ?? -1)|\($0.crit ?? -1)"
    }
    #expect(
      rows == [
        "Systems meeting SLA|%|higher|100.0|90.0|75.0", "Open P1 incidents||lower|0.0|1.0|3.0",
        "MTTR (30d)|min|lower|240.0|480.0|1440.0", "Budget variance|%|target|0.0|5.0|10.0",
        "Overdue compliance items||lower|0.0|1.0|5.0", "Systems past end of support||lower|0.0|1.0|3.0",
        "Data quality|%|higher|100.0|90.0|75.0", "Training completion|%|higher|100.0|90.0|75.0",
        "Access review coverage|%|higher|100.0|95.0|80.0", "Records past retention||lower|0.0|1.0|3.0",
        "Exposed sensitive systems||lower|0.0|1.0|3.0",
      ])
    for definition in BuiltInKPIs.definitions {
      #expect((try? KPIParser.parse(definition.expression)) != nil, "\(definition.name)")
    }
  }
}
