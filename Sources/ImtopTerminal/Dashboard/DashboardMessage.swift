import ImtopCore

/// What the poller's thread posts to the dashboard: the data directory's configuration read before
/// the first poll, new figures, how far a long load has got, or several of them (one message
/// standing for several the dashboard had no time to take apart).
public struct DashboardMessage: Sendable {
  /// The configuration read before the first figures (applied before `update`, which carries its own).
  public var configuration: Configuration?
  public var update: LiveUpdate?
  /// Progress reported after `update` (a load still running), shown while no figures are.
  public var progress: LoadProgress?

  public init(configuration: Configuration? = nil, update: LiveUpdate? = nil, progress: LoadProgress? = nil) {
    self.configuration = configuration
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
    return DashboardMessage(configuration: newer.configuration ?? older.configuration, update: update, progress: progress)
  }
}
