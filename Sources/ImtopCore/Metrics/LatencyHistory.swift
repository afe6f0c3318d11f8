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
    oldestFirst.map(bucket)
  }
  /// The newest sample by timestamp.
  public private(set) var latest: (time: Timestamp, value: Double)?
  /// The buckets as a ring: once `capacity` are kept, a new one overwrites the oldest (at `head`)
  /// instead of shifting the array, which cost the cold load a copy of the history per bucket.
  private var ring: [Slot] = []
  /// Buckets the ring has room for without growing (what its memory is sized to).
  var reservedBuckets: Int { ring.capacity }
  /// Index of the oldest bucket in `ring` (0 until the ring is full).
  private var head = 0
  /// The ring's buckets, oldest first.
  private var oldestFirst: [Slot] { head > 0 ? Array(ring[head...] + ring[..<head]) : ring }
  /// The start, in milliseconds since the epoch, of the bucket numbered 0 in `ring`.
  private var origin: Int64 = 0

  /// A bucket as kept: 16 bytes where `Bucket` takes 24, its start a bucket number counted from
  /// `origin` and its count in 32 bits (at 50,000 systems of 32 buckets each, 13 MB less).
  private struct Slot {
    var sum: Double
    var number: Int32
    var count: UInt32
  }
  /// Bytes a kept bucket takes in the ring.
  static var bytesPerKeptBucket: Int { MemoryLayout<Slot>.stride }

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
    guard let start = startOfBucket(containing: time) else { return }
    let newest = (head == 0 ? ring.count : head) - 1
    if ring.isEmpty { origin = start }
    guard let number = number(of: start) else {
      // More than 2³¹ widths from the first bucket. A late sample that old is dropped (it is that
      // much older than the newest bucket); a new bucket counts from its own start, and the kept
      // buckets more than 2³¹ widths before it, older than any series reaches, are dropped.
      guard newest < 0 || start > self.start(of: ring[newest]) else { return }
      let kept = oldestFirst.map { (slot: $0, start: self.start(of: $0)) }
      origin = start
      ring = kept.compactMap { kept in number(of: kept.start).map { Slot(sum: kept.slot.sum, number: $0, count: kept.slot.count) } }
      head = 0
      add(value, at: time)
      return
    }
    if newest >= 0, ring[newest].number == number {
      Self.add(value, to: &ring[newest])
    } else if newest < 0 || ring[newest].number < number {
      let slot = Slot(sum: value, number: number, count: 1)
      if ring.count < capacity {
        // Grown by a quarter (at least 4 buckets) and to the capacity at most: a history shorter
        // than the capacity, as every system's is for its first hours, keeps room for a quarter more
        // buckets than it holds rather than up to as many again (10 MB at 50,000 systems).
        if ring.count == ring.capacity { ring.reserveCapacity(min(capacity, ring.count + max(4, ring.count / 4))) }
        ring.append(slot)
      } else {
        ring[head] = slot
        head = head + 1 == capacity ? 0 : head + 1
      }
    } else {
      addLate(value, number: number)
    }
  }

  private static func add(_ value: Double, to slot: inout Slot) {
    // Past 2³² samples in one bucket the mean is kept as it stands rather than let the count wrap.
    guard slot.count < UInt32.max else { return }
    slot.sum += value
    slot.count += 1
  }

  /// A sample older than the newest bucket: into its bucket, or a new one in order while it is kept.
  private mutating func addLate(_ value: Double, number: Int32) {
    var ordered = oldestFirst
    defer {
      ring = ordered
      head = 0
    }
    guard let index = ordered.firstIndex(where: { $0.number >= number }) else { return }
    if ordered[index].number == number {
      Self.add(value, to: &ordered[index])
    } else if ordered.count < capacity || index > 0 {
      ordered.insert(Slot(sum: value, number: number, count: 1), at: index)
      if ordered.count > capacity { ordered.removeFirst(ordered.count - capacity) }
    }
  }

  /// The start of the bucket holding `time`; nil for the part of a width next to the least time
  /// there is, whose bucket would start before it.
  private func startOfBucket(containing time: Timestamp) -> Int64? {
    let width = bucketWidth.milliseconds
    let start = time.milliseconds - time.milliseconds % width
    guard time.milliseconds % width < 0 else { return start }
    let (earlier, overflow) = start.subtractingReportingOverflow(width)
    return overflow ? nil : earlier
  }

  /// The number of the bucket starting at `start`, counted from `origin`; nil when it does not fit.
  private func number(of start: Int64) -> Int32? {
    let (offset, overflow) = start.subtractingReportingOverflow(origin)
    guard !overflow else { return nil }
    return Int32(exactly: offset / bucketWidth.milliseconds)
  }

  private func start(of slot: Slot) -> Int64 { origin &+ Int64(slot.number) &* bucketWidth.milliseconds }

  private func bucket(_ slot: Slot) -> Bucket {
    Bucket(start: Timestamp(milliseconds: start(of: slot)), sum: slot.sum, count: Int(slot.count))
  }

  /// The means of the `count` buckets ending with the one containing `now`, oldest first;
  /// nil where a bucket had no sample.
  public func series(count: Int, endingAt now: Timestamp) -> [Double?] {
    guard count > 0 else { return [] }
    let width = bucketWidth.milliseconds
    var result = [Double?](repeating: nil, count: count)
    guard let endStart = startOfBucket(containing: now) else { return result }
    for slot in ring {  // each bucket has its own place in the result, so ring order will do
      let (distance, overflow) = endStart.subtractingReportingOverflow(start(of: slot))
      let offset = distance / width
      guard !overflow, offset >= 0, offset < Int64(count), slot.count > 0 else { continue }
      result[count - 1 - Int(offset)] = slot.sum / Double(slot.count)
    }
    return result
  }
}
