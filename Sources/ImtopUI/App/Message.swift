import ImtopCore

/// Everything that can happen to the dashboard, delivered to `AppState.update` one at a time:
/// keys, mouse and resizes from the terminal, new snapshots from the poller, clock ticks, and what
/// the configuration, the theme catalog and the terminal's capabilities say.
public enum Message: Sendable {
  case input(InputEvent)
  /// A new snapshot and what changed since the last one (state changes, data errors).
  case snapshot(Snapshot, [FeedEvent])
  /// How far a long load before the figures has got (shown until a snapshot arrives).
  case loadProgress(LoadProgress)
  /// The wall clock moved (the header clock and data ages follow it).
  case tick(Timestamp)
  /// The themes the catalog offers, and the one in use.
  case themes([String], current: String)
  /// The configuration's display settings, when first read and after every change.
  case display(DisplaySettings)
  /// The characters the screen draws with, as `DrawingMode.choose` decided from the command line,
  /// the configuration, the terminal and the locale.
  case drawingMode(DrawingMode)
  /// The systems table's columns the user hid with the chooser, as the state file kept them.
  case hiddenColumns(Set<SystemTableColumn>)
  /// A note for the footer, shown until the first key press or kiosk rotation.
  case footerNote(String)
  /// Shows a page, and on it the detail of a system when `detail` names one (a printed screen of
  /// one system, or a test that starts there).
  case show(PageName, detail: String? = nil)
}
