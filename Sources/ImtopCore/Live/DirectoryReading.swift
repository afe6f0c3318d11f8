import FoundationEssentials

/// A data directory read once, at a fixed instant, for `imtop snapshot` and `imtop check`: the
/// dashboard's own poller and store, polled once with a clock that stands still.
///
/// There is no second loader: a one-shot command sees exactly what a dashboard polled at the same
/// instant sees, except that its store keeps every issue (the dashboard keeps the latest 200 per
/// log) and answers metric windows exactly (the dashboard keeps 5-minute buckets).
public struct DirectoryReading: Sendable {
  /// The evaluation time.
  public let now: Timestamp
  /// What the metric engine reads, with every file's report and every issue.
  public let input: EngineInput

  /// Reads `directory`. `now` is given the configuration (`imtop.toml`, read first as every poll
  /// reads it) so that a time without an offset can be read in the organisation's zone.
  /// - Complexity: O(bytes in the directory); memory O(systems + state changes), not O(lines).
  ///
  /// With `settle` (the commands give 2 s), a CSV or TOML file being written as the command starts is
  /// waited for, that long at most (see `Poller.awaitSettledWholeFiles`).
  ///
  /// `user` is the user's configuration, laid over `imtop.toml`; its problems are listed with the data's.
  ///
  /// `sources` are the servers of the user's `[[source]]` tables, queried once over their history up to `now`.
  public init(
    directory: String, settle: Span = .zero, user: UserConfiguration = .none, sources: [any RemoteSource] = [],
    now: (Configuration) throws -> Timestamp
  ) rethrows {
    let clock = StoppedClock()
    let poller = Poller(directory: directory, clock: clock, store: .oneShot(user: user))
    poller.remoteSources = sources
    if settle > .zero { poller.awaitSettledWholeFiles(timeout: settle) }
    poller.pollConfiguration()
    let instant = try now(poller.store.configuration)
    clock.set(instant)
    _ = poller.poll()
    var input = poller.engineInput()
    input.issues = (user.issues + input.issues + poller.unfinishedLines()).sorted(by: DataIssue.fileOrder)
    self.now = instant
    self.input = input
  }

  /// Reads `directory` as of `now`.
  public init(directory: String, at now: Timestamp) {
    self.init(directory: directory) { _ in now }
  }
}

/// A clock that stands still at the instant it was last set to.
final class StoppedClock: TimeSource, @unchecked Sendable {
  private let lock = Lock()
  private var instant = Timestamp(milliseconds: 0)

  var now: Timestamp { lock.withLock { instant } }

  func set(_ time: Timestamp) { lock.withLock { instant = time } }
}
