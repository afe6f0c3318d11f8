import ImtopCore

/// How long a frame stays true with nothing but the clock moving: drawing notes, for each thing it
/// shows that is worked out from the clock (a data age, a "last seen"), the first time it would
/// read differently, and `until` is the earliest of them.
///
/// The age on a panel's top edge is noted apart (`titlesUntil`), with where the panel is
/// (`titles`): when only those labels have moved on, the dashboard draws the top edges again over
/// the page it kept, not the page.
///
/// The dashboard keeps the page drawn at one tick and, at the next ticks, draws only the header
/// again (its clock and data age), with the panels' top edges once `titlesUntil` has passed, until
/// `until` (`AppState.view(reusing:)`). The page code
/// reads the clock only through `PageContext`, which notes as it reads, so a new use of the clock
/// cannot be left out.
public final class ClockDependence {
  /// The earliest time noted for the page but its panels' top edges; nil when nothing drawn there
  /// depends on the clock.
  public private(set) var until: Timestamp?
  /// The earliest time a panel's top edge (its age) reads differently; nil: never.
  public private(set) var titlesUntil: Timestamp?
  /// The panels drawn, in order, each with what its top edge is drawn from.
  private(set) var titles: [PanelTitle] = []

  public init() {}

  /// Something drawn reads differently from `time` on; nil: never.
  func note(_ time: Timestamp?) {
    guard let time else { return }
    until = min(until ?? time, time)
  }

  /// A panel's top edge reads differently from `time` on; nil: never.
  func noteTitle(_ time: Timestamp?) {
    guard let time else { return }
    titlesUntil = min(titlesUntil ?? time, time)
  }

  /// A panel was drawn: its top edge can be drawn again alone.
  func record(_ title: PanelTitle) { titles.append(title) }

  /// Something was drawn over the page (an overlay), which a top edge drawn again would cover:
  /// the top edges count as the page.
  func coverTitles() {
    note(titlesUntil)
    titlesUntil = nil
    titles = []
  }
}

/// What a panel's top edge is drawn from, besides the clock: where the panel is, its titles, the
/// files its age is read from, and whether it has the focus.
struct PanelTitle: Sendable, Equatable {
  var area: Rect
  var title: String
  var shorterTitles: [String]
  var kinds: [FileKind]
  var focused: Bool
}
