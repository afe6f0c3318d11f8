import Testing

@testable import ImtopCore

@Suite struct TimestampParserTests {
  private let berlin = Zone(identifier: "Europe/Berlin")

  @Test(arguments: [
    ("2026-03-01T08:00:00Z", utc(2026, 3, 1, 8, 0)),
    ("2026-03-01t08:00:00z", utc(2026, 3, 1, 8, 0)),
    ("2026-03-01T08:00Z", utc(2026, 3, 1, 8, 0)),
    ("2026-03-01T08:00:00+01:00", utc(2026, 3, 1, 7, 0)),
    ("2026-03-01T08:00:00+0100", utc(2026, 3, 1, 7, 0)),
    ("2026-03-01T08:00:00+01", utc(2026, 3, 1, 7, 0)),
    ("2026-03-01T08:00:00-05:30", utc(2026, 3, 1, 13, 30)),
    ("2026-03-01 08:00 +01:00", utc(2026, 3, 1, 7, 0)),
    ("2026-03-01 08:00", utc(2026, 3, 1, 8, 0)),
    ("2026-03-01 08:00:30", utc(2026, 3, 1, 8, 0, 30)),
    ("2026-03-01T24:00:00Z", utc(2026, 3, 2)),
    ("2026-12-31T24:00Z", utc(2027, 1, 1)),
    ("2026-03-01", utc(2026, 3, 1)),
    ("  2026-03-01T08:00:00Z\t", utc(2026, 3, 1, 8, 0)),
    // 1772323200 s = 20513 days × 86400 (1970-01-01 to 2026-03-01) = 2026-03-01T00:00:00Z.
    ("1772323200", utc(2026, 3, 1)),
  ])
  func readsFormInUTC(text: String, expected: Timestamp) throws {
    let parsed = try #require(TimestampParser.parse(text, zone: .utc), "\(text)")
    #expect(parsed.instant == expected, "\(text)")
  }

  @Test func fractionsKeepMilliseconds() throws {
    #expect(TimestampParser.parse("2026-03-01T08:00:00.5Z", zone: .utc)?.instant == utc(2026, 3, 1, 8) + Span(milliseconds: 500))
    #expect(TimestampParser.parse("2026-03-01T08:00:00,250Z", zone: .utc)?.instant == utc(2026, 3, 1, 8) + Span(milliseconds: 250))
    // More than three digits are cut to milliseconds (this used to crash).
    #expect(TimestampParser.parse("2026-03-01T08:00:00.123456Z", zone: .utc)?.instant == utc(2026, 3, 1, 8) + Span(milliseconds: 123))
    #expect(TimestampParser.parse("1772323200.25", zone: .utc)?.instant == utc(2026, 3, 1) + Span(milliseconds: 250))
  }

  @Test func dateAloneIsTheStartOfThatDayInTheZone() throws {
    let zone = try #require(berlin)
    let parsed = try #require(TimestampParser.parse("2026-07-01", zone: zone))
    // Midnight in Berlin in July (CEST, +02:00) is 22:00 UTC the day before.
    #expect(parsed.instant == utc(2026, 6, 30, 22))
    #expect(parsed.dateOnly == LocalDate(year: 2026, month: 7, day: 1))
    #expect(TimestampParser.parse("2026-07-01T00:00Z", zone: zone)?.dateOnly == nil)
  }

  @Test func localTimesFollowTheZonesOffsets() throws {
    let zone = try #require(berlin)
    // Winter (CET, +01:00) and summer (CEST, +02:00).
    #expect(TimestampParser.parse("2026-01-15 12:00", zone: zone)?.instant == utc(2026, 1, 15, 11))
    #expect(TimestampParser.parse("2026-07-15 12:00", zone: zone)?.instant == utc(2026, 7, 15, 10))
    // An explicit offset wins over the zone.
    #expect(TimestampParser.parse("2026-07-15T12:00:00Z", zone: zone)?.instant == utc(2026, 7, 15, 12))
  }

  @Test func springForwardGapLandsAfterTheGap() throws {
    let zone = try #require(berlin)
    // 2026-03-29: clocks jump from 02:00 CET to 03:00 CEST (01:00 UTC). 02:30 does not exist; it is
    // read with the offset before the gap (+01:00): 01:30 UTC, which is 03:30 CEST.
    #expect(TimestampParser.parse("2026-03-29 02:30", zone: zone)?.instant == utc(2026, 3, 29, 1, 30))
    #expect(TimestampParser.parse("2026-03-29 01:59", zone: zone)?.instant == utc(2026, 3, 29, 0, 59))
    #expect(TimestampParser.parse("2026-03-29 03:00", zone: zone)?.instant == utc(2026, 3, 29, 1, 0))
  }

  @Test func fallBackOverlapTakesTheFirstOccurrence() throws {
    let zone = try #require(berlin)
    // 2026-10-25: clocks go back from 03:00 CEST to 02:00 CET (01:00 UTC). 02:30 happens twice,
    // at 00:30 UTC (CEST) and 01:30 UTC (CET); the first is taken.
    #expect(TimestampParser.parse("2026-10-25 02:30", zone: zone)?.instant == utc(2026, 10, 25, 0, 30))
    #expect(TimestampParser.parse("2026-10-25 03:30", zone: zone)?.instant == utc(2026, 10, 25, 2, 30))
    #expect(TimestampParser.parse("2026-10-25 01:30", zone: zone)?.instant == utc(2026, 10, 24, 23, 30))
  }

  @Test func epochSecondsAsAJSONNumber() {
    #expect(TimestampParser.instant(epochSeconds: 1_772_323_200) == utc(2026, 3, 1))
    #expect(TimestampParser.instant(epochSeconds: 1_772_323_200.5) == utc(2026, 3, 1) + Span(milliseconds: 500))
    #expect(TimestampParser.instant(epochSeconds: .nan) == nil)
    #expect(TimestampParser.instant(epochSeconds: 1e13) == nil)
  }

  @Test(arguments: [
    "", "yesterday", "2026-13-01", "2026-02-30", "2026-02-29", "2026-03-01T", "2026-03-01T8:00", "2026-03-01T08:60",
    "2026-03-01T25:00", "2026-03-01T24:01", "2026-03-01T08:00:61", "2026-03-01T08:00:00.Z", "2026-03-01T08:00:00+24:00",
    "2026-03-01T08:00:00+01:", "2026-03-01T08:00:00+01:60", "2026-03-01T08:00:00Zjunk", "2026-03-01 08:00 CET",
    "2026/03/01", "01.03.2026", "1772323200.", "17723232001234", "-5", "12ab",
  ])
  func rejectsBadForms(text: String) {
    #expect(TimestampParser.parse(text, zone: .utc) == nil, "\(text)")
  }

  @Test func zoneDatesAndStartsOfDays() throws {
    let zone = try #require(berlin)
    // 23:30 UTC on 2026-07-01 is 01:30 on 2026-07-02 in Berlin.
    #expect(zone.date(of: utc(2026, 7, 1, 23, 30)) == LocalDate(year: 2026, month: 7, day: 2))
    #expect(zone.startOfDay(LocalDate(year: 2026, month: 1, day: 1)) == utc(2025, 12, 31, 23))
    #expect(Zone(identifier: "Not/AZone") == nil)
    #expect(Zone.utc.offsetSeconds(at: utc(2026, 7, 1)) == 0)
  }
}
