import ImtopCore
import ImtopTestSupport
import Testing

/// Year-to-date counts closed months only; actuals for a month that has not closed are booked ahead.
@Suite struct BookedAheadTests {
  static let berlin = Zone(identifier: "Europe/Berlin") ?? .utc

  static let systems = [
    SystemRecord(id: "erp", sourcing: .purchased), SystemRecord(id: "crm", sourcing: .saas),
  ]

  func line(
    _ year: Int, _ month: Int, _ system: String?, _ category: BudgetCategory, _ type: CostType,
    planned: Int64, actual: Int64?, at row: Int = 0
  ) -> BudgetLine {
    BudgetLine(
      period: YearMonth(year: year, month: month), system: system, category: category, type: type,
      planned: euros(planned), actual: actual.map { euros($0) }, location: SourceLocation(file: "budget.csv", line: row))
  }

  /// Finance has booked August to October; November is not booked yet, but two December actuals and
  /// one for January of the next fiscal year were booked early.
  var earlyDecember: [BudgetLine] {
    [
      line(2026, 8, "erp", .license, .opex, planned: 100, actual: 90, at: 2),
      line(2026, 9, "erp", .license, .opex, planned: 100, actual: 120, at: 3),
      line(2026, 10, "crm", .maintenance, .opex, planned: 200, actual: 210, at: 4),
      line(2026, 10, nil, .staff, .opex, planned: 50, actual: 50, at: 5),
      line(2026, 11, "erp", .license, .opex, planned: 100, actual: nil, at: 6),
      line(2026, 12, "erp", .license, .opex, planned: 100, actual: 30, at: 7),
      line(2026, 12, "crm", .hardware, .capex, planned: 300, actual: 40, at: 8),
      line(2027, 1, "erp", .license, .opex, planned: 100, actual: 5, at: 9),
    ]
  }

  func snapshot(_ lines: [BudgetLine], at now: Timestamp, zone: Zone = .utc) -> Snapshot {
    let organisation = TestOrganisation(configuration: Configuration(zone: zone), systems: Self.systems, budget: lines)
    return MetricEngine(trendPoints: 0).snapshot(of: organisation, at: now)
  }

  @Test func earlyBookingsOnTheFirstChangeNoFigure() throws {
    let november30 = snapshot(earlyDecember, at: utc(2026, 11, 30, 12)).budget
    let december1 = snapshot(earlyDecember, at: utc(2026, 12, 1, 0, 20)).budget
    #expect(december1 == november30)

    // YTD = January..October, the latest closed month with an actual.
    #expect(december1.ytdMonths == (1...10).map { YearMonth(year: 2026, month: $0) })
    // Annual 100+100+200+50+100+100+300 = 950; planned YTD 450; actual YTD 90+120+210+50 = 470.
    #expect(december1.totals == BudgetFigures(annualPlanned: euros(950), plannedYTD: euros(450), actualYTD: euros(470)))
    // (470 − 450) / 450 = 4.444…%; forecast 950 × 470 / 450 = 992.222… → 992.22; VAC 950 − 992.22.
    #expect(near(december1.variancePct, 20.0 / 450 * 100))
    #expect(december1.forecastYearEnd == euros(992, 22))
    #expect(december1.varianceAtCompletion == euros(-42, -22))
    // Burn: August 90, September 120, October 260 → 470 / 3 = 156.666… → 156.67; runway 480 / (470 / 3).
    #expect(december1.burnRate == euros(156, 67))
    #expect(near(december1.runwayMonths, 480.0 * 3 / 470))
    #expect(december1.byCategory["license"] == BudgetFigures(annualPlanned: euros(400), plannedYTD: euros(200), actualYTD: euros(210)))
    #expect(december1.byCategory["hardware"] == BudgetFigures(annualPlanned: euros(300)))
    #expect(december1.byType["capex"] == BudgetFigures(annualPlanned: euros(300)))
    #expect(december1.bySourcing["saas"] == BudgetFigures(annualPlanned: euros(500), plannedYTD: euros(200), actualYTD: euros(210)))
    #expect(december1.bySystem["shared"] == BudgetFigures(annualPlanned: euros(50), plannedYTD: euros(50), actualYTD: euros(50)))
    // December's 30 + 40 are booked ahead; January 2027 belongs to the next fiscal year.
    #expect(december1.bookedAhead == euros(70))
    #expect(december1.months.map(\.actual).suffix(2) == [nil, nil])
  }

  @Test func theVarianceKPIDoesNotLurchOnTheFirst() throws {
    func variance(_ now: Timestamp) throws -> Double? {
      try #require(snapshot(earlyDecember, at: now).kpis.first { $0.definition.name == "Budget variance" }).value
    }
    #expect(near(try variance(utc(2026, 12, 1, 0, 20)), 20.0 / 450 * 100))
    #expect(try variance(utc(2026, 12, 1, 0, 20)) == variance(utc(2026, 11, 30, 12)))
  }

  @Test func systemCostsCountClosedMonthsOnly() throws {
    let erp = try #require(snapshot(earlyDecember, at: utc(2026, 12, 1, 0, 20)).systems.first { $0.id == "erp" })
    // 90 + 120: November is unbooked, December's 30 is booked ahead.
    #expect(erp.tcoYTD == euros(210))
  }

  var octoberAndNovember: [BudgetLine] {
    [
      line(2026, 10, "erp", .license, .opex, planned: 100, actual: 100),
      line(2026, 11, "erp", .license, .opex, planned: 100, actual: 80),
    ]
  }

  @Test func aMonthWhoseLastDayIsTodayHasNotClosed() {
    let lastEvening = snapshot(octoberAndNovember, at: utc(2026, 11, 30, 23, 59, 59)).budget
    #expect(lastEvening.ytdMonths.last == YearMonth(year: 2026, month: 10))
    #expect(lastEvening.totals.actualYTD == euros(100))
    #expect(lastEvening.bookedAhead == euros(80))
    let midnight = snapshot(octoberAndNovember, at: utc(2026, 12, 1)).budget
    #expect(midnight.ytdMonths.last == YearMonth(year: 2026, month: 11))
    #expect(midnight.totals.actualYTD == euros(180))
    #expect(midnight.bookedAhead == .zero)
  }

  @Test func monthsCloseAtLocalMidnight() {
    // 23:30 UTC on 30 November is 00:30 on 1 December in Berlin (CET, UTC+1): November has closed there.
    let now = utc(2026, 11, 30, 23, 30)
    let berlin = snapshot(octoberAndNovember, at: now, zone: Self.berlin).budget
    #expect(berlin.ytdMonths.last == YearMonth(year: 2026, month: 11))
    #expect(berlin.bookedAhead == .zero)
    let utcBudget = snapshot(octoberAndNovember, at: now).budget
    #expect(utcBudget.ytdMonths.last == YearMonth(year: 2026, month: 10))
    #expect(utcBudget.bookedAhead == euros(80))
  }

  @Test func closingFollowsTheCalendar() {
    let february = YearMonth(year: 2028, month: 2)
    #expect(february.lastDay == LocalDate(year: 2028, month: 2, day: 29))
    #expect(!february.hasClosed(on: LocalDate(year: 2028, month: 2, day: 29)))
    #expect(february.hasClosed(on: LocalDate(year: 2028, month: 3, day: 1)))
    #expect(!YearMonth(year: 2028, month: 3).hasClosed(on: LocalDate(year: 2028, month: 2, day: 1)))
  }

  @Test func eachBookedAheadLineIsAWarning() {
    let issues = BudgetLine.bookedAheadIssues(
      in: earlyDecember, configuration: Configuration(), at: utc(2026, 12, 1, 0, 20))
    #expect(
      issues.map(\.description) == [
        "budget.csv:7: actual booked for 2026-12, a month that has not closed",
        "budget.csv:8: actual booked for 2026-12, a month that has not closed",
        "budget.csv:9: actual booked for 2027-01, a month that has not closed",
      ])
  }

  @Test func bookedAheadWarningsFollowTheZone() {
    let now = utc(2026, 11, 30, 23, 30)
    let inBerlin = BudgetLine.bookedAheadIssues(
      in: octoberAndNovember, configuration: Configuration(zone: Self.berlin), at: now)
    #expect(inBerlin.isEmpty)
    let inUTC = BudgetLine.bookedAheadIssues(in: octoberAndNovember, configuration: Configuration(), at: now)
    #expect(inUTC.map(\.message) == ["actual booked for 2026-11, a month that has not closed"])
  }
}
