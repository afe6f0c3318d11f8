extension StatusTimeline {
  /// The history at `now` of everything that held in `(now − length, now]`, newest first, at most
  /// `limit` entries listed (all counted): each run, and after a run that went stale before the next
  /// began (or before `now`), the time without samples as `unknown`. Samples after `now` are ignored.
  /// - Complexity: O(log n + runs in the window).
  public func history(over length: Span, at now: Timestamp, limit: Int = StateHistory.limit) -> StateHistory {
    guard let newest = indexOfRun(atOrBefore: now) else { return StateHistory() }
    let from = now - length
    var entries: [StateHistory.Entry] = []
    var total = 0
    func add(_ entry: StateHistory.Entry) {
      total += 1
      if entries.count < limit { entries.append(entry) }
    }
    var index = newest
    // The start of what came after the run at `index` (nil: nothing yet at `now`).
    var next: Timestamp? = nil
    while index >= 0 {
      let run = runs[index]
      let last = min(run.last, now)
      let stale = last + staleAfter
      let end: Timestamp?
      if let next {
        end = min(stale, next)
        if stale < next, next > from { add(StateHistory.Entry(state: .unknown, from: run.state, start: stale, end: next)) }
      } else {
        end = stale >= now ? nil : stale
        if stale < now { add(StateHistory.Entry(state: .unknown, from: run.state, start: stale, end: nil)) }
      }
      if let end, end <= from { break }
      var previous = ServiceState.unknown
      if index > 0, run.start - runs[index - 1].last <= staleAfter { previous = runs[index - 1].state }
      add(StateHistory.Entry(state: run.state, from: previous, start: run.start, end: end, message: run.message))
      next = run.start
      index -= 1
    }
    return StateHistory(entries: entries, total: total)
  }
}
