extension EngineInput {
  /// Every problem as of `now`: what the readers and the store found, and the warnings that depend
  /// on the time (actuals booked for a month that has not closed, samples and dates in the future).
  /// The one list `imtop check`, the screen and the JSON snapshot show.
  public func issues(at now: Timestamp) -> [DataIssue] {
    let timed =
      BudgetLine.bookedAheadIssues(in: budget, configuration: configuration, at: now)
      + futureSampleIssues(at: now) + futureDateIssues(at: now)
    guard !timed.isEmpty else { return issues }
    return (issues + timed).sorted(by: DataIssue.fileOrder)
  }

  /// One warning per log and system with samples stamped more than `stale_after` after `now` (a
  /// clock ahead, or a replay): they are held and count only from their time.
  func futureSampleIssues(at now: Timestamp) -> [DataIssue] {
    let limit = now + configuration.staleAfter
    return heldSamples.filter { $0.latest > limit }.map { held in
      let whose = held.system.map { " for \($0)" } ?? ""
      return DataIssue(
        file: held.path, line: held.firstLine,
        message: "\(held.count) sample\(held.count == 1 ? "" : "s")\(whose) stamped after now, the latest at \(held.latest): "
          + "held until their time (is a clock ahead?)",
        severity: .warning)
    }
  }

  /// A warning for each incident or compliance date after `now`: the record counts as of its dates,
  /// so a date in the future (a typo, a clock ahead) changes figures silently.
  func futureDateIssues(at now: Timestamp) -> [DataIssue] {
    var found: [DataIssue] = []
    func check(_ name: String, _ time: Timestamp?, at location: SourceLocation) {
      guard let time, time > now else { return }
      found.append(DataIssue(at: location, "\(name) \(time) is in the future: expected a time at or before now", severity: .warning))
    }
    for incident in incidents {
      check("opened", incident.opened, at: incident.location)
      check("acknowledged", incident.acknowledged, at: incident.location)
      check("resolved", incident.resolved, at: incident.location)
    }
    for item in compliance {
      check("opened", item.opened, at: item.location)
      check("closed", item.closed, at: item.location)
    }
    return found
  }
}
