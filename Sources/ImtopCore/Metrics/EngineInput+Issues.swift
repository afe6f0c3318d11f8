extension EngineInput {
  /// Every problem as of `now`: what the readers and the store found, and the warnings that depend
  /// on the time (actuals booked for a month that has not closed). The one list `imtop check`, the
  /// screen and the JSON snapshot show.
  public func issues(at now: Timestamp) -> [DataIssue] {
    let bookedAhead = BudgetLine.bookedAheadIssues(in: budget, configuration: configuration, at: now)
    guard !bookedAhead.isEmpty else { return issues }
    return (issues + bookedAhead).sorted(by: DataIssue.fileOrder)
  }
}
