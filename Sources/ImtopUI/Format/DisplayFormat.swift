import ImtopCore

/// How figures are written on screen: money with its symbol and thousands separators (or `•••` when
/// costs are redacted), percentages, ages and clock times. One place, so every panel agrees.
public struct DisplayFormat: Sendable, Hashable {
  public var currency: String
  public var redactCosts: Bool
  public var glyphs: Glyphs
  public var zone: Zone

  public init(currency: String = "EUR", redactCosts: Bool = false, glyphs: Glyphs = .unicode, zone: Zone = .utc) {
    self.currency = currency
    self.redactCosts = redactCosts
    self.glyphs = glyphs
    self.zone = zone
  }

  /// `€1,234,567` (whole units, rounded), `-€1,200`, or the redaction mark.
  public func money(_ amount: Money) -> String {
    guard !redactCosts else { return glyphs.redacted }
    let digits = CurrencyInfo.minorDigits(currency)
    let major = roundedMajor(amount, digits: digits)
    let sign = major < 0 ? "-" : ""
    return sign + symbol + Self.grouped(major.magnitude)
  }

  /// Money with its minor digits (`€1,234.50`), for detail views.
  public func exactMoney(_ amount: Money) -> String {
    guard !redactCosts else { return glyphs.redacted }
    let digits = CurrencyInfo.minorDigits(currency)
    let magnitude = amount.minorUnits.magnitude
    var scale: UInt64 = 1
    for _ in 0..<digits { scale *= 10 }
    let whole = Self.grouped(magnitude / scale)
    let sign = amount.minorUnits < 0 ? "-" : ""
    guard digits > 0 else { return sign + symbol + whole }
    let fraction = String(magnitude % scale)
    return sign + symbol + whole + "." + String(repeating: "0", count: digits - fraction.count) + fraction
  }

  /// Short money for tight cells: `€950`, `€12.3k`, `€1.25M`, `€3.4B`.
  public func compactMoney(_ amount: Money) -> String {
    guard !redactCosts else { return glyphs.redacted }
    let major = amount.major(digits: CurrencyInfo.minorDigits(currency))
    let sign = major < 0 ? "-" : ""
    let value = major.magnitude
    let body: String
    switch value {
    case ..<1_000: body = String(Int(value.rounded()))
    case ..<10_000: body = Self.decimal(value / 1_000, places: 1) + "k"
    case ..<1_000_000: body = String(Int((value / 1_000).rounded())) + "k"
    case ..<10_000_000: body = Self.decimal(value / 1_000_000, places: 2) + "M"
    case ..<1_000_000_000: body = Self.decimal(value / 1_000_000, places: 1) + "M"
    default: body = Self.decimal(value / 1_000_000_000, places: 1) + "B"
    }
    return sign + symbol + body
  }

  /// `€`, `$`...; the ISO code and a space in ASCII mode or for a currency without a symbol.
  public var symbol: String {
    let symbol = CurrencyInfo.symbol(for: currency)
    return glyphs.isASCII && !symbol.unicodeScalars.allSatisfy(\.isASCII) ? currency.uppercased() + " " : symbol
  }

  /// `99.95%` style with the given decimals; the dash for nil.
  public func percent(_ value: Double?, places: Int = 1) -> String {
    guard let value, value.isFinite else { return glyphs.dash }
    return Self.decimal(value, places: places) + "%"
  }

  /// A signed percentage (`+4.2%`, `-1.0%`).
  public func signedPercent(_ value: Double?, places: Int = 1) -> String {
    guard let value, value.isFinite else { return glyphs.dash }
    return (value > 0 ? "+" : "") + Self.decimal(value, places: places) + "%"
  }

  /// A plain number with a few decimals, dropping them for large values; the dash for nil.
  public func number(_ value: Double?, places: Int = 1) -> String {
    guard let value, value.isFinite else { return glyphs.dash }
    if value.magnitude >= 1000 { return Self.grouped(UInt64(value.magnitude.rounded()), negative: value < 0) }
    return Self.decimal(value, places: value == value.rounded() ? 0 : places)
  }

  /// A count with thousands separators.
  public func count(_ value: Int) -> String { Self.grouped(UInt64(value.magnitude), negative: value < 0) }

  /// How long ago: `now`, `42s`, `5m`, `3h`, `2d`.
  public static func age(_ span: Span) -> String {
    let seconds = max(0, span.milliseconds / 1000)
    switch seconds {
    case ..<1: return "now"
    case ..<60: return "\(seconds)s"
    case ..<3_600: return "\(seconds / 60)m"
    case ..<86_400: return "\(seconds / 3_600)h"
    default: return "\(seconds / 86_400)d"
    }
  }

  /// A duration in minutes as `45m`, `3.5h`, `2.1d`; the dash for nil.
  public func minutes(_ value: Double?) -> String {
    guard let value, value.isFinite else { return glyphs.dash }
    if value < 90 { return "\(Int(value.rounded()))m" }
    if value < 48 * 60 { return Self.decimal(value / 60, places: 1) + "h" }
    return Self.decimal(value / 1440, places: 1) + "d"
  }

  /// `14:02:11` in the organisation's zone.
  public func clock(_ time: Timestamp) -> String {
    let local = time + Span.seconds(Int64(zone.offsetSeconds(at: time)))
    let civil = CivilTime(utc: local)
    return Self.twoDigits(civil.hour) + ":" + Self.twoDigits(civil.minute) + ":" + Self.twoDigits(civil.second)
  }

  /// `2026-11-28` in the organisation's zone.
  public func date(_ time: Timestamp) -> String { zone.date(of: time).description }

  /// `2026-11-28 14:02` in the organisation's zone.
  public func dateTime(_ time: Timestamp) -> String {
    let local = time + Span.seconds(Int64(zone.offsetSeconds(at: time)))
    let civil = CivilTime(utc: local)
    return zone.date(of: time).description + " " + Self.twoDigits(civil.hour) + ":" + Self.twoDigits(civil.minute)
  }

  /// Three-letter month name.
  public static func monthName(_ month: Int) -> String {
    let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return names.indices.contains(month - 1) ? names[month - 1] : "?"
  }

  private func roundedMajor(_ amount: Money, digits: Int) -> Int64 {
    var scale: Int64 = 1
    for _ in 0..<digits { scale *= 10 }
    let half = scale / 2
    let units = amount.minorUnits
    return units >= 0 ? (units + half) / scale : -((-units + half) / scale)
  }

  static func grouped(_ value: UInt64, negative: Bool = false) -> String {
    let digits = Array(String(value))
    var out = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return (negative ? "-" : "") + out
  }

  /// A fixed-point decimal without Foundation's locale-dependent formatting.
  static func decimal(_ value: Double, places: Int) -> String {
    guard value.isFinite else { return "-" }
    var scale = 1.0
    for _ in 0..<max(0, places) { scale *= 10 }
    let scaled = (value.magnitude * scale).rounded()
    guard scaled < 9e18 else { return value < 0 ? "-inf" : "inf" }
    let units = UInt64(scaled)
    let whole = units / UInt64(scale)
    let sign = value < 0 && units > 0 ? "-" : ""
    guard places > 0 else { return sign + String(whole) }
    let fraction = String(units % UInt64(scale))
    return sign + String(whole) + "." + String(repeating: "0", count: places - fraction.count) + fraction
  }

  private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
