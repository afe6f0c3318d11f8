/// One system's state history as runs of equal state, enough to answer every health figure of
/// the README's metric definitions exactly without keeping each sample.
///
/// A run is a sequence of samples of one state, each within `staleAfter` of the one before. Inside a
/// run the state holds continuously; after its last sample it holds until the next run starts, for at
/// most `staleAfter`. Merging equal samples this way loses nothing any figure needs, so a monitor that
/// reports every ten seconds costs one run per state change, not one entry per line.
public struct StatusTimeline: Sendable, Hashable {
  public struct Run: Sendable, Hashable {
    public var state: ServiceState
    /// Time of the run's first sample.
    public var start: Timestamp
    /// Time of the run's last sample.
    public var last: Timestamp
    /// The first message read for the run (what a monitor said when the state began), if any.
    public var message: String?

    public init(state: ServiceState, start: Timestamp, last: Timestamp, message: String? = nil) {
      self.state = state
      self.start = start
      self.last = last
      self.message = message
    }
  }

  public let staleAfter: Span
  public private(set) var runs: [Run] = []
  /// When runs were dropped to stay within `maximumRuns`: the start of the oldest run kept. Figures
  /// reaching further back count that time as without samples (their coverage says so); nil when
  /// nothing was dropped.
  public private(set) var keptFrom: Timestamp?

  /// Most runs kept per system: a state change every ten minutes for 30 days. A system that changes
  /// more often than that (a flapping probe) keeps its newest runs, so its memory stays bounded.
  public static let maximumRuns = 4096
  /// Runs dropped at once past the maximum, so the drop (a move of the array) is rare.
  static let dropChunk = maximumRuns / 16

  public init(staleAfter: Span) {
    self.staleAfter = staleAfter
  }

  /// Adds a sample. In time order this is O(1); a sample older than the newest costs a binary search
  /// and an insertion. A late sample of another state landing inside a run splits it, assuming the
  /// run's state held up to the sample and resumed at most `staleAfter` later (the samples between were
  /// merged away); read whole files sorted (as the readers do) and no such guess is ever made.
  /// - Complexity: O(1) amortised in time order; O(log n + n) otherwise.
  public mutating func insert(state: ServiceState, at time: Timestamp) {
    if let lastRun = runs.last, time >= lastRun.last {
      if lastRun.state == state && time - lastRun.last <= staleAfter {
        runs[runs.count - 1].last = time
      } else {
        runs.append(Run(state: state, start: time, last: time))
        if runs.count > StatusTimeline.maximumRuns + StatusTimeline.dropChunk { dropOldest() }
      }
      return
    }
    if let keptFrom, time < keptFrom { return }  // before what is kept: it would reopen dropped history
    defer { if runs.count > StatusTimeline.maximumRuns + StatusTimeline.dropChunk { dropOldest() } }
    guard !runs.isEmpty else {
      runs.append(Run(state: state, start: time, last: time))
      return
    }
    // Index of the last run starting at or before `time` (or -1).
    var low = 0
    var high = runs.count
    while low < high {
      let mid = (low + high) / 2
      if runs[mid].start <= time { low = mid + 1 } else { high = mid }
    }
    let index = low - 1
    if index >= 0 && time <= runs[index].last {
      let run = runs[index]
      if run.state == state { return }
      let resume = min(time + staleAfter, run.last)
      var replacement: [Run] = []
      if time > run.start {
        replacement.append(Run(state: run.state, start: run.start, last: time - Span(milliseconds: 1), message: run.message))
      }
      replacement.append(Run(state: state, start: time, last: time))
      if resume > time {
        replacement.append(Run(state: run.state, start: resume, last: run.last, message: run.message))
      }
      runs.replaceSubrange(index...index, with: replacement)
      return
    }
    // In a gap between runs (or before the first): a run of its own, merged with equal neighbours.
    var position = index + 1
    runs.insert(Run(state: state, start: time, last: time), at: position)
    if position > 0, runs[position - 1].state == state, time - runs[position - 1].last <= staleAfter {
      runs[position - 1].last = time
      runs.remove(at: position)
      position -= 1
    }
    if position + 1 < runs.count, runs[position + 1].state == state,
      runs[position + 1].start - runs[position].last <= staleAfter
    {
      runs[position].last = runs[position + 1].last
      if runs[position].message == nil { runs[position].message = runs[position + 1].message }
      runs.remove(at: position + 1)
    }
  }

  /// Adds a sample with its message: the message becomes the run's when the run has none yet.
  public mutating func insert(state: ServiceState, at time: Timestamp, message: String?) {
    insert(state: state, at: time)
    if let message, lacksMessage(at: time) { setMessage(message, at: time) }
  }

  /// Whether the run holding the sample at `time` has no message yet (O(1) for the newest run), so
  /// a reader decodes a sample's message only when it would be kept.
  public func lacksMessage(at time: Timestamp) -> Bool {
    guard let index = indexOfRun(containing: time) else { return false }
    return runs[index].message == nil
  }

  /// Gives the run holding the sample at `time` its message (the first one read for it).
  public mutating func setMessage(_ message: String, at time: Timestamp) {
    guard !message.isEmpty, let index = indexOfRun(containing: time), runs[index].message == nil else { return }
    runs[index].message = message
  }

  private func indexOfRun(containing time: Timestamp) -> Int? {
    if let last = runs.last, time >= last.start { return time <= last.last ? runs.count - 1 : nil }
    guard let index = indexOfRun(atOrBefore: time), time <= runs[index].last else { return nil }
    return index
  }

  /// Drops the oldest runs down to `maximumRuns`; they wait in `dropped` for the monthly figures.
  private mutating func dropOldest() {
    let drop = runs.count - StatusTimeline.maximumRuns
    guard drop > 0 else { return }
    dropped.append(contentsOf: runs[..<drop])
    runs.removeFirst(drop)
    keptFrom = runs.first?.start
  }

  /// Runs dropped for the maximum since `takeDropped` was last called, oldest first: the store folds
  /// them into the monthly figures (which outlive the runs) before they are gone. At most the runs
  /// one read adds.
  public private(set) var dropped: [Run] = []

  /// The dropped runs as a timeline of their own (their state holding at most up to `keptFrom`, where
  /// the kept runs begin), emptying `dropped`; nil when none were dropped.
  public mutating func takeDropped() -> (timeline: StatusTimeline, until: Timestamp)? {
    guard !dropped.isEmpty, let keptFrom else { return nil }
    var timeline = StatusTimeline(staleAfter: staleAfter)
    timeline.runs = dropped
    dropped = []
    return (timeline, keptFrom)
  }

  /// Drops runs whose state stopped holding before `cutoff` (they can count in no window any more).
  public mutating func discard(endingBefore cutoff: Timestamp) {
    var drop = 0
    while drop < runs.count, holdingEnd(of: drop) < cutoff { drop += 1 }
    if drop > 0 { runs.removeFirst(drop) }
    if let keptFrom, keptFrom < cutoff { self.keptFrom = nil }
  }

  /// The instant the state of run `index` stops holding: its last sample plus `staleAfter`, or the
  /// start of the next run if that comes first.
  public func holdingEnd(of index: Int) -> Timestamp {
    let own = runs[index].last + staleAfter
    if index + 1 < runs.count { return min(own, runs[index + 1].start) }
    return own
  }

  /// The state at `now`, ignoring samples after it: the latest sample's state if it is at most
  /// `staleAfter` old, else `unknown`.
  public func state(at now: Timestamp) -> ServiceState {
    guard let index = indexOfRun(atOrBefore: now) else { return .unknown }
    let run = runs[index]
    if now <= run.last { return run.state }
    return now - run.last <= staleAfter ? run.state : .unknown
  }

  /// Time spent in each known state inside the window `(now − length, now]`.
  /// - Complexity: O(log n + runs in the window).
  public func durations(over length: Span, at now: Timestamp) -> StateDurations {
    durations(from: now - length, to: now)
  }

  /// Time spent in each known state between `from` and `to` (a span of time, so whether an end is
  /// counted in or out changes nothing): a state holding across either end is cut there, and runs
  /// starting at or after `to` count in nothing. The one rule every window and month uses.
  /// - Complexity: O(log n + runs in the span).
  public func durations(from: Timestamp, to: Timestamp) -> StateDurations {
    var result = StateDurations()
    guard !runs.isEmpty, from < to else { return result }
    var index = max(0, (indexOfRun(atOrBefore: from) ?? 0))
    while index < runs.count, runs[index].start < to {
      let start = max(runs[index].start, from)
      let end = min(holdingEnd(of: index), to)
      if end > start { result.add(runs[index].state, end - start) }
      index += 1
    }
    return result
  }

  /// Outages starting in `(now − length, now]`: runs of `down` (a down sample after a sample of another
  /// state, or after a gap longer than `staleAfter`).
  public func outages(over length: Span, at now: Timestamp) -> Int {
    outages(startingIn: (now - length + Span(milliseconds: 1))..<(now + Span(milliseconds: 1)))
  }

  /// Outages whose first `down` sample lies in `range` (milliseconds: `(a, b]` is `a+1ms ..< b+1ms`).
  /// A down sample within `staleAfter` of a down sample before it continues that outage, whichever
  /// month or window the earlier one fell in.
  public func outages(startingIn range: Range<Timestamp>) -> Int {
    var count = 0
    var index = max(0, indexOfRun(atOrBefore: range.lowerBound) ?? 0)
    while index < runs.count, runs[index].start < range.upperBound {
      if runs[index].state == .down, runs[index].start >= range.lowerBound { count += 1 }
      index += 1
    }
    return count
  }

  /// Time of the latest sample at or before `now` (the run's last sample when it is not after `now`).
  public func latestSample(atOrBefore now: Timestamp) -> Timestamp? {
    guard let index = indexOfRun(atOrBefore: now) else { return nil }
    return min(runs[index].last, now)
  }

  /// The state changes in `(from, to]`, oldest first, for the event feed and the detail view.
  public func transitions(after from: Timestamp, through to: Timestamp) -> [Run] {
    runs.filter { $0.start > from && $0.start <= to }
  }

  func indexOfRun(atOrBefore time: Timestamp) -> Int? {
    var low = 0
    var high = runs.count
    while low < high {
      let mid = (low + high) / 2
      if runs[mid].start <= time { low = mid + 1 } else { high = mid }
    }
    return low > 0 ? low - 1 : nil
  }
}

/// Milliseconds spent in each state within a window.
public struct StateDurations: Sendable, Hashable {
  public var up = Span.zero
  public var degraded = Span.zero
  public var down = Span.zero
  public var maintenance = Span.zero
  public var unknown = Span.zero

  public init() {}

  public mutating func add(_ state: ServiceState, _ span: Span) {
    switch state {
    case .up: up = up + span
    case .degraded: degraded = degraded + span
    case .down: down = down + span
    case .maintenance: maintenance = maintenance + span
    case .unknown: unknown = unknown + span
    }
  }

  /// Up plus degraded: time the system served its users.
  public var serving: Span { up + degraded }

  /// Availability in percent, nil when no up, degraded or down time was observed.
  public var availability: Double? {
    let counted = serving + down
    guard counted.milliseconds > 0 else { return nil }
    return Double(serving.milliseconds) / Double(counted.milliseconds) * 100
  }

  /// Known time (up, degraded, down, maintenance) as a percentage of the window.
  public func coverage(of window: Span) -> Double {
    guard window.milliseconds > 0 else { return 0 }
    let known = serving + down + maintenance
    return Double(known.milliseconds) / Double(window.milliseconds) * 100
  }
}
