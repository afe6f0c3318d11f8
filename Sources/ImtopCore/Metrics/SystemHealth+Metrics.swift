extension SystemHealth {
  /// The health, latency and cost figures of one system at `now` (the README's metric definitions). Dependency
  /// impact, open incidents and SLA flags that need the whole portfolio are filled in afterwards.
  init(
    reference: RecordReference, timeline: StatusTimeline?, latency: LatencyHistory?, message: String?,
    at now: Timestamp, latencyPoints: Int
  ) {
    self.init(reference: reference)
    lastMessage = message
    guard let timeline else {
      coverage = Windowed { _ in 0 }
      fillLatency(latency, at: now, points: latencyPoints)
      return
    }
    state = timeline.state(at: now)
    lastSample = timeline.latestSample(atOrBefore: now)
    silent = lastSample.map { now - $0 > timeline.staleAfter } ?? false
    let durations = Windowed { timeline.durations(over: $0.span, at: now) }
    availability = Windowed { durations[$0].availability }
    coverage = Windowed { durations[$0].coverage(of: $0.span) }
    outages30d = timeline.outages(over: Window.month.span, at: now)
    mtbfHours30d = outages30d > 0 ? durations.month.serving.hours / Double(outages30d) : nil
    history = timeline.history(over: Window.month.span, at: now)
    fillLatency(latency, at: now, points: latencyPoints)
  }

  private mutating func fillLatency(_ history: LatencyHistory?, at now: Timestamp, points: Int) {
    guard let history else { return }
    if let latest = history.latest, latest.time <= now {
      latencyMs = latest.value
    } else {
      // The newest sample lies after `now` (a replay): the newest bucket mean at or before it.
      latencyMs = history.buckets.last { $0.start <= now && $0.count > 0 }.map { $0.sum / Double($0.count) }
    }
    latencySeries = history.series(count: points, endingAt: now)
  }

  /// Below SLA: 30d availability below the target; false when either is missing.
  var computedBelowSLA: Bool {
    guard let sla = record.sla, let availability = availability.month else { return false }
    return availability < sla
  }
}
