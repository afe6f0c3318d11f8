/// Colour pairs handed out on demand, one per (foreground, background) combination a frame uses.
///
/// Terminals offer from 64 pairs (`TERM=xterm`) to 65,536 (`xterm-256color`); themes use a few dozen
/// combinations, so allocating lazily keeps even 8-colour terminals in colour. When the pairs run out
/// (or the terminal refuses one), the combination gets pair 0 and the cell keeps only its attributes.
struct ColorPairTable {
  /// Defines pair `pair` as (`foreground`, `background`); false when the terminal refuses.
  typealias Define = (_ pair: Int32, _ foreground: Int32, _ background: Int32) -> Bool

  private var pairs: [PairKey: Int32] = [:]
  private var nextPair: Int32 = 1
  private let capacity: Int32
  private let define: Define

  /// `capacity` is `COLOR_PAIRS`; pair 0 is the terminal's default pair and never redefined.
  init(capacity: Int, define: @escaping Define) {
    self.capacity = Int32(clamping: capacity)
    self.define = define
  }

  /// How many pairs have been defined so far.
  var count: Int { Int(nextPair - 1) }

  /// The pair for a combination, defining it on first use; nil when none is left.
  mutating func pair(foreground: Int32, background: Int32) -> Int32? {
    if foreground == -1 && background == -1 { return 0 }
    let key = PairKey(foreground: foreground, background: background)
    if let known = pairs[key] { return known }
    guard nextPair < capacity, define(nextPair, foreground, background) else { return nil }
    pairs[key] = nextPair
    nextPair += 1
    return pairs[key]
  }

  /// Forgets every pair (after a theme switch), so numbers are reused instead of exhausted.
  mutating func reset() {
    pairs.removeAll(keepingCapacity: true)
    nextPair = 1
  }

  private struct PairKey: Hashable {
    var foreground: Int32
    var background: Int32
  }
}
