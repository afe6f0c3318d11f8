import Testing

@testable import ImtopCore

@Suite struct NumberParserTests {
  /// Each form with its significand and scale worked out by hand (1,234.50 is 123450 at scale 2).
  static let forms: [(String, Int64, Int)] = [
    ("1234.5", 12345, 1),
    ("1,234.50", 123450, 2),
    ("1 234.50", 123450, 2),
    ("1\u{00A0}234.50", 123450, 2),  // no-break space
    ("1\u{202F}234,50", 123450, 2),  // narrow no-break space, decimal comma
    ("12,5", 125, 1),  // a lone comma not followed by three digits is decimal
    ("12,50", 1250, 2),
    ("1,234", 1234, 0),  // followed by exactly three digits: thousands
    ("1,234,567", 1_234_567, 0),
    ("0,125", 125, 3),  // "0," cannot start a thousands group
    ("1.234,50", 123450, 2),  // both: the last one is decimal
    ("1,234,567.89", 123_456_789, 2),
    ("1.234.567", 1_234_567, 0),
    ("1.234", 1234, 3),  // a lone dot is always decimal
    ("-42", -42, 0),
    (".5", 5, 1),
    ("  7  ", 7, 0),
  ]

  @Test(arguments: forms)
  func readsForm(text: String, significand: Int64, scale: Int) throws {
    let number = try #require(NumberParser.parse(text), "\(text)")
    #expect(number.significand == significand, "\(text)")
    #expect(number.scale == scale, "\(text)")
    #expect(number.currency == nil)
    #expect(!number.isPercent)
  }

  @Test func currencySymbolsAndCodes() throws {
    #expect(NumberParser.parse("€1,234.50") == ParsedNumber(significand: 123450, scale: 2, currency: "EUR"))
    #expect(NumberParser.parse("$ 12") == ParsedNumber(significand: 12, scale: 0, currency: "USD"))
    #expect(NumberParser.parse("£0.99") == ParsedNumber(significand: 99, scale: 2, currency: "GBP"))
    #expect(NumberParser.parse("1.234,50 €") == ParsedNumber(significand: 123450, scale: 2, currency: "EUR"))
    #expect(NumberParser.parse("EUR 12.00") == ParsedNumber(significand: 1200, scale: 2, currency: "EUR"))
    #expect(NumberParser.parse("-€5") == ParsedNumber(significand: -5, scale: 0, currency: "EUR"))
    #expect(NumberParser.parse("€-5") == ParsedNumber(significand: -5, scale: 0, currency: "EUR"))
  }

  @Test func trailingPercent() throws {
    #expect(NumberParser.parse("99.9%") == ParsedNumber(significand: 999, scale: 1, isPercent: true))
    #expect(NumberParser.parse("99,95 %") == ParsedNumber(significand: 9995, scale: 2, isPercent: true))
  }

  @Test(arguments: [
    "", "abc", "12a", "1,23,4", "1,2345,678", "1.234.5", "1.234,567.8", "1,234.5,6", "12.", "--1", "1 2",
    "€", "%", "€12%", "1,234 567", "1234567890123456789",
  ])
  func rejectsNonNumbers(text: String) {
    #expect(NumberParser.parse(text) == nil, "\(text)")
  }

  @Test func integerAndDoubleValues() throws {
    #expect(NumberParser.parse("12.00")?.integerValue == 12)
    #expect(NumberParser.parse("12.5")?.integerValue == nil)
    #expect(NumberParser.parse("99,9")?.doubleValue == 99.9)
  }
}
