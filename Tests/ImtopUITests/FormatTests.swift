import Testing
import ImtopCore
@testable import ImtopUI

@Suite struct FormatTests {
  let euro = DisplayFormat(currency: "EUR")

  @Test func moneyWithSymbolAndSeparators() {
    #expect(euro.money(Money(minorUnits: 123_456_789)) == "€1,234,568")
    #expect(euro.money(Money(minorUnits: -3_331_200)) == "-€33,312")
    #expect(euro.money(.zero) == "€0")
    #expect(euro.exactMoney(Money(minorUnits: 48_470)) == "€484.70")
    #expect(euro.exactMoney(Money(minorUnits: -5)) == "-€0.05")
    #expect(DisplayFormat(currency: "JPY").money(Money(minorUnits: 1_500_000)) == "¥1,500,000")
    #expect(DisplayFormat(currency: "CHF").money(Money(minorUnits: 100_000)) == "CHF 1,000")
    #expect(DisplayFormat(currency: "EUR", glyphs: .ascii).money(Money(minorUnits: 100_000)) == "EUR 1,000")
  }

  @Test func compactMoney() {
    #expect(euro.compactMoney(Money(minorUnits: 95_000)) == "€950")
    // €12,345 is past 10k, so whole thousands: 12.345k rounds to 12k.
    #expect(euro.compactMoney(Money(minorUnits: 1_234_500)) == "€12k")
    #expect(euro.compactMoney(Money(minorUnits: 523_000)) == "€5.2k")
    #expect(euro.compactMoney(Money(minorUnits: 41_200_000)) == "€412k")
    #expect(euro.compactMoney(Money(minorUnits: 125_000_000)) == "€1.25M")
    #expect(euro.compactMoney(Money(minorUnits: 340_000_000_000)) == "€3.4B")
  }

  @Test func redactionHidesEveryAmount() {
    let redacted = DisplayFormat(currency: "EUR", redactCosts: true)
    #expect(redacted.money(Money(minorUnits: 1)) == "•••")
    #expect(redacted.exactMoney(Money(minorUnits: 1)) == "•••")
    #expect(redacted.compactMoney(Money(minorUnits: 1)) == "•••")
    #expect(DisplayFormat(redactCosts: true, glyphs: .ascii).money(.zero) == "***")
  }

  @Test func numbersPercentagesAndAges() {
    #expect(euro.availability(99.954) == "99.95%")
    #expect(euro.availability(99) == "99.00%")
    #expect(euro.percent(nil) == "—")
    #expect(euro.percent(.nan) == "—")
    #expect(euro.percent(90) == "90.0%")
    #expect(euro.signedPercent(2.47) == "+2.5%")
    #expect(euro.signedPercent(-0.04) == "0.0%")
    #expect(euro.signedPercent(0.04) == "0.0%")
    #expect(euro.variance(percent: 3.9) == "3.9% over")
    #expect(euro.number(1440) == "1,440")
    #expect(euro.number(66.7) == "66.7")
    #expect(euro.number(3) == "3")
    #expect(DisplayFormat.age(.seconds(42)) == "42 s")
    #expect(DisplayFormat.age(.minutes(90)) == "1h")
    #expect(DisplayFormat.age(.days(3)) == "3d")
    #expect(DisplayFormat.age(Span(milliseconds: -5)) == "now")
    #expect(euro.minutes(185) == "3h 05m")
    #expect(euro.minutes(45) == "45 min")
    #expect(euro.hours(30.4) == "1d 6h")
    #expect(euro.clock(Fixtures.now + .seconds(3_725)) == "13:02:05")
    #expect(euro.zonedClock(Fixtures.now + .seconds(3_725)) == "13:02:05 UTC")
  }

  /// The format table's money rows: exact whole units in summaries, abbreviated in columns, and a
  /// variance at completion in words.
  @Test func moneyRowsOfTheFormatTable() {
    #expect(euro.money(Money(minorUnits: 277_239_800)) == "€2,772,398")
    #expect(euro.money(Money(minorUnits: 33_586_900)) + "/mo" == "€335,869/mo")
    #expect(euro.money(Money(minorUnits: -120_000)) == "-€1,200")
    #expect(euro.compactMoney(Money(minorUnits: 520_000)) == "€5.2k")
    #expect(euro.compactMoney(Money(minorUnits: 41_200_000)) == "€412k")
    #expect(euro.variance(atCompletion: Money(minorUnits: -8_155_500)) == "€81,555 over")
    #expect(euro.variance(atCompletion: Money(minorUnits: 1_200_000)) == "€12,000 under")
    #expect(euro.variance(atCompletion: nil) == "—")
    #expect(DisplayFormat(redactCosts: true).variance(atCompletion: Money(minorUnits: 5)) == "•••")
    // A money KPI's figures are money; another KPI's are in its unit.
    #expect(euro.kpiFigure(1_037.5, unit: "EUR", isMoney: true) == "€1,038")
    #expect(euro.kpiFigure(1_037.5, unit: "EUR", isMoney: false) == "1,038 EUR")
    #expect(DisplayFormat(redactCosts: true).kpiFigure(1_037.5, unit: "EUR", isMoney: true) == "•••")
    #expect(euro.kpiFigure(nil, unit: "EUR", isMoney: true) == "—")
  }
}
