import ImtopCore

/// How figures are written on screen: the README's format table ("Formats"), whose rules live in
/// `QuantityFormat` (shared with the markdown report), with what only a screen has: the dash for a
/// missing figure, `•••` when costs are redacted, ASCII currency codes. Every page and panel writes
/// its figures through this, so every panel agrees.
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
    return sign + symbol + QuantityFormat.grouped(major)
  }

  /// Money with its minor digits (`€1,234.50`), for detail views.
  public func exactMoney(_ amount: Money) -> String {
    guard !redactCosts else { return glyphs.redacted }
    return QuantityFormat.exactMoney(amount, digits: CurrencyInfo.minorDigits(currency), symbol: symbol)
  }

  /// A variance at completion (annual plan minus forecast) in words, as the page's percentage says
  /// it: `€81,555 over` (the forecast above the plan), `€12,000 under`, `on plan`; the dash for nil.
  public func variance(atCompletion amount: Money?) -> String {
    guard !redactCosts else { return glyphs.redacted }
    return amount.map { QuantityFormat.variance(atCompletion: $0, money: money) } ?? glyphs.dash
  }

  /// Short money for tight cells: `€950`, `€12.3k`, `€1.25M`, `€3.4B`.
  public func compactMoney(_ amount: Money) -> String {
    guard !redactCosts else { return glyphs.redacted }
    let major = amount.major(digits: CurrencyInfo.minorDigits(currency))
    let sign = major < 0 ? "-" : ""
    let value = major.magnitude
    let body: String
    switch value {
    case ..<1_000: body = QuantityFormat.decimal(value, places: 0)
    case ..<10_000: body = QuantityFormat.decimal(value / 1_000, places: 1) + "k"
    case ..<1_000_000: body = QuantityFormat.decimal(value / 1_000, places: 0) + "k"
    case ..<10_000_000: body = QuantityFormat.decimal(value / 1_000_000, places: 2) + "M"
    case ..<1_000_000_000: body = QuantityFormat.decimal(value / 1_000_000, places: 1) + "M"
    default: body = QuantityFormat.decimal(value / 1_000_000_000, places: 1) + "B"
    }
    return sign + symbol + body
  }

  /// `€`, `$`...; the ISO code and a space in ASCII mode or for a currency without a symbol.
  public var symbol: String {
    let symbol = CurrencyInfo.symbol(for: currency)
    return glyphs.isASCII && !symbol.unicodeScalars.allSatisfy(\.isASCII) ? currency.uppercased() + " " : symbol
  }

  /// How long ago, in tight places: `now`, `42 s`, `5 min`, `3h`, `2d`.
  public static func age(_ span: Span) -> String { QuantityFormat.age(span) }

  /// `14:02:11` in the organisation's zone (lists and the feed: the header names the zone).
  public func clock(_ time: Timestamp) -> String { QuantityFormat.clock(time, in: zone) }

  /// `14:02:11 CET` (`+03` where the zone has no abbreviation): the header's clock.
  public func zonedClock(_ time: Timestamp) -> String { QuantityFormat.zonedClock(time, in: zone) }

  /// `2026-11-28` in the organisation's zone.
  public func date(_ time: Timestamp) -> String { QuantityFormat.date(time, in: zone) }

  /// `2026-11-28 14:02` in the organisation's zone.
  public func dateTime(_ time: Timestamp) -> String { QuantityFormat.dateTime(time, in: zone) }

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

}
