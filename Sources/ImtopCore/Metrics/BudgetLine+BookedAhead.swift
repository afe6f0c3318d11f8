extension BudgetLine {
  /// Whether the line carries an actual for a month that has not closed on `today` (booked ahead).
  public func isBookedAhead(on today: LocalDate) -> Bool {
    actual != nil && !period.hasClosed(on: today)
  }

  /// One warning per line of `lines` whose actual is booked for a month that has not closed at `now`
  /// (`budget.csv:12: actual booked for 2026-12, a month that has not closed`), in the lines' order.
  ///
  /// Lines of every fiscal year are listed: an actual for a month that has not closed is an error in
  /// the export whatever year it falls in, even though only the current year's count in the
  /// booked-ahead sum. These are warnings; they never change `imtop check`'s exit status.
  public static func bookedAheadIssues(
    in lines: [BudgetLine], configuration: Configuration, at now: Timestamp
  ) -> [DataIssue] {
    let today = configuration.zone.date(of: now)
    return lines.filter { $0.isBookedAhead(on: today) }.map { line in
      DataIssue(at: line.location, "actual booked for \(line.period), a month that has not closed", severity: .warning)
    }
  }
}
