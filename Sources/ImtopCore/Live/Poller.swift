import FoundationEssentials
import Glibc

/// Watches a data directory and keeps a `Store` up to date, reading only what changed.
///
/// Each `poll()` looks at every data file (a `stat` each): an append-only log that grew is read from
/// where the last poll stopped, so the cost is proportional to the bytes added; a half-written last
/// line waits for its newline; a log that shrank (truncation) or became a new inode (rotation) is
/// read again from its start; a CSV or TOML file that changed is read again whole. A file that cannot
/// be read keeps its last good contents in the store, and its report carries the failure.
/// Time comes only from the injected `TimeSource`.
public final class Poller {
  /// Bytes read at a time from a log (and so the most memory a cold load holds in raw lines).
  /// Larger than `JSONLineReader.maximumLineLength`, so any line short enough to read fits in one.
  public static let chunkSize = 2 << 20
  /// Bytes read at a time while more than this remains of a status log (a cold load of a long
  /// history). Each read's samples enter the store together, at a cost per system they name, so on
  /// a large portfolio a larger chunk names each system fewer times (at 50,000 systems this halved
  /// the load's processor time). The two buffers are allocated for that read alone and given back.
  public static let largeChunkSize = 16 << 20
  /// A read that put more than this into the chunk buffers gives their pages back after
  /// (`releaseChunkBuffers`); the few kilobytes a poll usually appends keep them.
  static let releaseAfter = 256 << 10
  /// Largest CSV or TOML file read whole.
  public static let maximumWholeFileSize = 64 << 20
  /// Most events returned by one poll (a cold load of a long history keeps the latest).
  public static let maximumEventsPerPoll = 100

  public let directory: String
  public internal(set) var store: Store
  /// How long a CSV or TOML file changed in place must stay unchanged before it is read: a writer
  /// may still be at work. The dashboard sets the larger of its poll interval and 1 s.
  public var settleTime = Span.seconds(1)
  /// Told how far a poll that reads a lot has got (`LoadProgress`), once it has run
  /// `LoadProgressMeter.delay` by `clock`, then at most every `LoadProgressMeter.interval`; called
  /// on the polling thread, in the middle of the poll.
  public var progressHandler: ((LoadProgress) -> Void)?
  /// Called on the polling thread after a read of a log in large chunks (a cold load of a long
  /// history), once its batches are freed (its mapped buffers are unmapped as the read returns):
  /// the dashboard gives the freed memory back to the system there, before the figures are
  /// computed on top of it.
  public var afterLongRead: (() -> Void)?
  /// The current poll's reading, while `progressHandler` is set.
  var reading: ReadingProgress?
  let clock: any TimeSource
  let readWholeFile: WholeFileReading
  let listing: DataDirectoryListing
  var tracked: [String: TrackedFile] = [:]
  /// What the last `engineInput()` assembled, reused while the files it came from are unchanged.
  private var inputCache = EngineInputCache()
  /// Each system's state at the previous poll, to notice it going stale.
  var reportedStates: [String: ServiceState] = [:]
  /// After the last look at every system's state: the first instant one of them can go stale
  /// (nil: none can), and when that look was. A poll that read nothing before that instant has
  /// nothing to look at (see `poll`).
  var staleDeadline: Timestamp?
  var lastStateLook: Timestamp?
  /// When expired history was last discarded.
  var lastDiscard: Timestamp?
  /// Folders of a kind that could not be listed at the last poll.
  var listingProblems: [DataIssue] = []
  /// Whether the incident files were read once (new ids are events only after that).
  var incidentsBaselineRead = false
  /// The first currency named in the budget files, for reading amounts when the config names none.
  var budgetCurrency: String?
  /// Servers queried beside the files (`[[source]]`), each reported under its name.
  public var remoteSources: [any RemoteSource] = [] {
    didSet {
      remoteNames = Set(remoteSources.map(\.name))
      remoteGeneration += 1
    }
  }
  /// Whether a poll waits for the sources' answers (by default) or asks them in the background.
  public var remoteFetching = RemoteFetching.inline
  var remoteNames: Set<String> = []
  var remoteStates: [String: RemoteSourceState] = [:]
  /// Background queries' answers not yet added, and which source is being asked, by the history
  /// it was asked for: `remoteGeneration` grows when the sources or the history are replaced, and
  /// an answer to an earlier one is dropped.
  let remoteAnswers = RemoteAnswers()
  var remoteInFlight: [String: Int] = [:]
  var remoteGeneration = 0
  let buffer: UnsafeMutableRawBufferPointer
  /// The second read buffer of a status log: one chunk is parsed into it while the store takes the
  /// previous one, which still points into `buffer` (and the other way round).
  let spareBuffer: UnsafeMutableRawBufferPointer

  /// - Parameters:
  ///   - directory: the data directory.
  ///   - clock: where `now` comes from.
  ///   - configuration: used until `imtop.toml` is read (and when there is none).
  ///   - user: the user's configuration, laid over every `imtop.toml` read (the default store's).
  ///   - store: where the data goes (`Store.oneShot` for a one-shot command); by default the
  ///     dashboard's bounded store with `configuration`.
  ///   - readWholeFile: reads CSV and TOML files.
  public init(
    directory: String, clock: any TimeSource, configuration: Configuration = Configuration(),
    user: UserConfiguration = .none, store: Store? = nil, readWholeFile: @escaping WholeFileReading = dataFileWholeReading
  ) {
    self.directory = directory
    self.clock = clock
    self.store = store ?? Store(configuration: configuration, user: user)
    self.readWholeFile = readWholeFile
    self.listing = DataDirectoryListing(directory: directory)
    self.buffer = .allocate(byteCount: Poller.chunkSize, alignment: 16)
    self.spareBuffer = .allocate(byteCount: Poller.chunkSize, alignment: 16)
  }

  deinit {
    for file in tracked.values where file.descriptor >= 0 { close(file.descriptor) }
    buffer.deallocate()
    spareBuffer.deallocate()
  }

  /// What the metric engine needs, from the store as it stands, with the folders that could not be
  /// listed at the last poll.
  public func engineInput() -> EngineInput {
    var input = store.engineInput(cache: &inputCache)
    if !listingProblems.isEmpty { input.issues = (listingProblems + input.issues).sorted(by: DataIssue.fileOrder) }
    return input
  }

  /// Looks at every file once, reads what changed, and says what happened.
  public func poll() -> PollResult {
    let now = clock.now
    var poll = PollProgress(now: now)
    // Samples read before their time take effect now that it has come, as if read at this poll.
    if store.heldSampleCount > 0 {
      noteRunsBefore(into: &poll)
      poll.changed.formUnion(store.releaseDue(at: now))
    }
    let (present, problems) = listing.scan()
    for problem in problems where !listingProblems.contains(problem) {
      poll.events.append(.fileFailed(path: problem.file, message: problem.message))
      poll.issues.append(problem)
    }
    listingProblems = problems
    let presentPaths = Set(present.map(\.path))
    startProgress(logs: present.filter(\.kind.isAppendOnly).map(\.path), at: now)
    defer { reading = nil }
    followRenames(present, presentPaths)
    for path in tracked.keys.sorted() where !presentPaths.contains(path) && !remoteNames.contains(path) {
      noticeDisappearance(of: path, into: &poll)
    }
    for (path, kind) in present {
      if tracked[path] == nil {
        tracked[path] = TrackedFile(kind: kind)
        poll.events.append(.fileAppeared(path: path))
      }
      if kind.isAppendOnly {
        pollAppendOnly(path, into: &poll)
      } else {
        pollWholeFile(path, into: &poll)
      }
    }
    if poll.readIncidents { incidentsBaselineRead = true }
    pollRemoteSources(into: &poll)
    // A poll that read nothing (the usual one) does no work per system: states change only at a
    // deadline already known, and expired history can wait a minute to be dropped. With 50,000
    // systems polled every 2 s this is most of an idle dashboard's processor time.
    let readNothing = poll.changed.isEmpty && poll.runsBefore == nil
    if !readNothing || lastDiscard.map({ now - $0 >= .minutes(1) || now < $0 }) ?? true {
      store.discardExpired(at: now)
      lastDiscard = now
    }
    if !readNothing || staleDeadline.map({ now >= $0 }) ?? false || lastStateLook.map({ now < $0 }) ?? true {
      appendStateChanges(into: &poll)
      lastStateLook = now
    }
    return finish(poll)
  }

  /// Reads `imtop.toml` alone (when present), so that its settings are known before the first
  /// poll: a one-shot command needs the zone to read `--now`. The next poll finds it unchanged.
  /// - Returns: what the read found (the file appearing, a failure), as a poll would say it.
  @discardableResult
  public func pollConfiguration() -> [LiveEvent] {
    var progress = PollProgress(now: clock.now)
    for (path, kind) in listing.files() where kind == .config {
      if tracked[path] == nil {
        tracked[path] = TrackedFile(kind: kind)
        progress.events.append(.fileAppeared(path: path))
      }
      pollWholeFile(path, into: &progress)
    }
    return progress.events
  }

  /// A log that appears under a new name but is a file already followed under another (a monitor
  /// rotating `status/edge.jsonl` to `status/edge-20261130.jsonl`) is the same log: it is followed
  /// on under its new name, from where it was, and not read twice.
  private func followRenames(_ present: [(path: String, kind: FileKind)], _ presentPaths: Set<String>) {
    for (path, kind) in present where kind.isAppendOnly && tracked[path] == nil && !remoteNames.contains(path) {
      guard let identity = FileIdentity.of(path: listing.fullPath(path)) else { continue }
      let previous = tracked.first { old, file in
        file.kind == kind && file.identity.map(identity.isSameFile) == true
          && (!presentPaths.contains(old) || FileIdentity.of(path: listing.fullPath(old)).map(identity.isSameFile) != true)
      }
      guard let (old, file) = previous else { continue }
      tracked[old] = nil
      tracked[path] = file
      store.renameLog(from: old, to: path)
    }
  }

  /// A file that was there before and is gone: a log is forgotten (a new file at that path is read
  /// from its start; what was read stays in the history); a whole-read file keeps its last good
  /// contents, marked failed, as a missing file does.
  private func noticeDisappearance(of path: String, into poll: inout PollProgress) {
    guard let file = tracked[path] else { return }
    poll.changed.insert(path)
    if file.kind.isAppendOnly || store.contents[path] == nil {
      finishFollowed(path, into: &poll)
      tracked[path] = nil
      store.removeReport(for: path)
      poll.events.append(.fileRemoved(path: path))
    } else {
      // Forget what it looked like: when it comes back, even unchanged (a folder moved away and
      // back), it is read again and its failure cleared.
      tracked[path]?.identity = nil
      fail(path, "file disappeared: expected \(path) to keep its last good contents until it returns", into: &poll)
    }
  }

  /// Marks a file failed (its last good contents stay), with an event when the failure is new.
  func fail(_ path: String, _ message: String, line: Int? = nil, identity: FileIdentity? = nil, into poll: inout PollProgress) {
    guard var file = tracked[path] else { return }
    if let identity { file.identity = identity }
    let isNew = file.failure != message
    file.failure = message
    file.failureLine = line
    tracked[path] = file
    updateReport(for: path)
    if isNew {
      poll.events.append(
        remoteNames.contains(path) ? .sourceFailed(name: path, message: message) : .fileFailed(path: path, message: message))
      poll.issues.append(DataIssue(file: path, line: line, message: message))
      poll.changed.insert(path)
    }
  }

  /// Clears a failure after a good read, with an event.
  func recover(_ path: String, into poll: inout PollProgress) {
    guard tracked[path]?.failure != nil else { return }
    tracked[path]?.failure = nil
    tracked[path]?.failureLine = nil
    poll.events.append(remoteNames.contains(path) ? .sourceRecovered(name: path) : .fileRecovered(path: path))
  }

  func updateReport(for path: String) {
    guard let file = tracked[path] else { return }
    store.setReport(FileReport(
      path: path, kind: file.kind, records: file.records, errors: file.errors,
      modified: file.identity?.modified, failure: file.failure, failureLine: file.failureLine))
  }

  private func finish(_ poll: PollProgress) -> PollResult {
    let reports = store.reports.keys.sorted().compactMap { store.reports[$0] }
    let ages = reports.map { report in
      let age = report.modified.map { poll.now - $0 }
      let tooOld = report.kind.isAppendOnly && (age.map { $0 > store.configuration.staleAfter } ?? true)
      return FileAge(
        path: report.path, kind: report.kind, lastChanged: report.modified, age: age,
        isStale: report.failure != nil || tooOld, failure: report.failure)
    }
    var events = poll.events
    if events.count > Poller.maximumEventsPerPoll { events = Array(events.suffix(Poller.maximumEventsPerPoll)) }
    return PollResult(now: poll.now, changedFiles: poll.changed.sorted(), reports: reports, ages: ages, issues: poll.issues, events: events)
  }
}

/// What the current poll has found so far.
struct PollProgress {
  let now: Timestamp
  var changed = Set<String>()
  var issues: [DataIssue] = []
  var events: [LiveEvent] = []
  /// Each system's last run before this poll's status lines (nil until status lines are read).
  var runsBefore: [String: StatusTimeline.Run]?
  /// Systems whose history arrived whole in this poll (a remote source's first answer): where they
  /// start, as the first poll's systems are, so their past changes of state are no events.
  var startingPoints = Set<String>()
  var readIncidents = false

  init(now: Timestamp) {
    self.now = now
  }
}
