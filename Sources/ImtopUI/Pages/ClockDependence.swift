import ImtopCore

/// How long a frame stays true with nothing but the clock moving: drawing notes, for each thing it
/// shows that is worked out from the clock (a data age, a "last seen"), the first time it would
/// read differently, and `until` is the earliest of them.
///
/// The dashboard keeps the page's body drawn at one tick and, at the next ticks, draws only the
/// header again (its clock and data age) until then (`AppState.view(reusing:)`). The page code
/// reads the clock only through `PageContext`, which notes as it reads, so a new use of the clock
/// cannot be left out.
public final class ClockDependence {
  /// The earliest time noted; nil when nothing drawn depends on the clock.
  public private(set) var until: Timestamp?

  public init() {}

  /// Something drawn reads differently from `time` on; nil: never.
  func note(_ time: Timestamp?) {
    guard let time else { return }
    until = min(until ?? time, time)
  }
}
