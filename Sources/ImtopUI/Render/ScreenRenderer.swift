import ImtopCore

/// One rendering of a snapshot without a terminal: the same `view` the live dashboard draws, for
/// `imtop snapshot --format text|ansi [--page P] [--size WxH]`, reports and tests.
public enum ScreenRenderer {
  /// How to draw: everything `AppState` would otherwise get from the user and the terminal.
  public struct Options: Sendable {
    public var drawingMode: DrawingMode
    public var redactCosts: Bool
    /// True by default: a printed screen has no keys to press, so no key hints.
    public var kiosk: Bool
    public var zone: Zone
    public var staleAfter: Span
    /// The clock for data ages; the snapshot's `asOf` when nil.
    public var now: Timestamp?
    /// Feed entries besides the snapshot's data issues (`imtop snapshot` gives the latest changes
    /// the data holds, as the dashboard opens on them).
    public var events: [FeedEvent]
    public var themeName: String
    /// A system whose detail to show (on the Systems page).
    public var detailSystemID: String?

    public init(
      drawingMode: DrawingMode = .unicode, redactCosts: Bool = false, kiosk: Bool = true, zone: Zone = .utc,
      staleAfter: Span = .minutes(10), now: Timestamp? = nil, events: [FeedEvent] = [], themeName: String = "default",
      detailSystemID: String? = nil
    ) {
      self.drawingMode = drawingMode
      self.redactCosts = redactCosts
      self.kiosk = kiosk
      self.zone = zone
      self.staleAfter = staleAfter
      self.now = now
      self.events = events
      self.themeName = themeName
      self.detailSystemID = detailSystemID
    }
  }

  /// The state a one-off rendering draws.
  public static func state(_ snapshot: Snapshot, page: PageName, size: Size, options: Options = Options()) -> AppState {
    var state = AppState(
      size: size, page: page, themeNames: [options.themeName], themeName: options.themeName, drawingMode: options.drawingMode,
      redactCosts: options.redactCosts, kiosk: options.kiosk, staleAfter: options.staleAfter, zone: options.zone)
    _ = state.update(.tick(options.now ?? snapshot.asOf))
    _ = state.update(.snapshot(snapshot, options.events))
    if let detail = options.detailSystemID { _ = state.update(.show(page, detail: detail)) }
    return state
  }

  public static func render(_ snapshot: Snapshot, page: PageName, size: Size, options: Options = Options()) -> Buffer {
    state(snapshot, page: page, size: size, options: options).view()
  }

  /// Plain text, trailing spaces trimmed, one line per row.
  public static func text(_ snapshot: Snapshot, page: PageName, size: Size, options: Options = Options()) -> String {
    render(snapshot, page: page, size: size, options: options).plainText()
  }

  /// Text with ANSI colours from a theme at a colour depth.
  public static func ansi(
    _ snapshot: Snapshot, page: PageName, size: Size, theme: Theme, depth: ColorDepth, options: Options = Options()
  ) -> String {
    ANSISerializer(theme: theme, depth: depth).serialize(render(snapshot, page: page, size: size, options: options))
  }

  /// Reads `120x40` (or `120×40`) as a size; nil unless both parts are positive numbers.
  public static func parseSize(_ text: String) -> Size? {
    let parts = text.lowercased().split(whereSeparator: { $0 == "x" || $0 == "×" })
    guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]), width > 0, height > 0 else { return nil }
    return Size(width: width, height: height)
  }
}
