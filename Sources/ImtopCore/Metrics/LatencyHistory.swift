/// One system's latency: the latest sample and a bounded series of per-bucket means for sparklines.
///
/// Buckets are aligned to multiples of `bucketWidth` since the epoch, so two histories line up and a
/// bucket never needs rewriting once time has moved past it.
public struct LatencyHistory: Sendable, Hashable {
  public struct Bucket: Sendable, Hashable {
    /// Start of the bucket (a multiple of the width).
    public var start: Timestamp
    public var sum: Double
    public var count: Int
  }

  public let bucketWidth: Span
  /// How many buckets are kept (older ones are dropped).
  public let capacity: Int
  public private(set) var buckets: [Bucket] = []
  /// The newest sample by timestamp.
  public private(set) var latest: (time: Timestamp, value: Double)?

  public init(bucketWidth: Span = .minutes(10), capacity: Int = 144) {
    self.bucketWidth = Span(milliseconds: max(1, bucketWidth.milliseconds))
    self.capacity = max(1, capacity)
  }

  public static func == (lhs: LatencyHistory, rhs: LatencyHistory) -> Bool {
    lhs.buckets == rhs.buckets && lhs.latest?.time == rhs.latest?.time && lhs.latest?.value == rhs.latest?.value
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(buckets)
    hasher.combine(latest?.time)
  }

  /// Adds a sample. O(1) in time order; a late sample lands in its bucket if that is still kept.
  public mutating func add(_ value: Double, at time: Timestamp) {
    if latest == nil || time >= (latest?.time ?? time) { latest = (time, value) }
    let width = bucketWidth.milliseconds
    var startMs = time.milliseconds - time.milliseconds % width
    if time.milliseconds % width < 0 { startMs -= width }
    let start = Timestamp(milliseconds: startMs)
    if let last = buckets.last, last.start == start {
      buckets[buckets.count - 1].sum += value
      buckets[buckets.count - 1].count += 1
    } else if buckets.last.map({ $0.start < start }) ?? true {
      buckets.append(Bucket(start: start, sum: value, count: 1))
      if buckets.count > capacity { buckets.removeFirst(buckets.count - capacity) }
    } else if let index = buckets.firstIndex(where: { $0.start >= start }) {
      if buckets[index].start == start {
        buckets[index].sum += value
        buckets[index].count += 1
      } else if buckets.count < capacity || index > 0 {
        buckets.insert(Bucket(start: start, sum: value, count: 1), at: index)
        if buckets.count > capacity { buckets.removeFirst(buckets.count - capacity) }
      }
    }
  }

  /// The means of the `count` buckets ending with the one containing `now`, oldest first;
  /// nil where a bucket had no sample.
  public func series(count: Int, endingAt now: Timestamp) -> [Double?] {
    guard count > 0 else { return [] }
    let width = bucketWidth.milliseconds
    var endStart = now.milliseconds - now.milliseconds % width
    if now.milliseconds % width < 0 { endStart -= width }
    var result = [Double?](repeating: nil, count: count)
    for bucket in buckets {
      let offset = (endStart - bucket.start.milliseconds) / width
      guard offset >= 0, offset < Int64(count), bucket.count > 0 else { continue }
      result[count - 1 - Int(offset)] = bucket.sum / Double(bucket.count)
    }
    return result
  }
}
