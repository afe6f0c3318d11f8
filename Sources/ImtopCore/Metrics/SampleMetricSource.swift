/// An exact `MetricSource` over every sample of a one-off read (`imtop snapshot`, `imtop check`).
///
/// Samples are kept per metric and per metric and system, sorted by time (file order among equal
/// times, so `last` is the line written last), and a window is two binary searches. The live store
/// keeps bounded buckets instead; this one answers exactly, which the tests rely on.
public struct SampleMetricSource: MetricSource {
  struct Point: Sendable {
    var time: Timestamp
    var value: Double
  }

  private struct SeriesKey: Hashable, Sendable {
    var metric: String
    var system: String?
  }

  private let series: [SeriesKey: [Point]]
  public let metricNames: [String]

  public init(samples: [MetricSample]) {
    var grouped: [SeriesKey: [(index: Int, point: Point)]] = [:]
    for (index, sample) in samples.enumerated() where sample.value.isFinite {
      let point = Point(time: sample.timestamp, value: sample.value)
      grouped[SeriesKey(metric: sample.metric, system: nil), default: []].append((index, point))
      if let system = sample.system {
        grouped[SeriesKey(metric: sample.metric, system: system), default: []].append((index, point))
      }
    }
    series = grouped.mapValues { entries in
      entries.sorted { ($0.point.time, $0.index) < ($1.point.time, $1.index) }.map(\.point)
    }
    metricNames = Set(samples.map(\.metric)).sorted()
  }

  /// - Complexity: O(log n + samples in the window).
  public func aggregate(
    _ aggregate: MetricAggregate, metric: String, system: String?, over window: Span, at now: Timestamp
  ) -> Double? {
    let points = series[SeriesKey(metric: metric, system: system)] ?? []
    let from = SampleMetricSource.firstIndex(in: points) { $0.time > now - window }
    let to = SampleMetricSource.firstIndex(in: points) { $0.time > now }
    guard from < to else { return aggregate == .count ? 0 : nil }
    let slice = points[from..<to]
    switch aggregate {
    case .count: return Double(slice.count)
    case .last: return slice.last?.value
    case .sum: return slice.reduce(0) { $0 + $1.value }
    case .avg: return slice.reduce(0) { $0 + $1.value } / Double(slice.count)
    case .min: return slice.map(\.value).min()
    case .max: return slice.map(\.value).max()
    }
  }

  /// The first index whose point satisfies `isAfter` (points sorted so that it holds for a suffix).
  private static func firstIndex(in points: [Point], where isAfter: (Point) -> Bool) -> Int {
    var low = 0
    var high = points.count
    while low < high {
      let mid = (low + high) / 2
      if isAfter(points[mid]) { high = mid } else { low = mid + 1 }
    }
    return low
  }
}
