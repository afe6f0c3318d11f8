import Testing
import ImtopTestSupport

@testable import ImtopCore

/// A recomputation's systems share the storage of the series that came out as before
/// (`PortfolioMemo`), and the figures are still those of the input alone.
@Suite struct PortfolioMemoTests {
  /// The organisation, with latency samples for every system (it has them for one).
  let input: EngineInput = {
    var input = MetricsOrg.dataSet.engineInput(at: MetricsOrg.now)
    for (offset, system) in input.systems.enumerated() where input.latency[system.id] == nil {
      var history = LatencyHistory()
      history.add(Double(40 + offset), at: MetricsOrg.now - .minutes(25))
      history.add(Double(50 + offset), at: MetricsOrg.now - .minutes(5))
      input.latency[system.id] = history
    }
    return input
  }()

  /// The systems with a latency series to share.
  func withLatency(_ snapshot: Snapshot) -> [Int] {
    snapshot.systems.indices.filter { snapshot.systems[$0].latencySeries.contains { $0 != nil } }
  }

  /// The systems with a state history to share.
  func withHistory(_ snapshot: Snapshot) -> [Int] {
    snapshot.systems.indices.filter { !snapshot.systems[$0].history.entries.isEmpty }
  }

  @Test func aRecomputationSharesTheSeriesThatCameOutTheSame() throws {
    let engine = MetricEngine()
    let first = engine.snapshot(of: input, at: MetricsOrg.now)
    try #require(withLatency(first).count >= 2 && withHistory(first).count >= 2)
    let later = MetricsOrg.now + .seconds(1)
    let second = engine.snapshot(of: input, at: later)
    for position in withLatency(first) {
      #expect(second.systems[position].sharesSeriesStorage(with: first.systems[position]).latency, "\(second.systems[position].id)")
    }
    for position in withHistory(first) {
      #expect(second.systems[position].sharesSeriesStorage(with: first.systems[position]).history, "\(second.systems[position].id)")
    }
    #expect(second.systems == MetricEngine().snapshot(of: input, at: later).systems)
  }

  /// A new latency sample for one system: its series is its own, the others' are shared.
  @Test func aSeriesThatChangedIsNotShared() throws {
    let engine = MetricEngine()
    let first = engine.snapshot(of: input, at: MetricsOrg.now)
    let systems = withLatency(first)
    try #require(systems.count >= 2)
    let changedID = first.systems[systems[0]].id
    var changed = input
    changed.latency[changedID]?.add(987_654, at: MetricsOrg.now - .seconds(1))
    let second = engine.snapshot(of: changed, at: MetricsOrg.now)
    #expect(second.systems[systems[0]].latencySeries != first.systems[systems[0]].latencySeries)
    #expect(!second.systems[systems[0]].sharesSeriesStorage(with: first.systems[systems[0]]).latency)
    #expect(second.systems[systems[1]].sharesSeriesStorage(with: first.systems[systems[1]]).latency)
    #expect(second.systems == MetricEngine().snapshot(of: changed, at: MetricsOrg.now).systems)
  }
}
