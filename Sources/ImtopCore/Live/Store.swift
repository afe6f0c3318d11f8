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
  public private(set) var timelines: [String: StatusTimeline] = [:]
  public private(set) var latency: [String: LatencyHistory] = [:]
  public private(set) var metrics = MetricBuckets(retention: Store.retention)
  private var messages: [String: TimedMessage] = [:]
  /// Last good contents of each whole-read file, by path.
  private(set) var contents: [String: WholeFileContents] = [:]
  public private(set) var reports: [String: FileReport] = [:]
  private var issuesByFile: [String: [DataIssue]] = [:]

  public init(configuration: Configuration = Configuration()) {
    self.configuration = configuration
  }

  /// State runs held over all systems (what bounds the status history's memory).
  public var retainedRunCount: Int { timelines.values.reduce(0) { $0 + $1.runs.count } }

  /// Adds status samples (any order). Samples at or before `aggregatesAfter` (data read again after
  /// a truncation) still refine the timelines, where a repeat changes nothing, but are not added to
  /// the latency means a second time.
  /// - Returns: the systems touched.
  /// - Complexity: O(samples) when they come in time order per system.
  @discardableResult
  public mutating func add(_ samples: [StatusSample], aggregatesAfter: Timestamp? = nil) -> Set<String> {
    var touched = Set<String>()
    let staleAfter = configuration.staleAfter
    for sample in samples {
      if !touched.contains(sample.system) { touched.insert(sample.system) }
      timelines[sample.system, default: StatusTimeline(staleAfter: staleAfter)].insert(state: sample.state, at: sample.timestamp)
      if let cutoff = aggregatesAfter, sample.timestamp <= cutoff { continue }
      if let value = sample.latencyMs {
        latency[sample.system, default: LatencyHistory()].add(value, at: sample.timestamp)
      }
      if let text = sample.message, messages[sample.system].map({ $0.time <= sample.timestamp }) ?? true {
        messages[sample.system] = TimedMessage(time: sample.timestamp, text: text)
      }
    }
    return touched
  }

  /// Adds metric samples; those at or before `aggregatesAfter` were counted before and are skipped.
  public mutating func add(_ samples: [MetricSample], aggregatesAfter: Timestamp? = nil) {
    for sample in samples {
      if let cutoff = aggregatesAfter, sample.timestamp <= cutoff { continue }
      metrics.add(sample)
    }
  }

  /// Replaces a whole-read file's records (a configuration also becomes the store's configuration).
  /// - Returns: whether the status history must be rebuilt (`stale_after` or the zone changed, and
  ///   both shape how status lines were read).
  @discardableResult
  public mutating func setContents(_ newContents: WholeFileContents, for path: String) -> Bool {
    contents[path] = newContents
    guard case .configuration(let newConfiguration) = newContents else { return false }
    let rebuild = newConfiguration.staleAfter != configuration.staleAfter || newConfiguration.zone != configuration.zone
    configuration = newConfiguration
    if rebuild { clearLiveData() }
    return rebuild
  }

  /// Forgets a whole-read file's records (a configuration goes back to the defaults).
  /// - Returns: whether the status history must be rebuilt, as for `setContents`.
  @discardableResult
  public mutating func removeContents(for path: String) -> Bool {
    guard let old = contents.removeValue(forKey: path) else { return false }
    guard case .configuration = old else { return false }
    let rebuild = setContents(.configuration(Configuration()), for: path)
    contents[path] = nil
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
  }

  /// Adds issues of a file, keeping only the latest `issuesKeptPerFile`.
  public mutating func appendIssues(_ issues: [DataIssue], for path: String) {
    guard !issues.isEmpty else { return }
    var kept = issuesByFile[path, default: []]
    kept.append(contentsOf: issues.suffix(Store.issuesKeptPerFile))
    if kept.count > Store.issuesKeptPerFile { kept.removeFirst(kept.count - Store.issuesKeptPerFile) }
    issuesByFile[path] = kept
  }

  public mutating func replaceIssues(_ issues: [DataIssue], for path: String) {
    issuesByFile[path] = nil
    appendIssues(issues, for: path)
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

  /// What the metric engine reads. Cheap: the histories are values shared, not copied.
  public func engineInput() -> EngineInput {
    var systems: [SystemRecord] = []
    var budget: [BudgetLine] = []
    var incidents: [Incident] = []
    var compliance: [ComplianceItem] = []
    for path in contents.keys.sorted() {
      switch contents[path] {
      case .systems(let records): systems += records
      case .budget(let records): budget += records
      case .incidents(let records): incidents += records
      case .compliance(let records): compliance += records
      case .configuration, nil: break
      }
    }
    let paths = reports.keys.sorted()
    return EngineInput(
      configuration: configuration, systems: systems, budget: budget, incidents: incidents,
      compliance: compliance, timelines: timelines, latency: latency,
      lastMessages: messages.mapValues(\.text), metrics: metrics,
      files: paths.compactMap { reports[$0] },
      issues: paths.flatMap { issuesByFile[$0] ?? [] })
  }

  /// The incidents of every incident file, for telling new ids from known ones.
  var incidentIDs: Set<String> {
    var ids = Set<String>()
    for case .incidents(let records) in contents.values { ids.formUnion(records.map(\.id)) }
    return ids
  }
}

/// A status message and the time of the sample that carried it.
struct TimedMessage: Hashable, Sendable {
  var time: Timestamp
  var text: String
}
