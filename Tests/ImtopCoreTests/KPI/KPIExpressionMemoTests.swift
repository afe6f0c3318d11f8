import Testing

@testable import ImtopCore

/// The engine parses the KPI expressions once and reuses them only for the same sources: a changed
/// `imtop.toml` gives the new expressions (and the new errors), never the old ones.
@Suite struct KPIExpressionMemoTests {
  static func direct(_ sources: [String]) -> [Result<KPIExpression, KPIExpressionError>] {
    sources.map { source in Result { () throws(KPIExpressionError) in try KPIParser.parse(source) } }
  }

  @Test func theSameSourcesGiveTheSameParsesAndChangedOnesTheirOwn() {
    let memo = KPIExpressionMemo()
    let first = ["availability(30d)", "open_incidents('P1') * 2", "1 +"]
    #expect(memo.parse(first) == Self.direct(first))
    #expect(memo.parse(first) == Self.direct(first))
    // The second time, the same sources were not parsed again.
    #expect(memo.parses == 1)
    // One source changed, one fixed, one added: each is what it says now.
    let second = ["availability(7d)", "open_incidents('P1') * 2", "1 + 1", "mttr(30d)"]
    #expect(memo.parse(second) == Self.direct(second))
    #expect(memo.parses == 2)
    // The same sources in another order are not the kept ones in the kept order.
    let reordered = Array(second.reversed())
    #expect(memo.parse(reordered) == Self.direct(reordered))
    #expect(memo.parses == 3)
    if case .failure = memo.parse(first)[2] {} else { Issue.record("a bad expression parsed") }
  }

  /// Through the engine: a KPI whose expression changes between two recomputations shows the new value.
  @Test func anEngineRecomputingAfterTheExpressionChangedShowsTheNewValue() {
    let engine = MetricEngine(trendPoints: 0)
    var dataSet = MetricsOrg.dataSet
    dataSet.configuration.kpis = [KPIDefinition(name: "probe", expression: "2 * 3")]
    let before = engine.snapshot(of: dataSet.engineInput(at: MetricsOrg.now), at: MetricsOrg.now).kpis.first { $0.definition.name == "probe" }
    dataSet.configuration.kpis = [KPIDefinition(name: "probe", expression: "2 * 4")]
    let after = engine.snapshot(of: dataSet.engineInput(at: MetricsOrg.now), at: MetricsOrg.now).kpis.first { $0.definition.name == "probe" }
    #expect(before?.value == 6)
    #expect(after?.value == 8)
  }
}
