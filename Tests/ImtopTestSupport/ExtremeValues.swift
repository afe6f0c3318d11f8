import ImtopCore
import PropertyBased

/// Values at and past the edges of every numeric type, for tests that a formatter or a widget is
/// total: whatever a data file or an expression produces, it is drawn, never a trap.
public enum ExtremeValues {
  /// Doubles a formatter must survive by name: both infinities, NaN, both zeros, the subnormals, the
  /// ends of the integer types (where a conversion traps) and UINT64_MAX as a probe writes it.
  public static let doubles: [Double] = [
    .nan, .infinity, -.infinity, 0, -0.0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
    .leastNormalMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
    18_446_744_073_709_551_615, 9_223_372_036_854_775_807, -9_223_372_036_854_775_808, 1e15, -1e15,
    999_999_999_999_999.5, 1e20, 1e300, -1e300, 0.5, -0.5, 999.95, 89.5, 2880,
  ]

  /// Integers at the ends of `Int64` and around them.
  public static let integers: [Int64] = [.min, .min + 1, -1, 0, 1, .max - 1, .max, 1_000_000_000_000_000]

  /// Any double: a named one, any bit pattern (every NaN payload, subnormal and infinity), or a
  /// magnitude spread evenly over all exponents with either sign.
  public static let anyDouble = Generator<Double, Shrink.None<Double>>(run: { rng in
    switch rng.next() % 4 {
    case 0: return doubles[Int(rng.next() % UInt64(doubles.count))]
    case 1: return Double(bitPattern: rng.next())
    default:
      let exponent = Double(rng.next() % 640) - 324
      let mantissa = 1 + Double(rng.next() % 1_000_000) / 1_000_000
      return (rng.next() % 2 == 0 ? 1 : -1) * mantissa * pow10(exponent)
    }
  })

  /// Any `Int64`: the named ones or any bit pattern.
  public static let anyInteger = Generator<Int64, Shrink.None<Int64>>(run: { rng in
    rng.next() % 3 == 0 ? integers[Int(rng.next() % UInt64(integers.count))] : Int64(bitPattern: rng.next())
  })

  /// 10^exponent by squaring, without Foundation (infinity past 308, zero below the subnormals).
  private static func pow10(_ exponent: Double) -> Double {
    var result = 1.0
    var base = exponent < 0 ? 0.1 : 10.0
    var remaining = Int(exponent.magnitude)
    while remaining > 0 {
      if remaining & 1 == 1 { result *= base }
      base *= base
      remaining >>= 1
    }
    return result
  }
}
