extension Poller {
  /// Remembers each system's last run before the first status samples of this poll arrive, to
  /// find the runs they add. O(systems), once per poll that reads status lines.
  func noteRunsBefore(into poll: inout PollProgress) {
    guard poll.runsBefore == nil else { return }
    poll.runsBefore = store.timelines.compactMapValues { $0.runs.last }
  }

  /// State changes: each new run whose state differs from the one before it (or from `unknown`
  /// after a gap longer than `stale_after`), then systems whose latest sample went stale since the
  /// previous poll.
  /// - Complexity: O(systems + new runs).
  func appendStateChanges(into poll: inout PollProgress) {
    let staleAfter = store.configuration.staleAfter
    var changes: [LiveEvent] = []
    for (system, timeline) in store.timelines where poll.runsBefore != nil && !poll.startingPoints.contains(system) {
      let runs = timeline.runs
      let before = poll.runsBefore?[system] ?? nil
      guard let last = runs.last, last != before else { continue }
      var first = runs.count
      while first > 0, before.map({ runs[first - 1].start > $0.start }) ?? true { first -= 1 }
      // Only the latest can be shown, so a cold load of a long history costs no more than that.
      for index in max(first, runs.count - Poller.maximumEventsPerPoll)..<runs.count {
        let run = runs[index]
        var from = ServiceState.unknown
        if index > 0, run.start - runs[index - 1].last <= staleAfter { from = runs[index - 1].state }
        if from != run.state { changes.append(.stateChanged(system: system, from: from, to: run.state, at: run.start)) }
      }
    }
    var deadline: Timestamp?
    for (system, timeline) in store.timelines {
      let current = timeline.state(at: poll.now)
      if current == .unknown, let previous = reportedStates[system], previous != .unknown, let last = timeline.runs.last {
        changes.append(.stateChanged(system: system, from: previous, to: .unknown, at: last.last + staleAfter))
      }
      reportedStates[system] = current
      // The first instant this state is no longer known: its latest sample more than stale_after old.
      if current != .unknown, let latest = timeline.latestSample(atOrBefore: poll.now) {
        let stale = latest + staleAfter + Span(milliseconds: 1)
        deadline = min(deadline ?? stale, stale)
      }
    }
    staleDeadline = deadline
    for system in reportedStates.keys where store.timelines[system] == nil { reportedStates[system] = nil }
    changes.sort { ($0.time ?? poll.now) < ($1.time ?? poll.now) }
    poll.events.append(contentsOf: changes)
  }
}
