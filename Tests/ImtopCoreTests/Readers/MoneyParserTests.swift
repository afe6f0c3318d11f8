import Testing

@testable import ImtopCore

@Suite struct MoneyParserTests {
  private func money(_ text: String, _ currency: String = "EUR") throws(ValueError) -> Money {
    try MoneyParser.parse(text, column: "planned", currency: currency)
  }

  private func message(_ text: String, _ currency: String = "EUR") -> String? {
    do {
      _ = try money(text, currency)
      return nil
    } catch {
      return error.message
    }
  }

  @Test func amountsAreExactMinorUnits() throws {
    // 1,234.50 EUR is 123450 cents; 12 is 1200 cents; 0.1 is 10 cents.
    #expect(try money("1,234.50") == Money(minorUnits: 123_450))
    #expect(try money("€1 234,50") == Money(minorUnits: 123_450))
    #expect(try money("12") == Money(minorUnits: 1200))
    #expect(try money("0.1") == Money(minorUnits: 10))
    #expect(try money("1.234,5 EUR") == Money(minorUnits: 123_450))
    // Yen have no minor digits, dinar three.
    #expect(try money("¥1,200", "JPY") == Money(minorUnits: 1200))
    #expect(try money("1.250", "KWD") == Money(minorUnits: 1250))
  }

  @Test func moreDecimalsThanTheCurrencyIsAnError() {
    #expect(message("12.345") == "planned \"12.345\" has 3 decimals, but EUR has 2: amounts are never rounded")
    #expect(message("12.5", "JPY") == "planned \"12.5\" has 1 decimal, but JPY has 0: amounts are never rounded")
  }

  @Test func anotherCurrencyIsAnError() {
    #expect(message("$120.00") == "planned \"$120.00\" is in USD, but the organisation's currency is EUR")
    #expect(message("120 GBP") == "planned \"120 GBP\" is in GBP, but the organisation's currency is EUR")
    #expect(message("€120", "USD") == "planned \"€120\" is in EUR, but the organisation's currency is USD")
  }

  @Test func notAnAmountIsAnError() {
    #expect(message("twelve") == "planned \"twelve\" is not an amount: expected an amount such as 1234.50, 1,234.50 or €1 234.50")
    #expect(message("12%") == "planned \"12%\" is not an amount: expected an amount such as 1234.50, 1,234.50 or €1 234.50")
  }
}
