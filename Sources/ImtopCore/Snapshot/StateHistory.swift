/// A system's state history over the store's 30 days, newest first: each state found in the data,
/// when it began, how long it held and what the monitor said, the time without samples included
/// (shown as `unknown`). What the detail view lists and the event feed starts from.
public struct StateHistory: Sendable, Hashable {
  /// One state and the time it held.
  public struct Entry: Sendable, Hashable {
    /// The state; `unknown` for time without samples after the previous state went stale.
    public var state: ServiceState
    /// The state just before: the previous entry's, or `unknown` for the first sample seen.
    public var from: ServiceState
    /// When it began (the run's first sample, or the instant the previous state went stale).
    public var start: Timestamp
    /// When it stopped holding; nil while it still holds at the snapshot's instant.
    public var end: Timestamp?
    /// The first message a sample of this state carried, if any.
    public var message: String?

    public init(state: ServiceState, from: ServiceState, start: Timestamp, end: Timestamp?, message: String? = nil) {
      self.state = state
      self.from = from
      self.start = start
      self.end = end
      self.message = message
    }

    /// An outage (the README's metric definitions): a run of `down`.
    public var isOutage: Bool { state == .down }

    /// How long it held, up to `now` while it still holds.
    public func duration(at now: Timestamp) -> Span { (end ?? now) - start }
  }

  /// Most entries a snapshot carries per system; older ones are counted in `total` only.
  public static let limit = 200

  /// Newest first, at most `limit`.
  public var entries: [Entry]
  /// Entries in the window, listed or not.
  public var total: Int

  public init(entries: [Entry] = [], total: Int? = nil) {
    self.entries = entries
    self.total = max(total ?? entries.count, entries.count)
  }

  /// Entries in the window that are not listed (older than the last listed).
  public var hidden: Int { total - entries.count }

  /// Outages among the listed entries.
  public var outages: [Entry] { entries.filter(\.isOutage) }
}
