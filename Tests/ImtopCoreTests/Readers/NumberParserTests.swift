import Testing
import PropertyBased

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

/// The plain `[+-]digits[.digits]` reading gives what the general one gives, and declines the rest.
@Suite struct PlainDecimalTests {
  /// Digits, both separators, signs, spaces, a currency and a percent sign.
  static let alphabet: [String] = ["0", "1", "5", "9", ".", ",", "-", "+", " ", "\u{00A0}", "€", "%", "E", "'"]

  @Test func anyTextReadsAsTheGeneralReadingDoes() async {
    let text = Gen<String?>.element(of: Self.alphabet).array(of: 0...22).map { $0.compactMap { $0 }.joined() }
    await propertyCheck(count: 5_000, input: text) { text in
      if let plain = NumberParser.plainDecimal(text) {
        #expect(plain == NumberParser.parseGeneral(text), "\(text.debugDescription)")
      }
      #expect(NumberParser.parse(text) == NumberParser.parseGeneral(text), "\(text.debugDescription)")
    }
  }

  @Test func plainNumbersTakeThePlainReading() async {
    let digits = Gen<String?>.element(of: ["0", "1", "2", "7", "9"]).array(of: 1...9).map { $0.compactMap { $0 }.joined() }
    await propertyCheck(count: 2_000, input: digits, digits, Gen.int(in: 0...5)) { whole, fraction, form in
      let sign = ["", "-", "+"][form % 3]
      let text = sign + whole + (form < 3 ? "" : "." + fraction)
      let plain = NumberParser.plainDecimal(text)
      #expect(plain != nil, "\(text)")
      #expect(plain == NumberParser.parseGeneral(text), "\(text)")
    }
  }

  @Test func whatIsNotPlainIsLeftToTheGeneralReading() {
    for text in ["", "-", ".5", "5.", "1.2.3", "1,234", " 7", "7 ", "12%", "€12", "1234567890123456789", "--1", "1e5"] {
      #expect(NumberParser.plainDecimal(text) == nil, "\(text.debugDescription)")
    }
  }
}
