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

/// What `update` asks the outside world to do; the run loop carries these out.
public enum Command: Sendable, Hashable {
  case quit
  /// Re-read the data files now.
  case reread
  /// The user picked another theme: load and apply it.
  case themeChanged(String)
  /// Updates were paused (true) or resumed (false).
  case pauseChanged(Bool)
}
