/// What `update` asks the outside world to do; the run loop carries these out.
public enum Command: Sendable, Hashable {
  case quit
  /// Re-read the data files now.
  case reread
  /// The user picked another theme: load and apply it.
  case themeChanged(String)
  /// The user hid or showed a systems table column (`c`): keep the choice for the next start.
  case hiddenColumnsChanged(Set<SystemTableColumn>)
  /// Updates were paused (true) or resumed (false).
  case pauseChanged(Bool)
}
