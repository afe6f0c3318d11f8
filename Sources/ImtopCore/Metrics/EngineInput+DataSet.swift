extension EngineInput {
  /// The cold path: everything the engine needs from one read of a data directory, as of `now`.
  ///
  /// Status samples are ordered by time, then by file order (so of two samples at the same instant the
  /// one written later wins), and only samples at or before `now` are used: a replayed log or a
  /// `--now` in the past must not see the future. Metric samples are all kept; the source's windows
  /// end at the instant they are asked about.
  public init(dataSet: DataSet, now: Timestamp) {
    let configuration = dataSet.configuration
    let ordered = dataSet.status.enumerated()
      .filter { $0.element.timestamp <= now }
      .sorted { ($0.element.timestamp, $0.offset) < ($1.element.timestamp, $1.offset) }
      .map(\.element)
    var timelines: [String: StatusTimeline] = [:]
    var latency: [String: LatencyHistory] = [:]
    var messages: [String: String] = [:]
    for sample in ordered {
      timelines[sample.system, default: StatusTimeline(staleAfter: configuration.staleAfter)]
        .insert(state: sample.state, at: sample.timestamp)
      if let ms = sample.latencyMs, ms.isFinite {
        latency[sample.system, default: LatencyHistory()].add(ms, at: sample.timestamp)
      }
      if let message = sample.message, !message.isEmpty {
        messages[sample.system] = message
      }
    }
    self.init(
      configuration: configuration, systems: dataSet.systems, budget: dataSet.budget,
      incidents: dataSet.incidents, compliance: dataSet.compliance, timelines: timelines, latency: latency,
      lastMessages: messages, metrics: SampleMetricSource(samples: dataSet.metrics), files: dataSet.files,
      issues: dataSet.issues)
  }
}
