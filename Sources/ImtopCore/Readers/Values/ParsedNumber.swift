/// A number as a data file writes it, kept exactly: an integer significand and a decimal scale.
///
/// `1,234.50` is significand 123450 at scale 2. Exactness matters for money (integer minor units)
/// and lets a reader say "3 decimals, but EUR has 2" instead of rounding silently.
public struct ParsedNumber: Hashable, Sendable {
  /// The digits as an integer, negative for a negative number.
  public var significand: Int64
  /// How many of the digits are after the decimal separator.
  public var scale: Int
  /// The currency the text named, by symbol (`€`) or code (`EUR`); nil when it named none.
  public var currency: String?
  /// Whether the text ended in `%`.
  public var isPercent: Bool

  public init(significand: Int64, scale: Int, currency: String? = nil, isPercent: Bool = false) {
    self.significand = significand
    self.scale = scale
    self.currency = currency
    self.isPercent = isPercent
  }

  /// The value as a binary floating-point number, for ratios and percentages (never for money).
  public var doubleValue: Double {
    var divisor = 1.0
    for _ in 0..<scale { divisor *= 10 }
    return Double(significand) / divisor
  }

  /// The value when it is a whole number (`12`, `12.00`), else nil.
  public var integerValue: Int? {
    var value = significand
    for _ in 0..<scale {
      guard value % 10 == 0 else { return nil }
      value /= 10
    }
    return Int(exactly: value)
  }
}
