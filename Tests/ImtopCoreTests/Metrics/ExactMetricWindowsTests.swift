import ImtopCore
import Testing

/// The one-shot store's metric windows are exact (a bucket per instant): window edges, systems, ties.
@Suite struct ExactMetricWindowsTests {
  let now = utc(2026, 3, 1, 12)

  var source: MetricBuckets {
    var store = Store.oneShot()
    store.add(
      [
        MetricSample(timestamp: now - .hours(1), metric: "cpu", value: 1, system: "a"),  // exactly at the window start
        MetricSample(timestamp: now - .minutes(30), metric: "cpu", value: 4, system: "b"),
        MetricSample(timestamp: now, metric: "cpu", value: 7, system: "a"),
        MetricSample(timestamp: now, metric: "cpu", value: 9, system: "b"),  // same instant, written later
        MetricSample(timestamp: now + .seconds(1), metric: "cpu", value: 100, system: "a"),
        MetricSample(timestamp: now - .minutes(10), metric: "disk", value: .nan),
      ], from: "metrics.jsonl")
    return store.metrics
  }

  @Test func windowIsOpenAtTheStartAndClosedAtNow() {
    #expect(source.aggregate(.count, metric: "cpu", system: nil, over: .hours(1), at: now) == 3)
    #expect(source.aggregate(.sum, metric: "cpu", system: nil, over: .hours(1), at: now) == 20)
    #expect(source.aggregate(.count, metric: "cpu", system: nil, over: .hours(2), at: now) == 4)
  }

  @Test func perSystemAndTies() {
    #expect(source.aggregate(.avg, metric: "cpu", system: "a", over: .hours(2), at: now) == 4)
    #expect(source.aggregate(.last, metric: "cpu", system: nil, over: .hours(2), at: now) == 9)
    #expect(source.aggregate(.min, metric: "cpu", system: "b", over: .hours(2), at: now) == 4)
    #expect(source.aggregate(.max, metric: "cpu", system: nil, over: .hours(2), at: now + .seconds(1)) == 100)
  }

  /// A value that is not a number is never stored: it could only spoil every aggregate.
  @Test func emptyWindows() {
    #expect(source.aggregate(.avg, metric: "cpu", system: "c", over: .hours(2), at: now) == nil)
    #expect(source.aggregate(.count, metric: "none", system: nil, over: .hours(2), at: now) == 0)
    #expect(source.aggregate(.avg, metric: "disk", system: nil, over: .hours(2), at: now) == nil)
    #expect(source.metricNames == ["cpu"])
  }
}
