import Testing

@testable import ImtopCore

/// The ring the buckets are kept in behaves as the shifting array it replaced: oldest first, the
/// oldest dropped past the capacity, late samples into their bucket or a gap.
@Suite struct LatencyHistoryRingTests {
  /// A time `minutes` after the epoch.
  private func at(_ minutes: Int64) -> Timestamp { Timestamp(milliseconds: minutes * 60_000) }

  /// Three 10-minute buckets, filled by samples at minutes 0, 10, 20, 30 and 40 (one each).
  private func wrapped() -> LatencyHistory {
    var history = LatencyHistory(bucketWidth: .minutes(10), capacity: 3)
    for (minute, value) in [(0, 10.0), (10, 20), (20, 30), (30, 40), (40, 50)] { history.add(value, at: at(Int64(minute))) }
    return history
  }

  @Test func keepsTheNewestBucketsOldestFirstAfterWrapping() {
    let history = wrapped()
    // Five buckets into three places: those starting at minutes 20, 30 and 40 remain.
    #expect(history.buckets.map(\.start) == [at(20), at(30), at(40)])
    #expect(history.buckets.map(\.sum) == [30, 40, 50])
    #expect(history.series(count: 4, endingAt: at(45)) == [nil, 30, 40, 50])
    #expect(history.latest?.value == 50)
  }

  @Test func lateSampleAfterWrappingLandsInItsBucket() {
    var history = wrapped()
    history.add(6, at: at(25))  // bucket 20: sum 30 + 6, two samples, mean 18
    history.add(7, at: at(5))  // bucket 0 is no longer kept: dropped
    #expect(history.buckets.map(\.sum) == [36, 40, 50])
    #expect(history.buckets.map(\.count) == [2, 1, 1])
    history.add(60, at: at(50))  // a new bucket pushes out the one at 20
    #expect(history.buckets.map(\.start) == [at(30), at(40), at(50)])
    #expect(history.series(count: 3, endingAt: at(59)) == [40, 50, 60])
    #expect(history.latest?.value == 60)
  }

  @Test func lateSampleInAGapPushesOutTheOldest() {
    var history = LatencyHistory(bucketWidth: .minutes(10), capacity: 3)
    for (minute, value) in [(0, 1.0), (10, 2), (30, 4), (40, 5)] { history.add(value, at: at(Int64(minute))) }
    // Kept after wrapping: 10, 30, 40. A sample at 20 goes between 10 and 30; four buckets, so 10 goes.
    history.add(3, at: at(20))
    #expect(history.buckets.map(\.start) == [at(20), at(30), at(40)])
    #expect(history.buckets.map(\.sum) == [3, 4, 5])
    #expect(history.latest?.value == 5)  // the late sample is not the latest
  }

  @Test func wrappedHistoryEqualsOneFilledInPlace() {
    var wrapping = wrapped()
    wrapping.add(60, at: at(50))
    // The same three buckets (30, 40, 50) and latest sample, never wrapped.
    var plain = LatencyHistory(bucketWidth: .minutes(10), capacity: 3)
    for (minute, value) in [(30, 40.0), (40, 50), (50, 60)] { plain.add(value, at: at(Int64(minute))) }
    #expect(wrapping == plain)
    #expect(wrapping.hashValue == plain.hashValue)
  }
}

/// A system's latency series is kept in single precision: empty buckets stay empty, values come
/// back as the nearest single, the extremes as its largest, and equality still tells series apart.
@Suite struct LatencySeriesStorageTests {
  @Test func emptyBucketsAndExtremesSurviveTheCompactForm() {
    let record = SystemRecord(id: "erp", name: "ERP")
    let health = SystemHealth(record: record, latencySeries: [nil, 12.5, 1e300, -1e300, nil, 0.1, .nan])
    let back = health.latencySeries
    #expect(back.count == 7)
    #expect(back[0] == nil && back[4] == nil)
    #expect(back[1] == 12.5)
    #expect(back[2] == Double(Float.greatestFiniteMagnitude) && back[3] == -Double(Float.greatestFiniteMagnitude))
    #expect(back[5] == Double(Float(0.1)))
    #expect(back[6] == 0)
    #expect(health == SystemHealth(record: record, latencySeries: [nil, 12.5, 1e300, -1e300, nil, 0.1, .nan]))
    #expect(health != SystemHealth(record: record, latencySeries: [12.5, nil, 1e300, -1e300, nil, 0.1, .nan]))
    #expect(SystemHealth(record: record, latencySeries: [nil]) != SystemHealth(record: record, latencySeries: [0]))
  }
}

/// The store keeps as many latency buckets as the sparkline draws, and the ring's memory grows to
/// that and no further (not to the next power of two).
@Suite struct LatencyHistoryMemoryTests {
  @Test func theRingIsSizedToItsCapacity() {
    #expect(LatencyHistory.defaultCapacity == MetricEngine().latencyPoints)
    for capacity in [3, 33, 48, 100, 144] {
      var history = LatencyHistory(bucketWidth: .minutes(10), capacity: capacity)
      for bucket in 0..<(capacity * 2) { history.add(Double(bucket), at: Timestamp(milliseconds: Int64(bucket) * 600_000)) }
      #expect(history.buckets.count == capacity)
      #expect(history.reservedBuckets >= capacity && history.reservedBuckets < capacity + 8, "capacity \(capacity): \(history.reservedBuckets)")
      #expect(history.buckets.last?.sum == Double(capacity * 2 - 1))
    }
  }

  /// Before it is full, the ring keeps room for at most a quarter more buckets than it holds (at
  /// least 4), and one more that the allocator's rounding may give; doubling kept up to twice as many.
  @Test func aShortHistoryKeepsLittleRoomBeyondItsBuckets() {
    var history = LatencyHistory(bucketWidth: .minutes(10), capacity: 48)
    for bucket in 0..<48 {
      history.add(1, at: Timestamp(milliseconds: Int64(bucket) * 600_000))
      let held = bucket + 1
      #expect(history.reservedBuckets <= min(48, held + max(4, held / 4)) + 1, "\(held) buckets: \(history.reservedBuckets)")
    }
  }
}
