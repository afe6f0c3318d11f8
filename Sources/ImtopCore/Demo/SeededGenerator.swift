/// A deterministic random number generator (SplitMix64), so that a demo seed always yields the same
/// organisation, byte for byte.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) {
    self.state = seed
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniformly distributed value in `0..<1`.
  public mutating func unit() -> Double {
    Double(next() >> 11) / Double(1 << 53)
  }

  /// True with probability `p`.
  public mutating func chance(_ p: Double) -> Bool {
    unit() < p
  }

  /// A value around `mean` with relative spread `spread` (uniform, never negative).
  public mutating func around(_ mean: Double, spread: Double) -> Double {
    max(0, mean * (1 + (unit() * 2 - 1) * spread))
  }
}
