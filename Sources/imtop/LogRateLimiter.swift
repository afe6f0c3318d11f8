import ImtopCore

/// At most `limit` log lines of one kind per `window`; the rest are counted, and said once the
/// window is over (the README's "Log": a garbage data file cannot flood the log).
///
/// A window starts with the first line of its kind and ends `window` later; the count of lines
/// suppressed in it is handed back by `expired(at:)` once it has ended (or by `drain()` on close).
struct LogRateLimiter {
  /// Lines suppressed in one window that has ended.
  struct Suppressed: Hashable {
    var kind: String
    var count: Int
  }

  private struct Window {
    var start: Timestamp
    var written = 0
    var suppressed = 0
  }

  let limit: Int
  let window: Span
  private var windows: [String: Window] = [:]

  init(limit: Int = 20, window: Span = .minutes(1)) {
    self.limit = max(1, limit)
    self.window = window
  }

  /// Whether a line of `kind` may be written now; counts it either way.
  mutating func admit(_ kind: String, at now: Timestamp) -> Bool {
    var current = windows[kind] ?? Window(start: now)
    if now < current.start { current.start = now }  // the clock went back: start again from now
    if current.written < limit {
      current.written += 1
      windows[kind] = current
      return true
    }
    current.suppressed += 1
    windows[kind] = current
    return false
  }

  /// The windows that have ended by `now` and had lines suppressed, in kind order; every ended
  /// window is forgotten, so the next line of its kind starts a new one.
  mutating func expired(at now: Timestamp) -> [Suppressed] {
    var ended: [Suppressed] = []
    for (kind, current) in windows where now - current.start >= window || now < current.start {
      windows[kind] = nil
      if current.suppressed > 0 { ended.append(Suppressed(kind: kind, count: current.suppressed)) }
    }
    return ended.sorted { $0.kind < $1.kind }
  }

  /// Every window's suppressed count, in kind order, forgetting them all (the log is closing).
  mutating func drain() -> [Suppressed] {
    let all = windows.filter { $0.value.suppressed > 0 }.map { Suppressed(kind: $0.key, count: $0.value.suppressed) }
    windows = [:]
    return all.sorted { $0.kind < $1.kind }
  }
}
