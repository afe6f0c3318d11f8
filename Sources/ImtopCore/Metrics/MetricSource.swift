/// How a KPI expression reduces the samples of a metric over a window.
public enum MetricAggregate: String, CaseIterable, Sendable, Hashable {
  case avg, sum, min, max, last, count
}

/// Where KPI expressions find `metrics.jsonl` samples: the live store (bucketed, bounded) or the
/// samples of a one-off read.
public protocol MetricSource: Sendable {
  /// The aggregate of samples of `metric` (of one system, or of all when `system` is nil) with a
  /// timestamp in `(now − window, now]`; nil when there is none (`count` gives 0 then).
  func aggregate(_ aggregate: MetricAggregate, metric: String, system: String?, over window: Span, at now: Timestamp) -> Double?

  /// Every metric name seen, sorted (for error messages that suggest a name).
  var metricNames: [String] { get }
}
