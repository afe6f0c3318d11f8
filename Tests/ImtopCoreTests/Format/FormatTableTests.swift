import Foundation
import Testing

@testable import ImtopCore

/// The format table (the README's "Formats"): a test per row, each example written by the formatter
/// and found in that row of the README, so the table and the code cannot drift apart.
@Suite struct FormatTableTests {
  static let euro = CurrencyInfo.symbol(for: "EUR")
  static let readme: String = {
    guard let root = ReaderTestSupport.packageRoot() else { return "" }
    return (try? String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
  }()

  /// The README's table row whose first cell starts with `quantity`.
  static func row(_ quantity: String) -> String? {
    guard let start = readme.range(of: "## Formats\n") else { return nil }
    let section = readme[start.upperBound...]
    let end = section.range(of: "\n## ")?.lowerBound ?? section.endIndex
    return section[..<end].split(separator: "\n").first { $0.hasPrefix("| " + quantity) }.map(String.init)
  }

  /// Each pair's text is the expected one, and the README's row shows it in backticks.
  func check(_ quantity: String, _ pairs: [(written: String, expected: String)], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let row = Self.row(quantity)
    #expect(row != nil, "README has no Formats row for \(quantity)", sourceLocation: sourceLocation)
    for pair in pairs {
      #expect(pair.written == pair.expected, sourceLocation: sourceLocation)
      #expect(row?.contains("`\(pair.expected)`") == true, "README row \(quantity) lacks `\(pair.expected)`", sourceLocation: sourceLocation)
    }
  }

  @Test func availabilityAndSLAHaveTwoDecimals() {
    check("availability, SLA target", [
      (QuantityFormat.availability(99.954), "99.95%"), (QuantityFormat.availability(100), "100.00%"),
      (QuantityFormat.availability(99.5), "99.50%"), (QuantityFormat.availability(99.9999), "99.99%"),
    ])
    // Rounded down: a minute down in 30 days is not 100.00%, and 99.949 below an SLA of 99.95 does
    // not read as 99.95; values binary floating point holds just under their decimal stay whole.
    #expect(QuantityFormat.availability(100 - 100.0 / 43_200) == "99.99%")
    #expect(QuantityFormat.availability(99.949) == "99.94%")
    for hundredths in 9_000...10_000 {
      let value = Double(hundredths) / 100
      #expect(QuantityFormat.availability(value) == QuantityFormat.percent(value, places: 2))
    }
  }

  /// Rounded down, so `100%` is only full coverage; some coverage below 1 % is `<1%`, so `0%` is
  /// only none.
  @Test func coverageIsWholePercentRoundedDown() {
    check("coverage", [
      (QuantityFormat.coverage(98.9), "98%"), (QuantityFormat.coverage(100), "100%"), (QuantityFormat.coverage(0.09), "<1%"),
      (QuantityFormat.coverage(0), "0%"), (QuantityFormat.coverage(0.999), "<1%"),
    ])
    #expect(QuantityFormat.coverage(99.99) == "99%")
    #expect(QuantityFormat.coverage(1) == "1%")
    #expect(QuantityFormat.coverage(.leastNonzeroMagnitude) == "<1%")
  }

  @Test func otherPercentagesHaveOneDecimal() {
    check("every other percentage", [
      (QuantityFormat.percent(90.32), "90.3%"), (QuantityFormat.percent(100), "100.0%"), (QuantityFormat.percent(-0.04), "0.0%"),
      ("fcst " + QuantityFormat.percent(102.44), "fcst 102.4%"),
    ])
  }

  @Test func varianceInASummarySaysOverOrUnderInWords() {
    check("variance against plan", [
      (QuantityFormat.variance(percent: 3.94), "3.9% over"), (QuantityFormat.variance(percent: -2), "2.0% under"),
      (QuantityFormat.variance(percent: 0.04), "on plan"),
    ])
  }

  @Test func varianceAtCompletionIsAnAmountInWords() {
    let money = { (amount: Money) in Self.euro + QuantityFormat.grouped(UInt64(amount.minorUnits / 100)) }
    check("variance at completion", [
      (QuantityFormat.variance(atCompletion: Money(minorUnits: -40_451_400), money: money), "€404,514 over"),
      (QuantityFormat.variance(atCompletion: Money(minorUnits: 1_200_000), money: money), "€12,000 under"),
    ])
    #expect(QuantityFormat.variance(atCompletion: .zero, money: money) == "on plan")
    #expect(QuantityFormat.variance(atCompletion: Money(minorUnits: .min), money: { _ in "x" }) == "x over")
  }

  @Test func varianceInATableColumnIsSignedAndZeroIsUnsigned() {
    check("variance in a table column", [
      (QuantityFormat.signedPercent(4.24), "+4.2%"), (QuantityFormat.signedPercent(-1), "-1.0%"),
      (QuantityFormat.signedPercent(0.04), "0.0%"),
    ])
    #expect(QuantityFormat.signedPercent(-0.04) == "0.0%")
  }

  @Test func durationsAreOneUnitFamily() {
    check("durations", [
      (QuantityFormat.duration(.seconds(45)), "45 s"), (QuantityFormat.duration(minutes: 45.9), "45 min"),
      (QuantityFormat.duration(.hours(3) + .minutes(2) + .seconds(59)), "3h 02m"), (QuantityFormat.duration(minutes: 180), "3h"),
      (QuantityFormat.duration(minutes: 1_822), "1d 6h"), (QuantityFormat.measure(12, unit: "days"), "12d"),
    ])
    // The MTTR written two ways, `1,822 min` and `30.4h`, is one duration.
    #expect(QuantityFormat.measure(1_822, unit: "min") == QuantityFormat.measure(30.37, unit: "h"))
    #expect(QuantityFormat.duration(.seconds(-5)) == "0 s")
  }

  @Test func agesAreTheDurationsFirstUnit() {
    check("age where room is tight", [
      (QuantityFormat.age(Span(milliseconds: 400)), "now"), (QuantityFormat.age(.seconds(42)), "42 s"),
      (QuantityFormat.age(.minutes(5) + .seconds(59)), "5 min"), (QuantityFormat.age(.hours(3) + .minutes(59)), "3h"),
      (QuantityFormat.age(.days(2) + .hours(23)), "2d"),
    ])
  }

  @Test func moneyInTheReportIsExactToTheMinorUnit() {
    check("money in the markdown report", [
      (QuantityFormat.exactMoney(Money(minorUnits: 123_450), digits: 2, symbol: Self.euro), "€1,234.50"),
      (QuantityFormat.exactMoney(Money(minorUnits: -5), digits: 2, symbol: Self.euro), "-€0.05"),
    ])
    #expect(QuantityFormat.exactMoney(Money(minorUnits: 1_500), digits: 0, symbol: "¥") == "¥1,500")
  }

  @Test func countsHaveThousandsSeparators() {
    check("counts", [(QuantityFormat.count(0), "0"), (QuantityFormat.count(7), "7"), (QuantityFormat.count(1_234), "1,234")])
  }

  @Test func runwayInMonthsWithOneDecimal() {
    check("runway", [(QuantityFormat.months(4.24), "4.2 months")])
  }

  @Test func latencyInWholeMilliseconds() {
    check("latency", [(QuantityFormat.milliseconds(34.4), "34 ms"), (QuantityFormat.milliseconds(1_250.2), "1,250 ms")])
  }

  @Test func aKPIInAnotherUnitHasAtMostOneDecimal() {
    check("a KPI in another unit", [
      (QuantityFormat.measure(25, unit: "°C"), "25 °C"), (QuantityFormat.measure(24.94, unit: "°C"), "24.9 °C"),
      (QuantityFormat.measure(49, unit: "tickets"), "49 tickets"),
    ])
  }

  @Test func thresholdsCarryTheKPIsUnit() {
    check("targets and thresholds", [
      ("target " + QuantityFormat.measure(100, unit: "%"), "target 100.0%"),
      ("warn ≤" + QuantityFormat.measure(90, unit: "%"), "warn ≤90.0%"),
      (QuantityFormat.measure(90, unit: "%") + " / " + QuantityFormat.measure(75, unit: "percent"), "90.0% / 75.0%"),
      ("crit ≥" + QuantityFormat.measure(30, unit: "days"), "crit ≥30d"),
    ])
  }

  @Test func theClockNamesItsZone() throws {
    let instant = CivilTime(year: 2026, month: 12, day: 1, hour: 2, minute: 52, second: 35).utcTimestamp
    let istanbul = try #require(Zone(identifier: "Europe/Istanbul"))
    check("the header's clock", [
      (QuantityFormat.zonedClock(instant, in: .utc), "02:52:35 UTC"),
      (QuantityFormat.zonedClock(instant - .hours(3) + .hours(11) + .minutes(13) - .seconds(13), in: istanbul), "14:05:22 +03"),
    ])
  }

  @Test func datesAreInISOOrder() throws {
    let instant = CivilTime(year: 2026, month: 11, day: 28, hour: 13, minute: 2, second: 11).utcTimestamp
    let berlin = try #require(Zone(identifier: "Europe/Berlin"))
    let istanbul = try #require(Zone(identifier: "Europe/Istanbul"))
    check("dates, date and time", [
      (QuantityFormat.date(instant, in: berlin), "2026-11-28"), (QuantityFormat.dateTime(instant, in: berlin), "2026-11-28 14:02"),
      ("As of " + QuantityFormat.zonedDateTime(instant, in: istanbul), "As of 2026-11-28 16:02 +03"),
    ])
    check("times in lists", [(QuantityFormat.clock(instant + .minutes(3) + .seconds(11), in: berlin), "14:05:22")])
  }

  @Test func outOfRangeIsScientific() {
    check("no value, out of range", [
      (QuantityFormat.number(18_446_744_073_709_551_615), "1.8e19"), (QuantityFormat.number(.infinity), "inf"),
    ])
  }
}
