import Testing
import ImtopTestSupport

@testable import ImtopCore

/// The KPI trend points' figures from the records alone are kept between recomputations
/// (`TrendPointMemo`), and the KPIs are still those of the input alone: equal to what an engine that
/// kept nothing gives for the same input and instant.
@Suite struct TrendPointMemoTests {
  let input = MetricsOrg.dataSet.engineInput(at: MetricsOrg.now)

  /// The same input as `input` with the database's state runs gone (it was down on 10 June), as
  /// after status lines that change what the logs say, the records untouched.
  var statusChanged: EngineInput {
    var changed = input
    changed.timelines["db"] = nil
    return changed
  }

  @Test func statusChangesReuseTheFiguresFromTheRecords() {
    let engine = MetricEngine()
    _ = engine.snapshot(of: input, at: MetricsOrg.now)
    let first = engine.trendMemo.computed
    #expect(first > 0)
    let later = MetricsOrg.now + .seconds(20)
    let again = engine.snapshot(of: statusChanged, at: later)
    #expect(engine.trendMemo.computed == first)
    // Availability at the past points follows the logs: it was not kept.
    let fresh = MetricEngine().snapshot(of: statusChanged, at: later)
    #expect(again.kpis == fresh.kpis)
    let before = MetricEngine().snapshot(of: input, at: later)
    #expect(fresh.kpis.first { $0.definition.name == "Portfolio availability" }?.trend.dropLast()
      != before.kpis.first { $0.definition.name == "Portfolio availability" }?.trend.dropLast())
  }

  /// A compliance item closed: overdue compliance at every past point is worked out again.
  @Test func changedRecordsAreWorkedOutAfresh() throws {
    let engine = MetricEngine()
    _ = engine.snapshot(of: input, at: MetricsOrg.now)
    let first = engine.trendMemo.computed
    var changed = input
    let index = try #require(changed.compliance.firstIndex { $0.id == "C3" })
    changed.compliance.remove(at: index)
    let again = engine.snapshot(of: changed, at: MetricsOrg.now)
    #expect(engine.trendMemo.computed > first)
    let fresh = MetricEngine().snapshot(of: changed, at: MetricsOrg.now)
    #expect(again.kpis == fresh.kpis)
    let unchanged = MetricEngine().snapshot(of: input, at: MetricsOrg.now)
    #expect(again.kpis.first { $0.definition.name == "Ratio" }?.trend
      != unchanged.kpis.first { $0.definition.name == "Ratio" }?.trend)
  }

  /// Past the minute, the past points are later instants: worked out again, and what the memo
  /// keeps is only what the last recomputation used.
  @Test func thePointsMoveOnWithTheMinute() {
    let engine = MetricEngine()
    _ = engine.snapshot(of: input, at: MetricsOrg.now)
    let first = engine.trendMemo.computed
    let kept = engine.trendMemo.keptCount
    for minute in 1...5 {
      let at = MetricsOrg.now + .minutes(Int64(minute)) + .seconds(7)
      let snapshot = engine.snapshot(of: input, at: at)
      #expect(snapshot.kpis == MetricEngine().snapshot(of: input, at: at).kpis)
    }
    #expect(engine.trendMemo.computed == first * 6)
    #expect(engine.trendMemo.keptCount == kept)
  }

  /// Within the minute the past points stay where they are; the value at `now` does not.
  @Test func thePastPointsStayPutWithinTheMinute() {
    let engine = MetricEngine()
    let start = engine.snapshot(of: input, at: MetricsOrg.now)
    let later = engine.snapshot(of: input, at: MetricsOrg.now + .seconds(59))
    for (a, b) in zip(start.kpis, later.kpis) {
      #expect(a.trend.dropLast() == b.trend.dropLast())
    }
  }

  @Test(arguments: [Span.days(1), .hours(1), .minutes(1), Span(milliseconds: 100)])
  func theAnchorIsTheInstantRoundedDownToAStepsShare(step: Span) {
    let quantum = max(1, step.milliseconds / 1_440)
    for milliseconds: Int64 in [0, 1, 59_999, 60_000, 1_781_524_800_123, -1, -60_001, -62_167_219_200_000] {
      let now = Timestamp(milliseconds: milliseconds)
      let anchor = TrendPointMemo.anchor(now, step: step)
      #expect(anchor <= now)
      #expect(now.milliseconds - anchor.milliseconds < quantum)
      #expect(anchor.milliseconds % quantum == 0)
    }
  }
}
