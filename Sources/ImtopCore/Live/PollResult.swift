/// What one poll found: which files changed, how every file stands now, and the feed's events.
public struct PollResult: Sendable {
  /// The clock's time when the poll ran.
  public var now: Timestamp
  /// Paths (relative to the data directory) whose contents changed, appeared or disappeared.
  public var changedFiles: [String]
  /// Every file of the data directory as it stands after this poll, in path order.
  public var reports: [FileReport]
  /// How old each file's data is, in path order.
  public var ages: [FileAge]
  /// Problems found in this poll (bad lines of appended data, files re-read whole, failures).
  public var issues: [DataIssue]
  public var events: [LiveEvent]

  /// Whether anything the metrics depend on changed (so a new snapshot is worth computing).
  public var hasChanges: Bool { !changedFiles.isEmpty }

  public init(now: Timestamp, changedFiles: [String] = [], reports: [FileReport] = [], ages: [FileAge] = [], issues: [DataIssue] = [], events: [LiveEvent] = []) {
    self.now = now
    self.changedFiles = changedFiles
    self.reports = reports
    self.ages = ages
    self.issues = issues
    self.events = events
  }
}

/// How old one file's data is, for the "data age" display and stale panels.
public struct FileAge: Hashable, Sendable {
  public var path: String
  public var kind: FileKind
  /// The file's modification time (when its data last changed); nil if it was never seen.
  public var lastChanged: Timestamp?
  /// `now − lastChanged` at the poll.
  public var age: Span?
  /// The file failed its last read, or (for an append-only log) has not grown for longer than
  /// the stale threshold. Inventory files change rarely, so age alone never makes them stale.
  public var isStale: Bool
  public var failure: String?

  public init(path: String, kind: FileKind, lastChanged: Timestamp?, age: Span?, isStale: Bool, failure: String?) {
    self.path = path
    self.kind = kind
    self.lastChanged = lastChanged
    self.age = age
    self.isStale = isStale
    self.failure = failure
  }
}
