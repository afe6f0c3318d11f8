/// `metrics.jsonl` samples kept as per-bucket aggregates, so memory is bounded by time, not lines.
///
/// Each (metric, system) series holds one bucket per `bucketWidth` that had a sample, aligned to
/// multiples of the width since the epoch, for at most `retention`. A window query sums the buckets
/// that start inside `(now − window, now]`; so a window's edges are exact to one bucket width.
public struct MetricBuckets: MetricSource, Hashable {
  public struct Bucket: Hashable, Sendable {
    public var start: Timestamp
    public var count: Int
    public var sum: Double
    public var minimum: Double
    public var maximum: Double
    /// The sample with the latest timestamp in the bucket (of equal ones, the one added last).
    public var lastTime: Timestamp
    public var last: Double
    /// When that sample was added, to break ties between buckets of different systems.
    var lastSequence: Int

    init(start: Timestamp, value: Double, at time: Timestamp, sequence: Int) {
      self.start = start
      count = 1
      sum = value
      minimum = value
      maximum = value
      lastTime = time
      last = value
      lastSequence = sequence
    }

    mutating func add(_ value: Double, at time: Timestamp, sequence: Int) {
      count += 1
      sum += value
      minimum = Swift.min(minimum, value)
      maximum = Swift.max(maximum, value)
      if time >= lastTime {
        lastTime = time
        last = value
        lastSequence = sequence
      }
    }

    /// Whether this bucket's last sample is later than `other`'s (added later at equal times).
    func endsAfter(_ other: Bucket) -> Bool {
      lastTime != other.lastTime ? lastTime > other.lastTime : lastSequence > other.lastSequence
    }
  }

  public let bucketWidth: Span
  public let retention: Span
  /// metric → system (empty for none) → buckets in start order.
  public private(set) var series: [String: [String: [Bucket]]] = [:]
  /// Samples added so far: the order of samples at the same instant, for `last`.
  private var added = 0

  public init(bucketWidth: Span = .minutes(5), retention: Span = .days(30)) {
    self.bucketWidth = Span(milliseconds: Swift.max(1, bucketWidth.milliseconds))
    self.retention = retention
  }

  /// Buckets held over all series (what bounds memory).
  public var bucketCount: Int {
    series.values.reduce(0) { total, systems in total + systems.values.reduce(0) { $0 + $1.count } }
  }

  public var metricNames: [String] { series.keys.sorted() }

  /// Adds a sample. O(1) in time order; a late sample costs a binary search.
  public mutating func add(_ sample: MetricSample) {
    let start = bucketStart(of: sample.timestamp)
    added += 1
    MetricBuckets.insert(
      sample, bucketStart: start, sequence: added, into: &series[sample.metric, default: [:]][sample.system ?? "", default: []])
  }

  /// Adds to the buckets in place (through the dictionaries' modify accessors, without a copy).
  private static func insert(_ sample: MetricSample, bucketStart start: Timestamp, sequence: Int, into buckets: inout [Bucket]) {
    if let last = buckets.last, last.start == start {
      buckets[buckets.count - 1].add(sample.value, at: sample.timestamp, sequence: sequence)
    } else if buckets.last.map({ $0.start < start }) ?? true {
      buckets.append(Bucket(start: start, value: sample.value, at: sample.timestamp, sequence: sequence))
    } else {
      let index = firstIndex(in: buckets, startingAtOrAfter: start)
      if index < buckets.count, buckets[index].start == start {
        buckets[index].add(sample.value, at: sample.timestamp, sequence: sequence)
      } else {
        buckets.insert(Bucket(start: start, value: sample.value, at: sample.timestamp, sequence: sequence), at: index)
      }
    }
  }

  /// Drops buckets that ended more than `retention` before `now`, and series left empty.
  public mutating func discard(olderThan now: Timestamp) {
    let cutoff = now - retention - bucketWidth
    for (metric, systems) in series {
      var kept = systems
      for (system, buckets) in systems {
        guard let first = buckets.first, first.start < cutoff else { continue }
        let drop = MetricBuckets.firstIndex(in: buckets, startingAtOrAfter: cutoff)
        kept[system] = drop == buckets.count ? nil : Array(buckets[drop...])
      }
      series[metric] = kept.isEmpty ? nil : kept
    }
  }

  public func aggregate(_ aggregate: MetricAggregate, metric: String, system: String?, over window: Span, at now: Timestamp) -> Double? {
    guard let systems = series[metric] else { return aggregate == .count ? 0 : nil }
    let from = now - window
    var combined: Bucket?
    for (name, buckets) in systems where system == nil || name == system {
      var index = MetricBuckets.firstIndex(in: buckets, startingAtOrAfter: Timestamp(milliseconds: from.milliseconds + 1))
      while index < buckets.count, buckets[index].start <= now {
        let bucket = buckets[index]
        if var total = combined {
          total.count += bucket.count
          total.sum += bucket.sum
          total.minimum = Swift.min(total.minimum, bucket.minimum)
          total.maximum = Swift.max(total.maximum, bucket.maximum)
          if bucket.endsAfter(total) {
            total.lastTime = bucket.lastTime
            total.last = bucket.last
            total.lastSequence = bucket.lastSequence
          }
          combined = total
        } else {
          combined = bucket
        }
        index += 1
      }
    }
    guard let total = combined else { return aggregate == .count ? 0 : nil }
    switch aggregate {
    case .avg: return total.sum / Double(total.count)
    case .sum: return total.sum
    case .min: return total.minimum
    case .max: return total.maximum
    case .last: return total.last
    case .count: return Double(total.count)
    }
  }

  private func bucketStart(of time: Timestamp) -> Timestamp {
    let width = bucketWidth.milliseconds
    var start = time.milliseconds - time.milliseconds % width
    if time.milliseconds % width < 0 { start -= width }
    return Timestamp(milliseconds: start)
  }

  private static func firstIndex(in buckets: [Bucket], startingAtOrAfter time: Timestamp) -> Int {
    var low = 0
    var high = buckets.count
    while low < high {
      let mid = (low + high) / 2
      if buckets[mid].start < time { low = mid + 1 } else { high = mid }
    }
    return low
  }
}
