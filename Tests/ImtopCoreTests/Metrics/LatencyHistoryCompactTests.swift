import Testing

@testable import ImtopCore

/// The kept buckets are 16 bytes each, their starts counted in bucket widths from the first: what
/// comes back is what went in, at any distance the count can hold, and farther is handled.
@Suite struct LatencyHistoryCompactTests {
  @Test func aKeptBucketTakesSixteenBytes() {
    #expect(LatencyHistory.bytesPerKeptBucket == 16)
  }

  /// Buckets far before and after the epoch, and far apart within 2³¹ widths, come back exactly.
  @Test func startsComeBackExactlyAcrossTheRange() {
    let width: Int64 = 600_000
    // Bucket starts 2³¹ − 2 widths apart, one before the epoch and one after.
    let early: Int64 = -(Int64(Int32.max) / 2) * width
    let late: Int64 = (Int64(Int32.max) / 2 - 1) * width
    let samples: [(ms: Int64, value: Double)] = [
      (early + 5, 1), (-1, 2), (0, 3), (width - 1, 4), (width, 5), (late + width - 1, 6),
    ]
    var history = LatencyHistory(bucketWidth: Span(milliseconds: width), capacity: 8)
    for sample in samples { history.add(sample.value, at: Timestamp(milliseconds: sample.ms)) }
    let starts: [Int64] = history.buckets.map(\.start.milliseconds)
    let expectedStarts: [Int64] = [early, -width, 0, width, late]
    #expect(starts == expectedStarts)
    let counts: [Int] = history.buckets.map(\.count)
    #expect(counts == [1, 1, 2, 1, 1])
    let sums: [Double] = history.buckets.map(\.sum)
    #expect(sums == [1, 2, 7, 5, 6])
    let newest: [Double?] = history.series(count: 2, endingAt: Timestamp(milliseconds: late))
    #expect(newest == [nil, 6])
  }

  /// A bucket more than 2³¹ widths after the first (1 ms buckets: 25 days) is counted from its own
  /// start: kept buckets within 2³¹ widths before it stay, older ones go (no series reaches them).
  /// A sample more than 2³¹ widths before the newest bucket is dropped.
  @Test func bucketsBeyondTheCountableDistance() {
    var history = LatencyHistory(bucketWidth: Span(milliseconds: 1), capacity: 8)
    let near = Int64(Int32.max) - 10
    let beyond = Int64(Int32.max) + 5
    history.add(1, at: Timestamp(milliseconds: 0))
    history.add(2, at: Timestamp(milliseconds: near))
    history.add(3, at: Timestamp(milliseconds: beyond))
    let kept: [Int64] = history.buckets.map(\.start.milliseconds)
    #expect(kept == [near, beyond])
    #expect(history.series(count: 2, endingAt: Timestamp(milliseconds: beyond + 1)) == [3, nil])
    history.add(4, at: Timestamp(milliseconds: -10))
    let afterOld: [Int64] = history.buckets.map(\.start.milliseconds)
    #expect(afterOld == [near, beyond], "a sample more than 2³¹ widths before the newest bucket is dropped")
    history.add(5, at: Timestamp(milliseconds: near - 3))
    let afterLate: [Int64] = history.buckets.map(\.start.milliseconds)
    #expect(afterLate == [near - 3, near, beyond])
    #expect(history.latest?.value == 3)
  }

  /// The extremes of time do not trap: the least time there is has no bucket, the greatest one
  /// does, and a sample 2³¹ widths before it is dropped.
  @Test func extremeTimesDoNotTrap() {
    var history = LatencyHistory(bucketWidth: .minutes(10), capacity: 4)
    history.add(1, at: Timestamp(milliseconds: Int64.min + 1))
    #expect(history.buckets.isEmpty)
    history.add(2, at: Timestamp(milliseconds: Int64.max))
    history.add(3, at: Timestamp(milliseconds: 0))
    #expect(history.buckets.map(\.sum) == [2])
    #expect(history.series(count: 3, endingAt: Timestamp(milliseconds: Int64.max)) == [nil, nil, 2])
    #expect(history.series(count: 3, endingAt: Timestamp(milliseconds: Int64.min + 1)) == [nil, nil, nil])
    #expect(history.latest?.value == 2)
  }
}
