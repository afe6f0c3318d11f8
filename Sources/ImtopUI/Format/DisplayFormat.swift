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
    let sign = amount.minorUnits < 0 && major > 0 ? "-" : ""
    return sign + symbol + Self.grouped(major)
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
    case ..<1_000: body = Self.decimal(value, places: 0)
    case ..<10_000: body = Self.decimal(value / 1_000, places: 1) + "k"
    case ..<1_000_000: body = Self.decimal(value / 1_000, places: 0) + "k"
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

  /// `14:02:11` in the organisation's zone.
  public func clock(_ time: Timestamp) -> String {
    let civil = localCivil(time)
    return Self.twoDigits(civil.hour) + ":" + Self.twoDigits(civil.minute) + ":" + Self.twoDigits(civil.second)
  }

  /// `2026-11-28` in the organisation's zone.
  public func date(_ time: Timestamp) -> String {
    let civil = localCivil(time)
    return LocalDate(year: civil.year, month: civil.month, day: civil.day).description
  }

  /// `2026-11-28 14:02` in the organisation's zone.
  public func dateTime(_ time: Timestamp) -> String {
    let civil = localCivil(time)
    return LocalDate(year: civil.year, month: civil.month, day: civil.day).description + " "
      + Self.twoDigits(civil.hour) + ":" + Self.twoDigits(civil.minute)
  }

  /// Three-letter month name.
  public static func monthName(_ month: Int) -> String {
    let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return names.indices.contains(month - 1) ? names[month - 1] : "?"
  }

  /// Whole major units, halves away from zero, as a magnitude: `Int64.min` minor units has no
  /// positive counterpart, so the sign is the caller's.
  private func roundedMajor(_ amount: Money, digits: Int) -> UInt64 {
    var scale: UInt64 = 1
    for _ in 0..<digits { scale *= 10 }
    let magnitude = amount.minorUnits.magnitude
    // No `+ half` before dividing: that overflows near `UInt64.max`.
    return magnitude / scale + (magnitude % scale >= (scale + 1) / 2 ? 1 : 0)
  }

  /// The wall-clock time of `time` in the zone, held within four-digit years: the readers stop at
  /// 9999-12-31 in UTC, and a zone ahead of UTC would otherwise show year 10000.
  private func localCivil(_ time: Timestamp) -> CivilTime {
    let local = time + Span.seconds(Int64(zone.offsetSeconds(at: time)))
    return CivilTime(utc: min(max(local, Timestamp.earliestWritable), Timestamp.latestWritable))
  }

  private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
