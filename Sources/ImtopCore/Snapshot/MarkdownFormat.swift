/// How the markdown report writes its figures: the rows of the format table (`QuantityFormat`), as
/// the screen writes them, with `—` for a figure that is not there and `•••` for redacted money.
struct MarkdownFormat {
  let redactMoney: Bool
  let currency: String
  let zone: Zone

  static let dash = "—"

  /// Money to the minor unit with the currency symbol and thousands separators (`€1,234.50`).
  func money(_ amount: Money?) -> String {
    guard !redactMoney else { return "•••" }
    guard let amount else { return Self.dash }
    return QuantityFormat.exactMoney(amount, digits: CurrencyInfo.minorDigits(currency), symbol: CurrencyInfo.symbol(for: currency))
  }

  /// A variance at completion in words: `€126.83 over`, `€12.00 under`.
  func variance(atCompletion amount: Money?) -> String {
    guard !redactMoney else { return "•••" }
    return amount.map { QuantityFormat.variance(atCompletion: $0, money: money) } ?? Self.dash
  }

  /// Availability or an SLA target: `99.95%`, `100.00%`.
  func availability(_ value: Double?) -> String { value.map(QuantityFormat.availability) ?? Self.dash }

  /// Coverage, whole per cent rounded down: `98%`, `100%`.
  func coverage(_ value: Double?) -> String { value.map(QuantityFormat.coverage) ?? Self.dash }

  /// Any other percentage: `90.3%`, `100.0%`.
  func percent(_ value: Double?) -> String { value.map { QuantityFormat.percent($0) } ?? Self.dash }

  /// A duration given in minutes: `45 min`, `3h 02m`.
  func minutes(_ value: Double?) -> String { value.map { QuantityFormat.duration(minutes: $0) } ?? Self.dash }

  /// A KPI's figure in its unit: `90.3%`, `16d 9h`, `59 tickets`.
  func measure(_ value: Double?, unit: String) -> String {
    value.map { QuantityFormat.measure($0, unit: unit) } ?? Self.dash
  }

  /// A latency in whole milliseconds: `34 ms`.
  func milliseconds(_ value: Double?) -> String { value.map(QuantityFormat.milliseconds) ?? Self.dash }

  /// A count with thousands separators.
  func count(_ value: Int?) -> String { value.map(QuantityFormat.count) ?? Self.dash }

  /// How long something took or has been open: `55 min`, `3h 05m`, `2d 4h` (rounded down).
  static func age(_ span: Span) -> String { QuantityFormat.duration(span) }

  /// `2026-11-28 14:02` in the organisation's zone.
  func dateTime(_ time: Timestamp) -> String { QuantityFormat.dateTime(time, in: zone) }

  func counts(_ title: String, _ map: [String: Int]) -> String {
    var table = MarkdownTable([title, "Count"], numeric: [1])
    for key in map.keys.sorted() { table.add([MarkdownTable.escape(key), count(map[key] ?? 0)]) }
    if map.isEmpty { table.add([Self.dash, "0"]) }
    return table.text
  }
}
