import Synchronization

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
  /// Issues the dashboard keeps per file (the report still counts them all), so a log of garbage
  /// stays bounded.
  public static let issuesKeptPerFile = 200

  /// Issues kept per log: `issuesKeptPerFile` on screen, all of them for `imtop check`.
  public let issueLimit: Int
  /// The settings in use: the user's configuration over the data directory's `imtop.toml`.
  public private(set) var configuration: Configuration
  /// The user's configuration, laid over every `imtop.toml` read.
  public let user: UserConfiguration
  public internal(set) var timelines: [String: StatusTimeline] = [:]
  public internal(set) var latency: [String: LatencyHistory] = [:]
  public private(set) var metrics: MetricBuckets
  /// Monthly service figures of the fiscal year, for the months the runs no longer reach.
  public internal(set) var monthly = MonthlyLedger()
  var messages: [String: TimedMessage] = [:]
  /// Run messages kept once each (see `intern`), at most `internedMessageLimit` of them.
  var internedMessages: Set<String> = []
  static let internedMessageLimit = 4096
  /// Last good contents of each whole-read file, by path.
  public private(set) var contents: [String: FileContents] = [:]
  /// The systems each log named, with the line of the first sample naming each (for the
  /// unknown-system check) and how many samples did.
  private var logSystems: [String: [String: LoggedSystem]] = [:]
  public private(set) var reports: [String: FileReport] = [:]
  /// The latest issues of each log.
  private var issuesByFile: [String: [DataIssue]] = [:]
  /// Samples read before their time (see `Store+Future`).
  var heldStatus: [HeldSample<StatusSample>] = []
  var heldMetrics: [HeldSample<MetricSample>] = []
  /// Per log, future samples dropped for want of room.
  var droppedFuture: [String: Int] = [:]
  /// Changes whenever what `engineInput` assembles from changes (a whole-read file's contents, the
  /// configuration, the systems a log named): the key of `EngineInputCache`. Taken from one counter
  /// for every store, so two stores never share a value.
  private var assemblyGeneration = Store.nextGeneration()
  private static let generations = Atomic<Int>(0)
  private static func nextGeneration() -> Int { generations.wrappingAdd(1, ordering: .relaxed).newValue }

  /// - Parameters:
  ///   - issueLimit: issues kept per log (the dashboard keeps `issuesKeptPerFile`).
  ///   - metricResolution: the width of the metric buckets. The dashboard's 5 minutes bound memory
  ///     by time; a one-shot command uses 1 ms, a bucket per instant, so its windows are exact.
  public init(
    configuration: Configuration = Configuration(), user: UserConfiguration = .none,
    issueLimit: Int = Store.issuesKeptPerFile, metricResolution: Span = .minutes(5)
  ) {
    self.user = user
    self.configuration = user.applied(over: configuration)
    self.issueLimit = max(1, issueLimit)
    self.metrics = MetricBuckets(bucketWidth: metricResolution, retention: Store.retention)
  }

  /// The store of a one-shot command (`imtop snapshot`, `imtop check`): every issue kept, metric
  /// windows exact.
  public static func oneShot(configuration: Configuration = Configuration(), user: UserConfiguration = .none) -> Store {
    Store(configuration: configuration, user: user, issueLimit: .max, metricResolution: Span(milliseconds: 1))
  }

  /// State runs held over all systems (what bounds the status history's memory).
  public var retainedRunCount: Int { timelines.values.reduce(0) { $0 + $1.runs.count } }

  /// Adds status samples (any order), as if read from `path` in this order. Samples at or before
  /// `aggregatesAfter` (data read again after a truncation) still refine the timelines, where a
  /// repeat changes nothing, but are not added to the latency means a second time.
  ///
  /// The samples go through the same code as lines read from a log (`add(_:from:aggregatesAfter:)`
  /// for compact batches), their ids numbered and messages copied into one buffer first. Being
  /// records rather than lines, they name their systems at no line. `counted`: they were counted
  /// among the log's records when read (held samples whose time has come).
  public mutating func add(
    _ samples: [StatusSample], from path: String = "", aggregatesAfter: Timestamp? = nil, now: Timestamp? = nil,
    counted: Bool = false
  ) {
    var text: [UInt8] = []
    var spans: [(start: Int32, end: Int32)] = []
    spans.reserveCapacity(samples.count)
    for sample in samples {
      guard let message = sample.message, !message.isEmpty else {
        spans.append((-1, -1))
        continue
      }
      let start = Int32(truncatingIfNeeded: text.count)
      text.append(contentsOf: message.utf8)
      spans.append((start, Int32(truncatingIfNeeded: text.count)))
    }
    text.withUnsafeBufferPointer { source in
      var batch = CompactStatusBatch(source: source)
      for (index, sample) in samples.enumerated() {
        let number = Array(sample.system.utf8).withUnsafeBufferPointer { batch.systems.number(of: $0) }
        let compact = CompactStatusBatch.Sample(
          time: sample.timestamp, latency: sample.latencyMs ?? .nan, system: number, messageStart: spans[index].start,
          messageEnd: spans[index].end, state: sample.state, messageHasEscapes: false)
        batch.append(compact, line: 0)  // records in memory have no line
      }
      let dropped = add([batch], from: path, aggregatesAfter: aggregatesAfter, now: now, counted: counted)
      if !dropped.isEmpty { appendIssues(dropped, for: path) }
    }
  }

  /// Adds metric samples; those at or before `aggregatesAfter` were counted before and are skipped.
  /// `systemLines` gives the line of the first sample naming each system (see `LineBatch`); samples
  /// whose value is not finite are left out, as no aggregate can use them; samples stamped after
  /// `now` are held back until their time. `counted`: as for status samples.
  public mutating func add(
    _ samples: [MetricSample], from path: String = "", systemLines: [String: Int] = [:], aggregatesAfter: Timestamp? = nil,
    now: Timestamp? = nil, counted: Bool = false
  ) {
    var named = systemLines.mapValues { LoggedSystem(firstLine: $0, samples: 0) }
    var future: [MetricSample] = []
    for sample in samples {
      if let system = sample.system {
        named[system, default: LoggedSystem(firstLine: 0, samples: 0)].samples += counted ? 0 : 1
      }
      if let cutoff = aggregatesAfter, sample.timestamp <= cutoff { continue }
      if let now, sample.timestamp > now {
        future.append(sample)
      } else if sample.value.isFinite {
        metrics.add(sample)
      }
    }
    if !future.isEmpty { holdFuture(future, from: path) }
    noteSystems(named, from: path)
  }

  /// Remembers the systems a log named: for each, the line of the first sample seen and how many
  /// samples there were (`named` holds those of one read).
  mutating func noteSystems(_ named: [String: LoggedSystem], from path: String) {
    guard !named.isEmpty else { return }
    // Taken out while it changes, so the log's table is changed in place rather than copied whole
    // on every read (at 50,000 systems, the copy was most of a cold load's time in the store).
    var known = logSystems.removeValue(forKey: path) ?? [:]
    if known.isEmpty { known.reserveCapacity(named.count) }
    for (system, read) in named {
      // A system the log had not named changes the assembly (unknown ids, where they first occur),
      // and so does the first sample of one named only by a held future line (an id without
      // samples is not listed as unregistered). More samples of one it had named change only the
      // counts, which `engineInput` brings up to date.
      if let index = known.index(forKey: system) {
        if known.values[index].samples == 0 && read.samples > 0 { assemblyGeneration = Store.nextGeneration() }
        known.values[index].samples += read.samples
      } else {
        assemblyGeneration = Store.nextGeneration()
        known[system] = read
      }
    }
    logSystems[path] = known
  }

  /// Replaces a whole-read file's contents (a configuration also becomes the store's configuration).
  /// - Returns: whether the status history must be rebuilt (`stale_after` or the zone changed, and
  ///   both shape how status lines were read; or the fiscal year's first month, which decides the
  ///   months the monthly figures keep).
  @discardableResult
  public mutating func setContents(_ newContents: FileContents) -> Bool {
    contents[newContents.path] = newContents
    assemblyGeneration = Store.nextGeneration()
    guard case .configuration(let read) = newContents.records else { return false }
    let newConfiguration = user.applied(over: read)
    let rebuild =
      newConfiguration.staleAfter != configuration.staleAfter || newConfiguration.zone != configuration.zone
      || newConfiguration.fiscalYearStart != configuration.fiscalYearStart
    configuration = newConfiguration
    if rebuild { clearLiveData() }
    return rebuild
  }

  /// Empties the status and metric history, and what the logs were found to hold (before every log
  /// and remote source is read again from the start).
  public mutating func clearLiveData() {
    // The systems the logs named, with their sample counts, are noted again as the logs are read.
    logSystems = [:]
    // So are their bad lines: kept, they would be listed twice.
    issuesByFile = [:]
    assemblyGeneration = Store.nextGeneration()
    timelines = [:]
    latency = [:]
    messages = [:]
    monthly = MonthlyLedger()
    metrics = MetricBuckets(bucketWidth: metrics.bucketWidth, retention: Store.retention)
    heldStatus = []
    heldMetrics = []
    droppedFuture = [:]
  }

  public mutating func setReport(_ report: FileReport) { reports[report.path] = report }

  /// A log followed on under a new name: its report, issues and systems move with it.
  mutating func renameLog(from old: String, to new: String) {
    assemblyGeneration = Store.nextGeneration()
    if var report = reports.removeValue(forKey: old) {
      report.path = new
      reports[new] = report
    }
    issuesByFile[new] = issuesByFile.removeValue(forKey: old)
    logSystems[new] = logSystems.removeValue(forKey: old)
    for index in heldStatus.indices where heldStatus[index].path == old { heldStatus[index].path = new }
    for index in heldMetrics.indices where heldMetrics[index].path == old { heldMetrics[index].path = new }
  }

  public mutating func removeReport(for path: String) {
    assemblyGeneration = Store.nextGeneration()
    reports[path] = nil
    issuesByFile[path] = nil
    logSystems[path] = nil
  }

  /// The issues kept for one log.
  func issues(for path: String) -> [DataIssue] { issuesByFile[path] ?? [] }

  /// Adds issues of a log, keeping only the latest `issuesKeptPerFile` (a whole-read file's issues
  /// are part of its `FileContents`).
  public mutating func appendIssues(_ issues: [DataIssue], for path: String) {
    guard !issues.isEmpty else { return }
    var kept = issuesByFile[path, default: []]
    kept.append(contentsOf: issues.suffix(issueLimit))
    if kept.count > issueLimit { kept.removeFirst(kept.count - issueLimit) }
    issuesByFile[path] = kept
  }

  /// Drops history no window can reach any more: state runs that stopped holding before
  /// `now − retention − stale_after`, metric buckets older than `retention`, and systems left empty.
  public mutating func discardExpired(at now: Timestamp) {
    let cutoff = now - Store.retention - configuration.staleAfter
    sealMonths(before: cutoff, at: now)
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
  /// small files' records are assembled again, with the cross-file rules (`Store.assemble`).
  public func engineInput() -> EngineInput {
    var cache = EngineInputCache()
    return engineInput(cache: &cache)
  }

  /// The same, assembling the small files' records only when they changed since `cache` was filled
  /// (an idle dashboard's recomputation on 50,000 systems then does not check them all again).
  public func engineInput(cache: inout EngineInputCache) -> EngineInput {
    let assembled: Assembly
    if let kept = cache.assembly, cache.generation == assemblyGeneration {
      assembled = kept
    } else {
      assembled = assemble()
      cache = EngineInputCache(generation: assemblyGeneration, assembly: assembled)
    }
    let paths = reports.keys.sorted()
    let logIssues = paths.flatMap { path in contents[path] == nil ? issuesByFile[path] ?? [] : [] } + droppedFutureIssues
    let failures = paths.compactMap { path in
      reports[path].flatMap { report in report.failure.map { DataIssue(file: path, line: report.failureLine, message: $0) } }
    }
    var input = EngineInput(
      configuration: configuration, systems: assembled.systems, budget: assembled.budget,
      incidents: assembled.incidents, compliance: assembled.compliance, timelines: timelines, latency: latency,
      lastMessages: messages.mapValues(\.text), metrics: metrics,
      files: paths.compactMap { reports[$0].map(assembled.adjusted) },
      issues: (failures + assembled.issues + logIssues).sorted(by: DataIssue.fileOrder),
      unregistered: assembled.unregistered(logged: loggedSamples(of:)), heldSamples: heldGroups, monthly: monthly)
    input.training = assembled.training
    input.access = assembled.access
    input.retention = assembled.retention
    return input
  }

  /// The small files' records with the cross-file rules, each log standing in with the systems it named.
  private func assemble() -> Assembly {
    var files = Array(contents.values)
    // Each log stands in with the systems it named, at their first lines, so that unknown ids are
    // reported where they first occur (a line of 0 was not known: the id is reported without one).
    var logged: [FileKind: [String: Int]] = [:]
    for (path, systems) in logSystems {
      let kind = reports[path]?.kind ?? .status
      let ids = systems.keys.sorted()
      let records: FileRecords =
        kind == .metrics
        ? .metrics(ids.map { MetricSample(timestamp: Timestamp(milliseconds: 0), metric: "", value: 0, system: $0) })
        : .status(ids.map { StatusSample(timestamp: Timestamp(milliseconds: 0), system: $0, state: .unknown) })
      let lines = systems.compactMapValues { $0.firstLine > 0 ? $0.firstLine : nil }
      files.append(FileContents(path: path, records: records, systemLines: lines))
      for (id, system) in systems { logged[kind, default: [:]][id, default: 0] += system.samples }
    }
    var assembly = Store.assemble(configuration: configuration, contents: files, logged: logged)
    assembly.unregisteredInFiles = assembly.unregistered.map { $0.records - loggedSamples(of: $0.id) }
    return assembly
  }

  /// The samples the logs named `id` in, as read so far.
  private func loggedSamples(of id: String) -> Int {
    logSystems.values.reduce(0) { $0 + ($1[id]?.samples ?? 0) }
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
/// The small files' records as `Store.engineInput(cache:)` last assembled them.
public struct EngineInputCache: Sendable {
  var generation = 0
  var assembly: Store.Assembly?

  public init() {}

  init(generation: Int, assembly: Store.Assembly) {
    self.generation = generation
    self.assembly = assembly
  }
}

/// A status message and the time of the sample that carried it.
struct TimedMessage: Hashable, Sendable {
  var time: Timestamp
  var text: String
}

/// What the store remembers of a system a log named.
struct LoggedSystem: Hashable, Sendable {
  /// The line of its first sample (0 when not known: samples added as records).
  var firstLine: Int
  var samples: Int
}
