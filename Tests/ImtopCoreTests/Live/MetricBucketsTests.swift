import Testing

@testable import ImtopCore

/// Window aggregates over bucketed metric samples.
@Suite struct MetricBucketsTests {
  /// Samples of `queue` at minutes 1, 7, 12 (system a) and 8 (system b); 5-minute buckets.
  static func sampleBuckets() -> MetricBuckets {
    var buckets = MetricBuckets(bucketWidth: .minutes(5))
    // Added out of order on purpose: minute 12 before 7.
    buckets.add(MetricSample(timestamp: marchFirst + .minutes(1), metric: "queue", value: 4, system: "a"))
    buckets.add(MetricSample(timestamp: marchFirst + .minutes(12), metric: "queue", value: 10, system: "a"))
    buckets.add(MetricSample(timestamp: marchFirst + .minutes(7), metric: "queue", value: 6, system: "a"))
    buckets.add(MetricSample(timestamp: marchFirst + .minutes(8), metric: "queue", value: 2, system: "b"))
    return buckets
  }

  @Test func aggregatesPerSystemAndOverAll() {
    let buckets = Self.sampleBuckets()
    let now = marchFirst + .minutes(14)
    // System a: 4, 6, 10 → sum 20, mean 20/3, min 4, max 10, last 10 (minute 12).
    #expect(buckets.aggregate(.sum, metric: "queue", system: "a", over: .hours(1), at: now) == 20)
    #expect(buckets.aggregate(.avg, metric: "queue", system: "a", over: .hours(1), at: now) == 20.0 / 3)
    #expect(buckets.aggregate(.min, metric: "queue", system: "a", over: .hours(1), at: now) == 4)
    #expect(buckets.aggregate(.last, metric: "queue", system: "a", over: .hours(1), at: now) == 10)
    // All systems: 4, 6, 2, 10 → count 4, min 2, max 10.
    #expect(buckets.aggregate(.count, metric: "queue", system: nil, over: .hours(1), at: now) == 4)
    #expect(buckets.aggregate(.min, metric: "queue", system: nil, over: .hours(1), at: now) == 2)
    #expect(buckets.aggregate(.max, metric: "queue", system: nil, over: .hours(1), at: now) == 10)
    #expect(buckets.bucketCount == 4)  // a: [0,5) [5,10) [10,15); b: [5,10)
  }

  @Test func windowCountsBucketsStartingInsideIt() {
    let buckets = Self.sampleBuckets()
    // Window (minute 4, minute 14]: buckets starting at 5 and 10 → 6, 2, 10.
    let now = marchFirst + .minutes(14)
    #expect(buckets.aggregate(.sum, metric: "queue", system: nil, over: .minutes(10), at: now) == 18)
    #expect(buckets.aggregate(.count, metric: "nothing", system: nil, over: .days(1), at: now) == 0)
    #expect(buckets.aggregate(.avg, metric: "nothing", system: nil, over: .days(1), at: now) == nil)
    #expect(buckets.metricNames == ["queue"])
  }

  @Test func discardKeepsOnlyRetention() {
    var buckets = MetricBuckets(bucketWidth: .minutes(5), retention: .minutes(10))
    for minute in stride(from: 0, to: 60, by: 5) {
      buckets.add(MetricSample(timestamp: marchFirst + .minutes(Int64(minute)), metric: "m", value: 1))
    }
    buckets.discard(olderThan: marchFirst + .minutes(60))
    // Cutoff is 60 − 10 − 5 = minute 45: buckets 45, 50, 55 stay.
    #expect(buckets.bucketCount == 3)
  }
}
