import ImtopCore

/// Numbers, percentages and durations on screen: the rows of the format table (`QuantityFormat`,
/// shared with the markdown report), with the dash for a figure that is not there.
extension DisplayFormat {
  /// From here on a value is written in scientific form (`1.8e19`).
  public static let compactThreshold = QuantityFormat.compactThreshold

  /// Availability or an SLA target, two decimals in every row: `99.95%`, `100.00%`; the dash for nil.
  public func availability(_ value: Double?) -> String {
    figure(value) { QuantityFormat.availability($0) }
  }

  /// Coverage, whole per cent rounded down: `98%`, `100%`; the dash for nil.
  public func coverage(_ value: Double?) -> String { figure(value) { QuantityFormat.coverage($0) } }

  /// Any other percentage, one decimal in every row: `90.3%`, `100.0%`; the dash for nil.
  public func percent(_ value: Double?) -> String {
    figure(value) { QuantityFormat.percent($0) }
  }

  /// A signed percentage, `+` over plan (`+4.2%`, `-1.0%`, `0.0%`); the dash for nil.
  public func signedPercent(_ value: Double?) -> String {
    figure(value) { QuantityFormat.signedPercent($0) }
  }

  /// A percentage variance in words: `3.9% over`, `2.0% under`, `on plan`; the dash for nil.
  public func variance(percent value: Double?) -> String {
    figure(value) { QuantityFormat.variance(percent: $0) }
  }

  /// A measure in its own unit, at most one decimal (`4.3`, `25`, `1,250`); the dash for nil.
  public func number(_ value: Double?) -> String {
    figure(value) { QuantityFormat.number($0) }
  }

  /// A KPI's figure in its unit (`90.3%`, `2h 19m`, `59 tickets`); the dash for nil.
  public func measure(_ value: Double?, unit: String) -> String {
    figure(value) { QuantityFormat.measure($0, unit: unit) }
  }

  /// A latency in whole milliseconds (`34 ms`); the dash for nil.
  public func milliseconds(_ value: Double?) -> String { figure(value) { QuantityFormat.milliseconds($0) } }

  /// Two figures of one KPI, a trailing unit said once (`80 / 120 tickets`, `90.0% / 75.0%`); the
  /// dash for a missing one.
  public func measures(_ first: Double?, _ second: Double?, unit: String, separator: String) -> String {
    guard let first, let second, !first.isNaN, !second.isNaN else {
      return measure(first, unit: unit) + separator + measure(second, unit: unit)
    }
    return QuantityFormat.measures(first, second, unit: unit, separator: separator)
  }

  /// A KPI's figure: money for a KPI that computes money (`€1,038`, whole units as in summaries),
  /// else in the KPI's unit (`measure`); the dash for nil.
  public func kpiFigure(_ value: Double?, unit: String, isMoney: Bool) -> String {
    if isMoney, let value, let amount = QuantityFormat.money(major: value, digits: CurrencyInfo.minorDigits(currency)) {
      return money(amount)
    }
    return measure(value, unit: unit)
  }

  /// A number of months, one decimal (`4.2 months`, the runway); the dash for nil.
  public func months(_ value: Double?) -> String { figure(value) { QuantityFormat.months($0) } }

  /// A count with thousands separators (`1,234`).
  public func count(_ value: Int) -> String { QuantityFormat.count(value) }

  /// A duration given in minutes (MTTR, MTTA, downtime): `45 min`, `3h 02m`, `1d 6h`; the dash for nil.
  public func minutes(_ value: Double?) -> String {
    figure(value) { QuantityFormat.duration(minutes: $0) }
  }

  /// A duration given in hours (MTBF), as `minutes`.
  public func hours(_ value: Double?) -> String {
    figure(value) { QuantityFormat.measure($0, unit: "h") }
  }

  /// A duration: `45 s`, `45 min`, `3h 02m`, `1d 6h` (rounded down).
  public static func duration(_ span: Span) -> String { QuantityFormat.duration(span) }

  /// `scientific`, for the totality tests and the few callers that need the compact form alone.
  static func scientific(_ value: Double) -> String { QuantityFormat.scientific(value) }

  /// The dash for a figure that is not there (nil, or NaN: no number at all), else `write`'s text.
  private func figure(_ value: Double?, _ write: (Double) -> String) -> String {
    guard let value, !value.isNaN else { return glyphs.dash }
    return write(value)
  }
}
