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
