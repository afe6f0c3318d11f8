/// Reads amounts of money exactly, in integer minor units of the organisation's currency.
///
/// An amount with more decimals than its currency has is an error, never rounded: a finance export
/// that writes `12.345` for EUR is wrong somewhere, and a dashboard that rounds it hides that.
/// A currency symbol or code naming another currency is an error too (no exchange rates here).
public enum MoneyParser {
  static let expected = "an amount such as 1234.50, 1,234.50 or €1 234.50"

  /// The amount `text` writes in `currency` (an ISO 4217 code); `column` names it in messages.
  public static func parse(_ text: String, column: String, currency: String) throws(ValueError) -> Money {
    guard let number = NumberParser.parse(text), !number.isPercent else {
      throw ValueError("\(column) \"\(text)\" is not an amount: expected \(expected)")
    }
    let code = currency.uppercased()
    if let named = number.currency, named != code {
      throw ValueError("\(column) \"\(text)\" is in \(named), but the organisation's currency is \(code)")
    }
    let digits = CurrencyInfo.minorDigits(code)
    guard number.scale <= digits else {
      throw ValueError(
        "\(column) \"\(text)\" has \(decimals(number.scale)), but \(code) has \(digits): amounts are never rounded")
    }
    var minor = number.significand
    for _ in number.scale..<digits {
      let (product, overflow) = minor.multipliedReportingOverflow(by: 10)
      guard !overflow else { throw ValueError("\(column) \"\(text)\" is too large: expected \(expected)") }
      minor = product
    }
    return Money(minorUnits: minor)
  }

  private static func decimals(_ count: Int) -> String {
    count == 1 ? "1 decimal" : "\(count) decimals"
  }
}
