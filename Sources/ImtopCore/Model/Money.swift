/// An exact amount of money in integer minor units (cents), never binary floating point.
public struct Money: Hashable, Comparable, Sendable {
  public var minorUnits: Int64

  public init(minorUnits: Int64) {
    self.minorUnits = minorUnits
  }

  public static let zero = Money(minorUnits: 0)

  public static func + (lhs: Money, rhs: Money) -> Money { Money(minorUnits: lhs.minorUnits &+ rhs.minorUnits) }
  public static func - (lhs: Money, rhs: Money) -> Money { Money(minorUnits: lhs.minorUnits &- rhs.minorUnits) }
  public static func += (lhs: inout Money, rhs: Money) { lhs = lhs + rhs }
  public static func < (lhs: Money, rhs: Money) -> Bool { lhs.minorUnits < rhs.minorUnits }

  /// The amount in major units for ratios and display (`digits` minor digits, 2 for most currencies).
  public func major(digits: Int) -> Double {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    return Double(minorUnits) / scale
  }
}

/// ISO 4217 facts the readers need: how many minor digits a currency has, and which symbols name it.
public enum CurrencyInfo {
  /// Minor-unit digits; 2 unless the currency is known to differ.
  public static func minorDigits(_ code: String) -> Int {
    switch code.uppercased() {
    case "JPY", "KRW", "ISK", "CLP", "VND", "XAF", "XOF", "PYG", "UGX": return 0
    case "BHD", "KWD", "OMR", "JOD", "TND", "IQD", "LYD": return 3
    default: return 2
    }
  }

  /// The currency code a leading symbol stands for.
  public static func code(forSymbol symbol: Character) -> String? {
    switch symbol {
    case "€": return "EUR"
    case "$": return "USD"
    case "£": return "GBP"
    case "¥": return "JPY"
    case "₹": return "INR"
    case "₩": return "KRW"
    default: return nil
    }
  }

  /// The symbol shown before amounts, or the code followed by a space.
  public static func symbol(for code: String) -> String {
    switch code.uppercased() {
    case "EUR": return "€"
    case "USD": return "$"
    case "GBP": return "£"
    case "JPY": return "¥"
    case "INR": return "₹"
    default: return code.uppercased() + " "
    }
  }
}
