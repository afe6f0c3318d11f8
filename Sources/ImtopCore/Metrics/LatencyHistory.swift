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
  /// The kept buckets, oldest first.
  public var buckets: [Bucket] {
    guard head > 0 else { return ring }
    return Array(ring[head...] + ring[..<head])
  }
  /// The newest sample by timestamp.
  public private(set) var latest: (time: Timestamp, value: Double)?
  /// The buckets as a ring: once `capacity` are kept, a new one overwrites the oldest (at `head`)
  /// instead of shifting the array, which cost the cold load a copy of the history per bucket.
  private var ring: [Bucket] = []
  /// Buckets the ring has room for without growing (what its memory is sized to).
  var reservedBuckets: Int { ring.capacity }
  /// Index of the oldest bucket in `ring` (0 until the ring is full).
  private var head = 0

  /// Buckets kept by default: the sparkline's points (`MetricEngine.latencyPoints`), eight hours of
  /// 10-minute buckets; nothing reads older ones, and at 50,000 systems each kept bucket costs 1.2 MB.
  public static let defaultCapacity = 48

  public init(bucketWidth: Span = .minutes(10), capacity: Int = LatencyHistory.defaultCapacity) {
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
    let newest = (head == 0 ? ring.count : head) - 1
    if newest >= 0, ring[newest].start == start {
      ring[newest].sum += value
      ring[newest].count += 1
    } else if newest < 0 || ring[newest].start < start {
      let bucket = Bucket(start: start, sum: value, count: 1)
      if ring.count < capacity {
        // Grown to the capacity at most, not to the next power of two past it.
        if ring.count == ring.capacity { ring.reserveCapacity(min(capacity, max(4, ring.count * 2))) }
        ring.append(bucket)
      } else {
        ring[head] = bucket
        head = head + 1 == capacity ? 0 : head + 1
      }
    } else {
      addLate(value, start: start)
    }
  }

  /// A sample older than the newest bucket: into its bucket, or a new one in order while it is kept.
  private mutating func addLate(_ value: Double, start: Timestamp) {
    var ordered = buckets
    defer {
      ring = ordered
      head = 0
    }
    guard let index = ordered.firstIndex(where: { $0.start >= start }) else { return }
    if ordered[index].start == start {
      ordered[index].sum += value
      ordered[index].count += 1
    } else if ordered.count < capacity || index > 0 {
      ordered.insert(Bucket(start: start, sum: value, count: 1), at: index)
      if ordered.count > capacity { ordered.removeFirst(ordered.count - capacity) }
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
    for bucket in ring {  // each bucket has its own place in the result, so ring order will do
      let offset = (endStart - bucket.start.milliseconds) / width
      guard offset >= 0, offset < Int64(count), bucket.count > 0 else { continue }
      result[count - 1 - Int(offset)] = bucket.sum / Double(bucket.count)
    }
    return result
  }
}
