/// One line of `status.jsonl`: a monitor's observation of a system at an instant.
public struct StatusSample: Hashable, Sendable {
  public var timestamp: Timestamp
  public var system: String
  public var state: ServiceState
  public var latencyMs: Double?
  public var message: String?

  public init(timestamp: Timestamp, system: String, state: ServiceState, latencyMs: Double? = nil, message: String? = nil) {
    self.timestamp = timestamp
    self.system = system
    self.state = state
    self.latencyMs = latencyMs
    self.message = message
  }
}

/// One line of `metrics.jsonl`: any other numeric sample.
public struct MetricSample: Hashable, Sendable {
  public var timestamp: Timestamp
  public var metric: String
  public var value: Double
  public var system: String?
  public var unit: String?

  public init(timestamp: Timestamp, metric: String, value: Double, system: String? = nil, unit: String? = nil) {
    self.timestamp = timestamp
    self.metric = metric
    self.value = value
    self.system = system
    self.unit = unit
  }
}
