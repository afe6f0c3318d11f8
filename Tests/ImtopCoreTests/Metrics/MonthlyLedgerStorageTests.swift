import Testing

@testable import ImtopCore

/// The ledger keeps each system's sealed months in an array by their place in the fiscal year, 24
/// bytes a month: sealed a day at a time, they read as the runs they came from, and a year counted
/// from another month keeps each month's tally under its own month.
@Suite struct MonthlyLedgerStorageTests {
  @Test func aMonthsTallyTakesTwentyFourBytes() {
    #expect(MonthlyLedger.bytesPerTally == 24)
  }

  /// Hourly samples from 1 March to 10 May 2026 (UTC), down for an hour on 15 April and silent
  /// from noon on 20 April to noon on 21 April.
  static func timeline() -> StatusTimeline {
    var timeline = StatusTimeline(staleAfter: .hours(2))
    var time = utc(2026, 3, 1)
    while time < utc(2026, 5, 10) {
      let silent = time >= utc(2026, 4, 20, 12) && time < utc(2026, 4, 21, 12)
      if !silent { timeline.insert(state: time == utc(2026, 4, 15, 10) ? .down : .up, at: time) }
      time = time + .hours(1)
    }
    return timeline
  }

  @Test func monthsKeepTheirFiguresWhenTheYearIsCountedFromAnotherMonth() {
    let timeline = Self.timeline()
    let calendarYear = FiscalYear(start: YearMonth(year: 2026, month: 1))
    let fromApril = FiscalYear(start: YearMonth(year: 2026, month: 4))
    var ledger = MonthlyLedger()
    var cutoff = utc(2026, 3, 2)
    while cutoff <= utc(2026, 5, 1) {
      ledger.seal(["a": timeline], before: cutoff, fiscalYear: calendarYear, zone: .utc)
      cutoff = cutoff + .days(1)
    }
    #expect(ledger.tallyCount == 2, "March and April")
    ledger.seal(["a": timeline], before: utc(2026, 5, 5), fiscalYear: fromApril, zone: .utc)
    #expect(ledger.tallyCount == 2, "April and May: March is not in the year from April")

    let months = MonthlyLedger.reportedMonths(of: fromApril, zone: .utc, at: utc(2026, 5, 10))
    let sealed = ledger.figures(of: "a", timeline: timeline, sla: 99.9, months: months)
    let fromRuns = MonthlyLedger().figures(of: "a", timeline: timeline, sla: 99.9, months: months)
    #expect(sealed.map(\.month.description) == ["2026-04", "2026-05"])
    #expect(sealed == fromRuns)
    #expect(sealed.first?.outages == 1)
    #expect(sealed.first?.downtimeMinutes == 60)
  }
}
