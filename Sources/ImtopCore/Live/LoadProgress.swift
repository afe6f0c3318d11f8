/// How far a long piece of work before the first figures has got: a poll reading logs (the file
/// being read, bytes read of the bytes the poll has to read over all its files), or the demo
/// generating its history. Shown by the screen that waits for the first figures.
public struct LoadProgress: Sendable, Hashable {
  public enum Work: Sendable, Hashable {
    /// A poll reading `file` (a path in the data directory), the `number`th of `count` files it reads.
    case reading(file: String, number: Int, count: Int)
    /// The demo writing its organisation and history before its first poll.
    case generatingDemo
  }

  public var work: Work
  /// Bytes read so far by this poll, over all its files (0 when the work has no byte count).
  public var bytesDone: Int64
  /// Bytes the poll has to read over all its files; 0 when unknown.
  public var bytesTotal: Int64

  public init(work: Work, bytesDone: Int64 = 0, bytesTotal: Int64 = 0) {
    self.work = work
    self.bytesDone = max(0, bytesDone)
    self.bytesTotal = max(0, bytesTotal)
  }

  /// Whole percent done, rounded down (100 only once everything is read); nil when the total is unknown.
  public var percent: Int? {
    guard bytesTotal > 0 else { return nil }
    return Int(min(bytesDone, bytesTotal).saturatingMultiplied(by: 100) / bytesTotal)
  }
}

/// When a long load says how far it has got: not before it has run `delay` (a quick load shows no
/// progress at all), then at most every `interval`. Time comes from the caller's clock.
public struct LoadProgressMeter: Sendable {
  /// How long a load runs before its progress is shown.
  public static let delay = Span(milliseconds: 250)
  /// A load with this many bytes still to read in one log is shown at once: it runs past `delay`
  /// anyway (the cold load reads about 400 MB/s here), and a 10-million-line log's progress line
  /// then comes with the first frame instead of a quarter of a second after it.
  public static let largeLoad: Int64 = 64 << 20
  /// The least time between two reports.
  public static let interval = Span(milliseconds: 100)

  public let started: Timestamp
  private var lastReport: Timestamp?

  public init(started: Timestamp) {
    self.started = started
  }

  /// Whether progress is reported at `now`, with `ahead` bytes known to be still to read; when it
  /// is, the next one waits `interval`.
  public mutating func isDue(at now: Timestamp, ahead: Int64 = 0) -> Bool {
    guard now - started >= Self.delay || lastReport != nil || ahead >= Self.largeLoad else { return false }
    if let lastReport, now - lastReport < Self.interval, now >= lastReport { return false }
    lastReport = now
    return true
  }
}
