import ImtopCore

extension LiveUpdate {
  /// The most events one merged update keeps (the newest); the figures are whole in each update.
  public static let mergedEventLimit = 1_000

  /// One update standing for two the dashboard had no time to show apart (`TerminalMailbox`'s
  /// merge): the newer figures and configuration, the events of both, in order (the newest
  /// `mergedEventLimit`). The feed then shows the changes between the figures it drew and the newest.
  @Sendable
  public static func merged(_ older: LiveUpdate, _ newer: LiveUpdate) -> LiveUpdate {
    var events = older.events + newer.events
    if events.count > mergedEventLimit { events.removeFirst(events.count - mergedEventLimit) }
    return LiveUpdate(snapshot: newer.snapshot, events: events, configuration: newer.configuration)
  }
}
