import ImtopCore
import ImtopTestSupport
import PropertyBased
import Testing
@testable import ImtopUI

/// Every display formatter is total: any `Double` (NaN, infinities, subnormals, −0, past every
/// integer type) and any integer is written in a few readable characters, never a trap.
@Suite struct FormatTotalityTests {
  let euro = DisplayFormat(currency: "EUR")

  /// What a figure may look like on screen: short, and either the dash, `nan`/`inf`, a compact
  /// `1.8e19` or fixed-point digits with at most fifteen of them before the point.
  func expectReadable(_ text: String, maxLength: Int = 24, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(!text.isEmpty, sourceLocation: sourceLocation)
    #expect(text.count <= maxLength, "\(text)", sourceLocation: sourceLocation)
    let longestDigitRun = text.split { !$0.isNumber }.map(\.count).max() ?? 0
    #expect(longestDigitRun <= 16, "\(text)", sourceLocation: sourceLocation)
  }

  @Test func numbersOfAnyDouble() async {
    await propertyCheck(count: 2_000, input: ExtremeValues.anyDouble) { value in
      for text in [euro.number(value), euro.percent(value), euro.availability(value), euro.signedPercent(value),
                   euro.variance(percent: value), euro.minutes(value), euro.measure(value, unit: "days")] {
        expectReadable(text)
      }
      expectReadable(euro.months(value), maxLength: 32)
      if value.isNaN { #expect(euro.number(value) == "—") }
      if value.isInfinite { #expect(euro.number(value) == (value > 0 ? "inf" : "-inf")) }
      if value.isFinite, value.magnitude >= DisplayFormat.compactThreshold {
        #expect(euro.number(value).contains("e"))
      }
    }
  }

  @Test func compactFormReadsBackWithinOneDigit() async {
    await propertyCheck(count: 2_000, input: ExtremeValues.anyDouble) { value in
      guard value.isFinite, value.magnitude >= DisplayFormat.compactThreshold else { return }
      let text = DisplayFormat.scientific(value)
      let parts = text.split(separator: "e")
      let mantissa = parts.first.flatMap { Double($0) }
      let exponent = parts.last.flatMap { Int($0) }
      #expect(parts.count == 2 && mantissa != nil && exponent != nil, "\(text)")
      guard let mantissa, let exponent else { return }
      #expect((1...9.9).contains(mantissa.magnitude), "\(text)")
      #expect((mantissa < 0) == (value < 0))
      // One decimal of mantissa: within 5 % of the value. Compared a decade down, where 1.8e308 is finite.
      let shown = Double("\(mantissa)e\(exponent - 1)") ?? .nan
      #expect((shown - value / 10).magnitude <= (value / 10).magnitude * 0.05, "\(value) -> \(text)")
    }
  }

  @Test func namedExtremes() {
    #expect(euro.number(18_446_744_073_709_551_615) == "1.8e19")
    #expect(euro.number(1e15) == "1.0e15")
    #expect(euro.number(999_999_999_999_999) == "999,999,999,999,999")
    #expect(euro.number(-.greatestFiniteMagnitude) == "-1.8e308")
    #expect(euro.number(-0.0) == "0")
    #expect(euro.number(.leastNonzeroMagnitude) == "0.0")
    #expect(euro.percent(.infinity) == "inf%")
    #expect(euro.minutes(-.infinity) == "-inf min")
    #expect(euro.minutes(1e300) == "1.0e300 min")
    #expect(euro.minutes(-5) == "0 s")
    #expect(DisplayFormat.scientific(9.96e15) == "1.0e16")
  }

  @Test func moneyOfAnyAmount() async {
    let formats = [euro, DisplayFormat(currency: "JPY"), DisplayFormat(currency: "KWD"), DisplayFormat(glyphs: .ascii)]
    await propertyCheck(count: 2_000, input: ExtremeValues.anyInteger) { units in
      let amount = Money(minorUnits: units)
      for format in formats {
        expectReadable(format.compactMoney(amount))
        // Int64 has 19 digits: with separators, a sign, a symbol and decimals, 32 characters.
        #expect(format.money(amount).count <= 32)
        #expect(format.exactMoney(amount).count <= 32)
      }
    }
    #expect(euro.money(Money(minorUnits: .max)) == "€92,233,720,368,547,758")
    #expect(euro.money(Money(minorUnits: .min)) == "-€92,233,720,368,547,758")
    #expect(euro.exactMoney(Money(minorUnits: .min)) == "-€92,233,720,368,547,758.08")
    #expect(euro.money(Money(minorUnits: -49)) == "€0")
    #expect(euro.money(Money(minorUnits: -50)) == "-€1")
  }

  @Test func countsAndAgesOfAnyInteger() async {
    await propertyCheck(count: 2_000, input: ExtremeValues.anyInteger) { value in
      #expect(euro.count(Int(value)).count <= 26)
      let age = DisplayFormat.age(Span(milliseconds: value))
      #expect(!age.isEmpty && age.count <= 14, "\(age)")
    }
    #expect(euro.count(.min) == "-9.2e18")
    #expect(euro.count(999_999_999_999_999) == "999,999,999,999,999")
    #expect(euro.count(.max) == "9.2e18")
  }

  @Test func timesOfAnyInstantStayWithinFourDigitYears() async throws {
    let kiritimati = try #require(Zone(identifier: "Pacific/Kiritimati"))
    let formats = [euro, DisplayFormat(zone: kiritimati)]
    await propertyCheck(count: 1_000, input: ExtremeValues.anyInteger) { milliseconds in
      let time = Timestamp(milliseconds: milliseconds)
      for format in formats {
        let date = format.date(time)
        #expect(date.count == 10, "\(date)")
        #expect(format.dateTime(time).count == 16)
        #expect(format.clock(time).count == 8)
        #expect(format.zonedClock(time).hasPrefix(format.clock(time) + " "))
      }
      #expect(time.iso8601.hasPrefix("-") == false)
      #expect(time.iso8601.split(separator: "-").first?.count == 4, "\(time.iso8601)")
    }
    let last = Timestamp.latestWritable
    #expect(DisplayFormat(zone: kiritimati).date(last) == "9999-12-31")
    #expect(DisplayFormat(zone: kiritimati).dateTime(last + .days(1)) == "9999-12-31 23:59")
    #expect((last + .days(1)).iso8601 == "9999-12-31T23:59:59.999Z")
  }
}
