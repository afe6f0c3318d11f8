/// How the Markdown report writes numbers, money and counts.
struct MarkdownFormat {
  let redactMoney: Bool
  let currency: String

  /// Money with the currency symbol and thousands separators (`€1,234.50`), `•••` when redacted.
  func money(_ amount: Money?) -> String {
    guard !redactMoney else { return "•••" }
    guard let amount else { return "—" }
    let text = amount.decimalText(digits: CurrencyInfo.minorDigits(currency))
    let negative = text.hasPrefix("-")
    let unsigned = negative ? String(text.dropFirst()) : text
    let parts = unsigned.split(separator: ".", maxSplits: 1)
    var whole = ""
    for (position, digit) in (parts.first.map(String.init) ?? "").reversed().enumerated() {
      if position > 0 && position % 3 == 0 { whole.append(",") }
      whole.append(digit)
    }
    let grouped = String(whole.reversed()) + (parts.count > 1 ? "." + parts[1] : "")
    return (negative ? "-" : "") + CurrencyInfo.symbol(for: currency) + grouped
  }

  /// A number as the JSON writes it (rounded to `decimals`), `—` when unknown.
  func number(_ value: Double?, decimals: Int = 2) -> String {
    guard case .number(let text) = JSONValue.double(value, decimals: decimals) else { return "—" }
    return text
  }

  /// How long something has been open: `55 min`, `3 h 5 min`, `2 d 4 h` (whole units, rounded down).
  static func age(_ span: Span) -> String {
    let minutes = max(0, span.milliseconds / 60_000)
    if minutes < 60 { return "\(minutes) min" }
    if minutes < 1_440 { return "\(minutes / 60) h \(minutes % 60) min" }
    return "\(minutes / 1_440) d \((minutes % 1_440) / 60) h"
  }

  func counts(_ title: String, _ map: [String: Int]) -> String {
    var table = MarkdownTable([title, "Count"], numeric: [1])
    for key in map.keys.sorted() { table.add([MarkdownTable.escape(key), String(map[key] ?? 0)]) }
    if map.isEmpty { table.add(["—", "0"]) }
    return table.text
  }
}
