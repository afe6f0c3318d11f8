import ImtopCore

/// What the poller's thread posts to the dashboard: new figures, how far a long load has got, or
/// both (one message standing for several the dashboard had no time to take apart).
public struct DashboardMessage: Sendable {
  public var update: LiveUpdate?
  /// Progress reported after `update` (a load still running), shown while no figures are.
  public var progress: LoadProgress?

  public init(update: LiveUpdate? = nil, progress: LoadProgress? = nil) {
    self.update = update
    self.progress = progress
  }

  /// One message for two waiting in the mailbox: the updates merged (`LiveUpdate.merged`), and
  /// only the newest progress, kept only when no update came after it (figures end a load), so the
  /// mailbox holds one message however fast progress comes.
  @Sendable
  public static func merged(_ older: DashboardMessage, _ newer: DashboardMessage) -> DashboardMessage {
    let update: LiveUpdate? =
      switch (older.update, newer.update) {
      case (let old?, let new?): LiveUpdate.merged(old, new)
      case (let old, let new): new ?? old
      }
    let progress = newer.update == nil ? newer.progress ?? older.progress : newer.progress
    return DashboardMessage(update: update, progress: progress)
  }
}
