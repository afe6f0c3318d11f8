import ImtopCore

extension DisplayFormat {
  /// How long ago a system's latest sample was, for the `Last seen` column: `12s`, `4m`, `2h 05m`,
  /// `3d` (whole units, rounded down; never negative).
  public static func lastSeen(_ span: Span) -> String {
    let days = max(0, span.milliseconds / 1000) / 86_400
    return days > 0 ? "\(days)d" : SystemDetailView.duration(span)
  }

  /// A stretch without samples for the event feed: `45 s`, `10 min`, then as the detail's
  /// durations, `2h 05m`, `3d 04h` (rounded down).
  public static func gap(_ span: Span) -> String {
    let seconds = max(0, span.milliseconds / 1000)
    if seconds < 60 { return "\(seconds) s" }
    return seconds < 3_600 ? "\(seconds / 60) min" : SystemDetailView.duration(span)
  }
}
