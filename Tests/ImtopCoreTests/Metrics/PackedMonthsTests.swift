import ImtopTestSupport
import PropertyBased
import Testing
@testable import ImtopCore

/// `SystemHealth.monthly` is kept packed (`PackedMonths`): whatever is set reads back exactly.
@Suite struct PackedMonthsTests {
  static let record = SystemRecord(id: "erp", name: "ERP", category: "ERP", owner: "Finance")

  /// Reads back what was set, field by field: doubles by bit pattern, so NaN and −0 count too.
  func expectSame(_ read: [ServiceMonth], _ set: [ServiceMonth], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(read.count == set.count, sourceLocation: sourceLocation)
    for (a, b) in zip(read, set) {
      #expect(a.month == b.month, sourceLocation: sourceLocation)
      #expect(a.availability?.bitPattern == b.availability?.bitPattern, sourceLocation: sourceLocation)
      #expect(a.coverage.bitPattern == b.coverage.bitPattern, sourceLocation: sourceLocation)
      #expect(a.outages == b.outages, sourceLocation: sourceLocation)
      #expect(a.downtimeMinutes.bitPattern == b.downtimeMinutes.bitPattern, sourceLocation: sourceLocation)
      #expect(a.slaMet == b.slaMet, sourceLocation: sourceLocation)
    }
  }

  static func month(_ month: YearMonth, _ value: Double, outages: Int = 0, slaMet: Bool? = nil) -> ServiceMonth {
    ServiceMonth(month: month, availability: value, coverage: value, outages: outages, downtimeMinutes: value, slaMet: slaMet)
  }

  @Test func aFiscalYearAcrossTheTurnOfTheYearReadsBack() {
    let first = YearMonth(year: 2026, month: 7)
    let months = (0..<12).map { (index: Int) -> ServiceMonth in
      let known = index % 3 != 0
      let availability: Double? = known ? 99.5 + Double(index) / 100 : nil
      let slaMet: Bool? = known ? index % 2 == 0 : nil
      return ServiceMonth(
        month: first.adding(months: index), availability: availability, coverage: Double(index) * 8.25, outages: index,
        downtimeMinutes: Double(index) * 1.5, slaMet: slaMet)
    }
    var health = SystemHealth(record: Self.record)
    health.monthly = months
    expectSame(health.monthly, months)
    #expect(health.monthly.map(\.month.description).suffix(6).first == "2027-01")
  }

  @Test func monthsThatDoNotFollowOneAnotherAreKeptAsGiven() {
    let lists: [[ServiceMonth]] = [
      [Self.month(YearMonth(year: 2026, month: 3), 1), Self.month(YearMonth(year: 2026, month: 5), 2)],
      [Self.month(YearMonth(year: 2026, month: 5), 1), Self.month(YearMonth(year: 2026, month: 4), 2)],
      [Self.month(YearMonth(year: 2026, month: 5), 1), Self.month(YearMonth(year: 2026, month: 5), 2)],
      // The last month an Int holds, and one said to follow it.
      [Self.month(YearMonth(year: .max, month: 12), 1), Self.month(YearMonth(year: .min, month: 1), 2)],
      [Self.month(YearMonth(year: .max, month: 11), 1), Self.month(YearMonth(year: .max, month: 12), 2)],
      [Self.month(YearMonth(year: 2026, month: 0), 1), Self.month(YearMonth(year: 2026, month: 13), 2)],
      [],
    ]
    for months in lists {
      var health = SystemHealth(record: Self.record)
      health.monthly = months
      expectSame(health.monthly, months)
    }
  }

  /// A dashboard started late in the fiscal year: the months before its first figures are counted,
  /// not kept, and read back as months without figures; a month of −0 figures is a value.
  @Test func theMonthsBeforeTheFirstFiguresAreNotKept() {
    let first = YearMonth(year: 2026, month: 1)
    func none(_ index: Int) -> ServiceMonth {
      ServiceMonth(month: first.adding(months: index), availability: nil, coverage: 0, outages: 0, downtimeMinutes: 0, slaMet: nil)
    }
    let late = (0..<11).map(none) + [Self.month(first.adding(months: 11), 99.5, slaMet: true)]
    #expect(PackedMonths(late).keptMonths == 1)
    expectSame(PackedMonths(late).months, late)

    // Never sampled: nothing kept, twelve months read back.
    let never = (0..<12).map(none)
    #expect(PackedMonths(never).keptMonths == 0)
    expectSame(PackedMonths(never).months, never)

    // An empty month after the first figures is kept; so is a month whose only figure is −0, or an
    // outage, or an SLA verdict.
    let gap = [none(0), Self.month(first.adding(months: 1), 98), none(2)]
    #expect(PackedMonths(gap).keptMonths == 2)
    expectSame(PackedMonths(gap).months, gap)
    var negativeZero = none(0)
    negativeZero.downtimeMinutes = -0.0
    var outage = none(0)
    outage.outages = 1
    var verdict = none(0)
    verdict.slaMet = false
    for month in [negativeZero, outage, verdict] {
      #expect(PackedMonths([month, none(1)]).keptMonths == 2)
      expectSame(PackedMonths([month, none(1)]).months, [month, none(1)])
    }
    // The same months packed twice are equal; a month more without figures is not.
    #expect(PackedMonths(late) == PackedMonths(late))
    #expect(PackedMonths(Array(late.dropFirst())) != PackedMonths(late))
  }

  @Test func anyFiguresReadBackExactly() async {
    await propertyCheck(
      count: 500, input: ExtremeValues.anyDouble, ExtremeValues.anyDouble, ExtremeValues.anyInteger, Gen.int(in: 0...5)
    ) { availability, coverage, count, flags in
      let month = ServiceMonth(
        month: YearMonth(year: 2026, month: 12), availability: flags % 2 == 0 ? nil : availability, coverage: coverage,
        outages: Int(count), downtimeMinutes: -availability, slaMet: flags < 2 ? nil : flags < 4)
      let next = ServiceMonth(
        month: YearMonth(year: 2027, month: 1), availability: coverage, coverage: availability, outages: Int(count) &+ 1,
        downtimeMinutes: coverage, slaMet: flags >= 4 ? nil : flags % 2 == 1)
      var health = SystemHealth(record: Self.record)
      health.monthly = [month, next]
      expectSame(health.monthly, [month, next])
    }
  }
}
