/// The live, bounded model of a data directory: what the metrics need over their longest window,
/// updated incrementally as the poller reads new data.
///
/// Status lines become runs of equal state per system (`StatusTimeline`) and latency buckets
/// (`LatencyHistory`), metric lines become time buckets (`MetricBuckets`); none of them grows with
/// the number of lines, and `discardExpired(at:)` drops what fell out of `retention`. The small files
/// are kept whole, per path, as last read successfully. Everything is a value, so `engineInput()`
/// copies references, not history.
public struct Store: Sendable {
  /// The longest window any figure looks at.
  public static let retention = Span.days(30)
  /// Issues kept per file (the report still counts them all), so a log of garbage stays bounded.
  public static let issuesKeptPerFile = 200

  public private(set) var configuration: Configuration
  public internal(set) var timelines: [String: StatusTimeline] = [:]
  public internal(set) var latency: [String: LatencyHistory] = [:]
  public private(set) var metrics = MetricBuckets(retention: Store.retention)
  var messages: [String: TimedMessage] = [:]
  /// Last good contents of each whole-read file, by path.
  public private(set) var contents: [String: FileContents] = [:]
  /// The systems each log named, in the order first seen (for the unknown-system check).
  private var logSystems: [String: [String]] = [:]
  public private(set) var reports: [String: FileReport] = [:]
  /// The latest issues of each log.
  private var issuesByFile: [String: [DataIssue]] = [:]

  public init(configuration: Configuration = Configuration()) {
    self.configuration = configuration
  }

  /// State runs held over all systems (what bounds the status history's memory).
  public var retainedRunCount: Int { timelines.values.reduce(0) { $0 + $1.runs.count } }

  /// Adds status samples (any order). Samples at or before `aggregatesAfter` (data read again after
  /// a truncation) still refine the timelines, where a repeat changes nothing, but are not added to
  /// the latency means a second time.
  ///
  /// The histories of the systems in the batch are taken out of their dictionaries and updated by
  /// index, so each sample costs one hash lookup rather than one per structure.
  /// - Complexity: O(samples) when they come in time order per system.
  public mutating func add(_ samples: [StatusSample], from path: String = "", aggregatesAfter: Timestamp? = nil) {
    var slots: [String: Int] = [:]
    var names: [String] = []
    var runs: [StatusTimeline] = []
    var latencies: [LatencyHistory?] = []
    let staleAfter = configuration.staleAfter
    for sample in samples {
      let slot: Int
      if let found = slots[sample.system] {
        slot = found
      } else {
        slot = names.count
        slots[sample.system] = slot
        names.append(sample.system)
        runs.append(timelines.removeValue(forKey: sample.system) ?? StatusTimeline(staleAfter: staleAfter))
        latencies.append(latency.removeValue(forKey: sample.system))
      }
      runs[slot].insert(state: sample.state, at: sample.timestamp)
      if let cutoff = aggregatesAfter, sample.timestamp <= cutoff { continue }
      if let value = sample.latencyMs {
        if latencies[slot] == nil { latencies[slot] = LatencyHistory() }
        latencies[slot]?.add(value, at: sample.timestamp)
      }
      if let text = sample.message, messages[sample.system].map({ $0.time <= sample.timestamp }) ?? true {
        messages[sample.system] = TimedMessage(time: sample.timestamp, text: text)
      }
    }
    for (slot, name) in names.enumerated() {
      timelines[name] = runs[slot]
      latency[name] = latencies[slot]
    }
    noteSystems(Set(names), from: path)
  }

  /// Adds metric samples; those at or before `aggregatesAfter` were counted before and are skipped.
  public mutating func add(_ samples: [MetricSample], from path: String = "", aggregatesAfter: Timestamp? = nil) {
    var touched = Set<String>()
    defer { noteSystems(touched, from: path) }
    for sample in samples {
      if let system = sample.system, !touched.contains(system) { touched.insert(system) }
      if let cutoff = aggregatesAfter, sample.timestamp <= cutoff { continue }
      metrics.add(sample)
    }
  }

  mutating func noteSystems(_ systems: Set<String>, from path: String) {
    let known = Set(logSystems[path] ?? [])
    let added = systems.subtracting(known)
    if !added.isEmpty { logSystems[path, default: []] += added.sorted() }
  }

  /// Replaces a whole-read file's contents (a configuration also becomes the store's configuration).
  /// - Returns: whether the status history must be rebuilt (`stale_after` or the zone changed, and
  ///   both shape how status lines were read).
  @discardableResult
  public mutating func setContents(_ newContents: FileContents) -> Bool {
    contents[newContents.path] = newContents
    guard case .configuration(let newConfiguration) = newContents.records else { return false }
    let rebuild = newConfiguration.staleAfter != configuration.staleAfter || newConfiguration.zone != configuration.zone
    configuration = newConfiguration
    if rebuild { clearLiveData() }
    return rebuild
  }

  /// Empties the status and metric history (before every log is read again from the start).
  public mutating func clearLiveData() {
    timelines = [:]
    latency = [:]
    messages = [:]
    metrics = MetricBuckets(retention: Store.retention)
  }

  public mutating func setReport(_ report: FileReport) { reports[report.path] = report }

  public mutating func removeReport(for path: String) {
    reports[path] = nil
    issuesByFile[path] = nil
    logSystems[path] = nil
  }

  /// Adds issues of a log, keeping only the latest `issuesKeptPerFile` (a whole-read file's issues
  /// are part of its `FileContents`).
  public mutating func appendIssues(_ issues: [DataIssue], for path: String) {
    guard !issues.isEmpty else { return }
    var kept = issuesByFile[path, default: []]
    kept.append(contentsOf: issues.suffix(Store.issuesKeptPerFile))
    if kept.count > Store.issuesKeptPerFile { kept.removeFirst(kept.count - Store.issuesKeptPerFile) }
    issuesByFile[path] = kept
  }

  /// Drops history no window can reach any more: state runs that stopped holding before
  /// `now − retention − stale_after`, metric buckets older than `retention`, and systems left empty.
  public mutating func discardExpired(at now: Timestamp) {
    let cutoff = now - Store.retention - configuration.staleAfter
    for system in Array(timelines.keys) {
      timelines[system]?.discard(endingBefore: cutoff)
      if timelines[system]?.runs.isEmpty == true { timelines[system] = nil }
    }
    for (system, history) in latency where (history.latest?.time ?? cutoff) < cutoff {
      latency[system] = nil
      messages[system] = nil
    }
    metrics.discard(olderThan: now)
  }

  /// What the metric engine reads. Cheap: the histories are values shared, not copied; only the
  /// small files' records are assembled again (with the cross-file rules of `DataLoader.assemble`).
  public func engineInput() -> EngineInput {
    var files = Array(contents.values)
    // Each log stands in with one sample per system it named, so unknown ids are reported too.
    for (path, systems) in logSystems {
      let kind = reports[path]?.kind ?? .status
      let records: FileRecords =
        kind == .metrics
        ? .metrics(systems.map { MetricSample(timestamp: Timestamp(milliseconds: 0), metric: "", value: 0, system: $0) })
        : .status(systems.map { StatusSample(timestamp: Timestamp(milliseconds: 0), system: $0, state: .unknown) })
      files.append(FileContents(path: path, records: records))
    }
    let assembled = DataLoader.assemble(configuration: configuration, contents: files)
    let paths = reports.keys.sorted()
    let logIssues = paths.flatMap { path in contents[path] == nil ? issuesByFile[path] ?? [] : [] }
    let failures = paths.compactMap { path in reports[path]?.failure.map { DataIssue(file: path, line: nil, message: $0) } }
    return EngineInput(
      configuration: configuration, systems: assembled.systems, budget: assembled.budget,
      incidents: assembled.incidents, compliance: assembled.compliance, timelines: timelines, latency: latency,
      lastMessages: messages.mapValues(\.text), metrics: metrics,
      files: paths.compactMap { reports[$0] },
      issues: (failures + assembled.issues + logIssues).sorted(by: DataLoader.issueOrder))
  }

  /// The incidents of every incident file, for telling new ids from known ones.
  var incidentIDs: Set<String> {
    var ids = Set<String>()
    for file in contents.values {
      if case .incidents(let records) = file.records { ids.formUnion(records.map(\.id)) }
    }
    return ids
  }
}
/// A status message and the time of the sample that carried it.
struct TimedMessage: Hashable, Sendable {
  var time: Timestamp
  var text: String
}
