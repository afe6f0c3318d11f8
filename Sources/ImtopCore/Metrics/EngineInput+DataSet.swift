extension EngineInput {
  /// The cold path: everything the engine needs from one read of a data directory, as of `now`.
  ///
  /// Status samples are ordered by time, then by file order (so of two samples at the same instant the
  /// one written later wins), and only samples at or before `now` are used: a replayed log or a
  /// `--now` in the past must not see the future. Metric samples are all kept; the source's windows
  /// end at the instant they are asked about.
  public init(dataSet: DataSet, now: Timestamp) {
    let configuration = dataSet.configuration
    // Per system, in file order; a monitor appends in time order, so most groups need no sort at all.
    var grouped: [String: [StatusSample]] = [:]
    for sample in dataSet.status where sample.timestamp <= now {
      grouped[sample.system, default: []].append(sample)
    }
    var timelines: [String: StatusTimeline] = [:]
    var latency: [String: LatencyHistory] = [:]
    var messages: [String: String] = [:]
    for (system, group) in grouped {
      var ordered = group
      if !EngineInput.isChronological(group) {
        ordered = group.enumerated()
          .sorted { ($0.element.timestamp, $0.offset) < ($1.element.timestamp, $1.offset) }
          .map(\.element)
      }
      var timeline = StatusTimeline(staleAfter: configuration.staleAfter)
      var history: LatencyHistory?
      for sample in ordered {
        timeline.insert(state: sample.state, at: sample.timestamp)
        if let ms = sample.latencyMs, ms.isFinite {
          if history == nil { history = LatencyHistory() }
          history?.add(ms, at: sample.timestamp)
        }
        if let message = sample.message, !message.isEmpty { messages[system] = message }
      }
      timelines[system] = timeline
      latency[system] = history
    }
    self.init(
      configuration: configuration, systems: dataSet.systems, budget: dataSet.budget,
      incidents: dataSet.incidents, compliance: dataSet.compliance, timelines: timelines, latency: latency,
      lastMessages: messages, metrics: SampleMetricSource(samples: dataSet.metrics), files: dataSet.files,
      issues: dataSet.issues)
  }

  private static func isChronological(_ samples: [StatusSample]) -> Bool {
    zip(samples, samples.dropFirst()).allSatisfy { $0.timestamp <= $1.timestamp }
  }
}
