import ImtopCore

/// Turns the series of a source's queries into the store's samples (the README's "Prometheus as a
/// source"): at each instant where `up` has a number, a status sample of the system its series
/// names, `maintenance` winning, then down (`up` 0), then `degraded`; `latency_ms` attached.
public struct PrometheusSamples {
  public let source: PrometheusSourceSettings

  public init(source: PrometheusSourceSettings) {
    self.source = source
  }

  /// The answers of the status queries, by role.
  public struct StatusSeries {
    public var up: [PrometheusSeries]
    public var degraded: [PrometheusSeries] = []
    public var maintenance: [PrometheusSeries] = []
    public var latencyMs: [PrometheusSeries] = []

    public init(up: [PrometheusSeries], degraded: [PrometheusSeries] = [], maintenance: [PrometheusSeries] = [], latencyMs: [PrometheusSeries] = []) {
      self.up = up
      self.degraded = degraded
      self.maintenance = maintenance
      self.latencyMs = latencyMs
    }
  }

  /// Status samples in time order, and an issue for each series that names no system.
  public func status(_ series: StatusSeries) -> (samples: [StatusSample], issues: [DataIssue]) {
    var issues: [DataIssue] = []
    let up = values(series.up, query: "status.up", issues: &issues)
    let degraded = values(series.degraded, query: "status.degraded", issues: &issues)
    let maintenance = values(series.maintenance, query: "status.maintenance", issues: &issues)
    let latency = values(series.latencyMs, query: "status.latency_ms", issues: &issues)
    var samples: [StatusSample] = []
    for (system, points) in up {
      for (time, value) in points where !value.isNaN {
        var state = ServiceState.up
        if Self.isSet(maintenance[system]?[time]) {
          state = .maintenance
        } else if value == 0 {
          state = .down
        } else if Self.isSet(degraded[system]?[time]) {
          state = .degraded
        }
        let latencyMs = latency[system]?[time].flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
        samples.append(StatusSample(timestamp: time, system: system, state: state, latencyMs: latencyMs))
      }
    }
    samples.sort { ($0.timestamp, $0.system) < ($1.timestamp, $1.system) }
    return (samples, issues)
  }

  /// The metric samples of one `[[source.metric]]`'s answer; a series with no system label is a
  /// fleet-wide figure (no system), as a metric line without `system` is.
  public func metrics(_ series: [PrometheusSeries], of metric: PrometheusSourceSettings.MetricQuery) -> [MetricSample] {
    var samples: [MetricSample] = []
    for entry in series {
      let system = entry.labels[source.systemLabel]
      for (time, value) in entry.points where !value.isNaN {
        samples.append(MetricSample(timestamp: time, metric: metric.name, value: value, system: system, unit: metric.unit))
      }
    }
    return samples
  }

  /// A value that says yes: a number other than 0 (NaN says nothing).
  private static func isSet(_ value: Double?) -> Bool {
    guard let value, !value.isNaN else { return false }
    return value != 0
  }

  /// Each system's value at each instant; several series of one system are taken together by their
  /// largest value (as `max by (system)` would). A series without the system label is left out, with an issue.
  private func values(_ series: [PrometheusSeries], query: String, issues: inout [DataIssue]) -> [String: [Timestamp: Double]] {
    var result: [String: [Timestamp: Double]] = [:]
    for entry in series {
      guard let system = entry.labels[source.systemLabel], !system.isEmpty else {
        issues.append(DataIssue(
          file: source.name, line: nil,
          message: "\(query): series \(entry.labelText) has no label \"\(source.systemLabel)\" (left out): expected the system id in it (system_label), e.g. max by (\(source.systemLabel)) (...)"))
        continue
      }
      for (time, value) in entry.points {
        if let old = result[system]?[time], !old.isNaN, value.isNaN || old >= value { continue }
        result[system, default: [:]][time] = value
      }
    }
    return result
  }
}
