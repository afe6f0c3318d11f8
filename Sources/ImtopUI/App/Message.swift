import ImtopCore

/// Everything that can happen to the dashboard, delivered to `AppState.update` one at a time:
/// keys, mouse and resizes from the terminal, new snapshots from the poller, and clock ticks.
public enum Message: Sendable {
  case input(InputEvent)
  /// A new snapshot and what changed since the last one (state changes, data errors).
  case snapshot(Snapshot, [FeedEvent])
  /// The wall clock moved (the header clock and data ages follow it).
  case tick(Timestamp)
  /// The themes the catalog offers, and the one in use.
  case themes([String], current: String)
}
