import ImtopUI

/// The frame a terminal shows, so that only what changed is sent: every cell for the first frame,
/// after `invalidate()` (a resize), or when the theme changed (cells hold roles, so a diff cannot
/// see a role change colour).
public struct FrameDiff: Sendable {
  private var lastFrame: Buffer?
  private var lastTheme: Theme?

  public init() {}

  /// The cells of `frame` to send, and `frame` becomes what the terminal shows.
  public mutating func changes(to frame: Buffer, theme: Theme) -> [CellChange] {
    if theme != lastTheme {
      lastTheme = theme
      lastFrame = nil
    }
    defer { lastFrame = frame }
    return frame.changes(since: lastFrame)
  }

  /// Forgets what is shown, so the next frame is sent whole.
  public mutating func invalidate() {
    lastFrame = nil
  }
}
