import ImtopCore
import ImtopTestSupport
import Testing

/// The monthly service figures of `SLAOrg`, each worked out by hand from the samples (see the
/// comments there): the one-shot store seals October and the start of November away from the 30-day
/// runs, so both halves of the rule are exercised.
@Suite struct MonthlyServiceTests {
  let snapshot = MetricEngine().snapshot(of: SLAOrg.organisation, at: SLAOrg.now)

  static let october = 44_700.0  // minutes: 31 days and the hour summer time gave back
  static let november = 43_200.0
  static let december = 720.0  // so far: from local midnight to `now`

  func months(_ id: String) throws -> [ServiceMonth] {
    try #require(snapshot.systems.first { $0.id == id }).monthly
  }

  func close(_ value: Double?, _ expected: Double) -> Bool {
    guard let value else { return false }
    return abs(value - expected) < 1e-9
  }

  @Test func everySystemGetsEveryMonthOfTheFiscalYearSoFar() {
    for system in snapshot.systems {
      #expect(system.monthly.map(\.month.description) == ["2026-10", "2026-11", "2026-12"], "\(system.id)")
    }
  }

  /// A state across local midnight is split there; the outage it belongs to counts where it began.
  @Test func alphaSplitsAtLocalMidnightAndCountsOutagesWhereTheyBegan() throws {
    let months = try self.months("a")
    // October: up 30, down 10 + 5 (the 22:55 down sample's five minutes before local midnight).
    #expect(close(months[0].availability, 30.0 / 45 * 100))
    #expect(close(months[0].coverage, 45 / Self.october * 100))
    #expect(months[0].outages == 2)
    #expect(close(months[0].downtimeMinutes, 15))
    #expect(months[0].slaMet == false)
    // November: up 10 + 5, degraded 20, down 15 (the October outage going on) + 10, maintenance 10.
    #expect(close(months[1].availability, 35.0 / 60 * 100))
    #expect(close(months[1].coverage, 70 / Self.november * 100))
    #expect(months[1].outages == 1)  // the 00:05 down sample continues October's outage
    #expect(close(months[1].downtimeMinutes, 25))
    #expect(months[1].slaMet == false)
    // December: up 5 after midnight, down 5 up to `now`; a new outage (up before it).
    #expect(close(months[2].availability, 50))
    #expect(close(months[2].coverage, 10 / Self.december * 100))
    #expect(months[2].outages == 1)
    #expect(close(months[2].downtimeMinutes, 5))
  }

  /// An empty month: availability null, coverage 0, SLA not judged.
  @Test func emptyMonthsAreNullNotPerfect() throws {
    let bravo = try months("b")
    #expect(close(bravo[0].availability, 100))
    #expect(close(bravo[0].coverage, 20 / Self.october * 100))
    #expect(bravo[0].slaMet == true)
    #expect(bravo[1].availability == nil)
    #expect(bravo[1].coverage == 0)
    #expect(bravo[1].slaMet == nil)
    #expect(bravo[1].outages == 0 && bravo[1].downtimeMinutes == 0)
    for month in try months("c") {
      #expect(month.availability == nil && month.coverage == 0 && month.outages == 0 && month.slaMet == nil)
    }
  }

  /// The current month ends at `now`, inclusive: a down sample at `now` starts an outage in it but
  /// adds no time.
  @Test func theCurrentMonthEndsAtNowInclusive() throws {
    let december = try months("b")[2]
    #expect(december.outages == 1)
    #expect(december.downtimeMinutes == 0)
    #expect(close(december.availability, 100))
    #expect(close(december.coverage, 10 / Self.december * 100))
  }

  /// `sla_met` compares the unrounded availability: equal is met, just below is not even when it
  /// rounds to the target. Downtime is fractional minutes.
  @Test func slaMetComparesUnroundedAvailability() throws {
    let echo = try months("e")[1]
    #expect(echo.availability == 75)
    #expect(echo.slaMet == true)
    let foxtrot = try months("f")[1]
    #expect(close(foxtrot.availability, 7_799.0 / 7_800 * 100))
    #expect(foxtrot.slaMet == false)
    #expect(close(foxtrot.downtimeMinutes, 1.0 / 60))
    #expect(close(foxtrot.coverage, 130 / Self.november * 100))
    #expect(try months("c").allSatisfy { $0.slaMet == nil })  // no SLA
  }

  /// What the store keeps for the months is bounded: a tally per system and month, and none of an
  /// earlier fiscal year once the year turns.
  @Test func theLedgerIsBoundedByTheFiscalYear() {
    var store = SLAOrg.organisation.store(at: SLAOrg.now)
    #expect(store.monthly.tallyCount <= SLAOrg.systems.count * 12)
    #expect(store.monthly.tallyCount > 0)
    // A year later nothing of this fiscal year is kept, and its months are no row any more.
    let later = utc(2027, 11, 1, 12)
    store.discardExpired(at: later)
    #expect(store.monthly.tallyCount == 0)
    let next = MetricEngine().snapshot(of: store.engineInput(), at: later)
    let alpha = next.systems.first { $0.id == "a" }
    #expect(alpha?.monthly.map(\.month.description) == ["2027-10", "2027-11"])
    #expect(alpha?.monthly.allSatisfy { $0.availability == nil } == true)
  }

  /// On the first instant of a fiscal year only its first month is listed, with no time yet.
  @Test func theFirstInstantOfTheYear() {
    let start = SLAOrg.berlin.startOfDay(LocalDate(year: 2026, month: 10, day: 1))
    let first = MetricEngine().snapshot(of: SLAOrg.organisation, at: start)
    let alpha = first.systems.first { $0.id == "a" }
    #expect(alpha?.monthly.map(\.month.description) == ["2026-10"])
    #expect(alpha?.monthly.first?.coverage == 0)
    #expect(alpha?.monthly.first?.availability == nil)
  }
}
