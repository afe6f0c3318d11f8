import Foundation
import ImtopCore

/// Numbers, percentages and durations, total over every `Double`: NaN is the dash, an infinity is
/// `inf`, and a magnitude of `compactThreshold` or more is written `1.8e19`. Nothing here converts a
/// `Double` to an integer type that could trap.
extension DisplayFormat {
  /// From here on a value is written in scientific form: a `Double` has no exact digits past about
  /// fifteen, and no column has room for twenty of them.
  public static let compactThreshold = 1e15

  /// `99.95%` style with the given decimals; the dash for nil or NaN.
  public func percent(_ value: Double?, places: Int = 1) -> String {
    guard let value, !value.isNaN else { return glyphs.dash }
    return Self.decimal(value, places: places) + "%"
  }

  /// A signed percentage (`+4.2%`, `-1.0%`).
  public func signedPercent(_ value: Double?, places: Int = 1) -> String {
    guard let value, !value.isNaN else { return glyphs.dash }
    return (value > 0 ? "+" : "") + Self.decimal(value, places: places) + "%"
  }

  /// A plain number with a few decimals, dropping them for large values; the dash for nil or NaN.
  public func number(_ value: Double?, places: Int = 1) -> String {
    guard let value, !value.isNaN else { return glyphs.dash }
    if let text = Self.outOfFixedRange(value) { return text }
    if value.magnitude >= 1000 { return Self.grouped(UInt64(value.magnitude.rounded()), negative: value < 0) }
    return Self.decimal(value, places: value == value.rounded() ? 0 : places)
  }

  /// A count with thousands separators, compact from `compactThreshold` on like every figure.
  public func count(_ value: Int) -> String {
    guard value.magnitude < UInt(Self.compactThreshold) else { return Self.scientific(Double(value)) }
    return Self.grouped(UInt64(value.magnitude), negative: value < 0)
  }

  /// A duration in minutes as `45m`, `3.5h`, `2.1d`; the dash for nil or NaN.
  public func minutes(_ value: Double?) -> String {
    guard let value, !value.isNaN else { return glyphs.dash }
    if value < 90 { return Self.decimal(value, places: 0) + "m" }
    if value < 48 * 60 { return Self.decimal(value / 60, places: 1) + "h" }
    return Self.decimal(value / 1440, places: 1) + "d"
  }

  /// Digits with a comma every three (`1,234,567`).
  static func grouped(_ value: UInt64, negative: Bool = false) -> String {
    let digits = Array(String(value))
    var out = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return (negative ? "-" : "") + out
  }

  /// A fixed-point decimal without Foundation's locale-dependent formatting; past
  /// `compactThreshold` (or `places` so many that the digits would not be exact) the scientific form.
  static func decimal(_ value: Double, places: Int) -> String {
    if let text = outOfFixedRange(value) { return text }
    let places = min(max(0, places), 6)
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    // Below 1e15 times at most 1e6: well inside UInt64.
    let units = UInt64((value.magnitude * scale).rounded())
    let whole = units / UInt64(scale)
    let sign = value < 0 && units > 0 ? "-" : ""
    guard places > 0 else { return sign + String(whole) }
    let fraction = String(units % UInt64(scale))
    return sign + String(whole) + "." + String(repeating: "0", count: places - fraction.count) + fraction
  }

  /// `nan`, `inf`, `-inf` or `1.8e19` when `value` is not a finite number below `compactThreshold`;
  /// nil when fixed-point digits can show it.
  static func outOfFixedRange(_ value: Double) -> String? {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    return value.magnitude >= compactThreshold ? scientific(value) : nil
  }

  /// `1.8e19`, `-2.0e300`: one decimal of mantissa, enough to tell magnitudes apart in a cell.
  static func scientific(_ value: Double) -> String {
    let magnitude = value.magnitude
    guard magnitude.isFinite, magnitude > 0 else { return value.isNaN ? "nan" : "0" }
    var exponent = Int(log10(magnitude).rounded(.down))
    var tenths = (magnitude / pow(10, Double(exponent)) * 10).rounded()
    // log10 can land one off next to a power of ten; the mantissa says which way.
    if tenths >= 100 {
      exponent += 1
      tenths = (magnitude / pow(10, Double(exponent)) * 10).rounded()
    } else if tenths < 10 {
      exponent -= 1
      tenths = (magnitude / pow(10, Double(exponent)) * 10).rounded()
    }
    let digits = Int(saturating: min(max(tenths, 10), 99))
    return (value < 0 ? "-" : "") + "\(digits / 10).\(digits % 10)e\(exponent)"
  }
}
