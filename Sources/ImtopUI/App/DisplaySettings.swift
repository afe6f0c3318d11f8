import ImtopCore

/// The display settings the configuration gives the screen (`imtop.toml`'s pages, `stale_after`,
/// time zone and kiosk rotation), delivered to `AppState` as a message when they are first read
/// and whenever the file changes.
public struct DisplaySettings: Sendable, Hashable {
  /// The pages in tab order; an empty list keeps the current pages.
  public var pages: [PageName]
  public var staleAfter: Span
  public var zone: Zone
  /// How often kiosk mode advances the page; nil: never.
  public var rotateEvery: Span?

  public init(pages: [PageName], staleAfter: Span, zone: Zone, rotateEvery: Span?) {
    self.pages = pages
    self.staleAfter = staleAfter
    self.zone = zone
    self.rotateEvery = rotateEvery
  }
}
