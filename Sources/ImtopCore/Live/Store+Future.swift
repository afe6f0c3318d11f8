extension Store {
  /// Most samples held back for being stamped in the future; more are dropped and reported, so a
  /// monitor with a clock years ahead cannot grow the store without bound.
  public static let maximumHeldSamples = 100_000

  /// A sample read before its time, with the log it came from and its line there (0: not known).
  struct HeldSample<Sample: Sendable>: Sendable {
    var path: String
    var sample: Sample
    var line = 0
  }

  /// Holds status samples, each with its line, stamped after the poll that read them: they take
  /// effect at their time (`releaseDue(at:)`), exactly as if they had been read then, and never before.
  mutating func holdFuture(_ samples: [(sample: StatusSample, line: Int)], from path: String) {
    let room = max(0, Store.maximumHeldSamples - heldStatus.count - heldMetrics.count)
    heldStatus += samples.prefix(room).map { HeldSample(path: path, sample: $0.sample, line: $0.line) }
    if samples.count > room { droppedFuture[path, default: 0] += samples.count - room }
  }

  /// Holds metric samples stamped after the poll that read them (see `holdFuture(_:from:)`).
  mutating func holdFuture(_ samples: [MetricSample], from path: String) {
    let room = max(0, Store.maximumHeldSamples - heldStatus.count - heldMetrics.count)
    heldMetrics += samples.prefix(room).map { HeldSample(path: path, sample: $0) }
    if samples.count > room { droppedFuture[path, default: 0] += samples.count - room }
  }

  /// Samples held back so far (what bounds their memory).
  public var heldSampleCount: Int { heldStatus.count + heldMetrics.count }

  /// The earliest time a held sample takes effect, for the poller's next deadline.
  public var nextHeldSampleTime: Timestamp? {
    (heldStatus.map(\.sample.timestamp) + heldMetrics.map(\.sample.timestamp)).min()
  }

  /// Adds the held samples whose time has come, each to the log it came from, in time order.
  /// - Returns: the paths of the logs that gained samples.
  @discardableResult
  public mutating func releaseDue(at now: Timestamp) -> Set<String> {
    let status = Store.takeDue(&heldStatus, at: now, time: \.timestamp)
    let metrics = Store.takeDue(&heldMetrics, at: now, time: \.timestamp)
    // Counted among the log's records when they were read (as a whole reading counts them).
    for (path, samples) in status { add(samples, from: path, counted: true) }
    for (path, samples) in metrics { add(samples, from: path, counted: true) }
    return Set(status.keys).union(metrics.keys)
  }

  /// Removes the samples due at `now` from `held`, grouped by the log they came from.
  private static func takeDue<Sample>(
    _ held: inout [HeldSample<Sample>], at now: Timestamp, time: (Sample) -> Timestamp
  ) -> [String: [Sample]] {
    guard held.contains(where: { time($0.sample) <= now }) else { return [:] }
    let due = held.filter { time($0.sample) <= now }
    held.removeAll { time($0.sample) <= now }
    return Dictionary(grouping: due, by: \.path).mapValues { $0.map(\.sample) }
  }

  /// The samples held back, by log and system: what `imtop check` warns about.
  var heldGroups: [HeldSamples] {
    var groups: [String: HeldSamples] = [:]
    func note(_ path: String, _ system: String?, _ time: Timestamp, _ line: Int) {
      let key = path + "\u{0}" + (system ?? "")
      var group = groups[key] ?? HeldSamples(path: path, system: system, count: 0, firstLine: nil, latest: time)
      group.count += 1
      group.latest = max(group.latest, time)
      if line > 0 { group.firstLine = min(group.firstLine ?? line, line) }
      groups[key] = group
    }
    for held in heldStatus { note(held.path, held.sample.system, held.sample.timestamp, held.line) }
    for held in heldMetrics { note(held.path, held.sample.system, held.sample.timestamp, held.line) }
    return groups.keys.sorted().compactMap { groups[$0] }
  }

  /// A warning per log whose future samples did not fit.
  var droppedFutureIssues: [DataIssue] {
    droppedFuture.keys.sorted().compactMap { path in
      droppedFuture[path].map { count in
        DataIssue(
          file: path, line: nil,
          message: "\(count) samples stamped in the future were not kept: at most \(Store.maximumHeldSamples) are held until their time",
          severity: .warning)
      }
    }
  }
}

/// Samples of one log and system held back for being stamped after the time they were read.
public struct HeldSamples: Hashable, Sendable {
  public var path: String
  public var system: String?
  public var count: Int
  /// The line of the first of them, when known.
  public var firstLine: Int?
  /// The latest time among them.
  public var latest: Timestamp
}
