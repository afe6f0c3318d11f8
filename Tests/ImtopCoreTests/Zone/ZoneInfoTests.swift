import ImtopCore
import ImtopTestSupport
import Testing

/// Zones read from TZif files the tests write: the file's transitions, the footer rule after them,
/// instants far from both, and local times in a gap or an overlap. The expected days and hours are
/// the rules' own (last Sunday of March...), worked out by hand, not taken from `Zone`.
@Suite struct ZoneInfoTests {
  static let cet = TZifFixture.LocalType(offset: 3600, abbreviation: "CET")
  static let cest = TZifFixture.LocalType(offset: 7200, isDaylightSaving: true, abbreviation: "CEST")
  static let lmt = TZifFixture.LocalType(offset: 3208, abbreviation: "LMT")

  /// Berlin's shape: local mean time until 1893, two transitions of 1980 in the file, then the EU rule.
  static let berlin = TZifFixture(
    types: [lmt, cet, cest],
    transitions: [
      (utc(1893, 3, 31, 23, 6, 32), 1), (utc(1980, 4, 6, 1), 2), (utc(1980, 9, 28, 1), 1),
    ],
    footer: "CET-1CEST,M3.5.0,M10.5.0/3")

  static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0) -> Int64 {
    CivilTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second).utcTimestamp.seconds
  }

  static func at(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0) -> Timestamp {
    Timestamp(seconds: utc(year, month, day, hour, minute, second))
  }

  /// Loads `fixture` as `identifier` from a zoneinfo folder of its own.
  func zone(_ fixture: TZifFixture, _ identifier: String = "Test/Zone") throws -> Zone {
    let directory = try TemporaryDirectory(prefix: "imtop-zoneinfo")
    defer { directory.remove() }
    try fixture.write(as: identifier, in: directory)
    return try Zone.load(identifier, directory: directory.path).get()
  }

  func expect(_ zone: Zone, at instant: Timestamp, _ offset: Int, _ abbreviation: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(zone.offsetSeconds(at: instant) == offset, "\(instant)", sourceLocation: sourceLocation)
    #expect(zone.abbreviation(at: instant) == abbreviation, "\(instant)", sourceLocation: sourceLocation)
  }

  @Test func theFilesTransitionsTakeEffectAtTheirSecond() throws {
    let berlin = try zone(Self.berlin)
    expect(berlin, at: Self.at(1893, 3, 31, 23, 6, 31), 3208, "LMT")
    expect(berlin, at: Self.at(1893, 3, 31, 23, 6, 32), 3600, "CET")
    expect(berlin, at: Self.at(1980, 4, 6, 0, 59, 59), 3600, "CET")
    expect(berlin, at: Self.at(1980, 4, 6, 1), 7200, "CEST")
    expect(berlin, at: Self.at(1980, 9, 28, 0, 59, 59), 7200, "CEST")
    expect(berlin, at: Self.at(1980, 9, 28, 1), 3600, "CET")
    // Milliseconds before a transition still belong to the time before it.
    expect(berlin, at: Timestamp(milliseconds: Self.utc(1980, 4, 6, 1) * 1000 - 1), 3600, "CET")
  }

  @Test func theFooterRuleGivesTheYearsAfterTheFile() throws {
    let berlin = try zone(Self.berlin)
    // 2026: the last Sundays of March and October are the 29th and the 25th, at 01:00 UTC.
    expect(berlin, at: Self.at(2026, 3, 29, 0, 59, 59), 3600, "CET")
    expect(berlin, at: Self.at(2026, 3, 29, 1), 7200, "CEST")
    expect(berlin, at: Self.at(2026, 10, 25, 0, 59, 59), 7200, "CEST")
    expect(berlin, at: Self.at(2026, 10, 25, 1), 3600, "CET")
    expect(berlin, at: Self.at(2026, 12, 31, 23), 3600, "CET")
  }

  @Test func farFutureAndFarPastStayOnTheRules() throws {
    let berlin = try zone(Self.berlin)
    // 2500, past the years worked out ahead: the last Sundays are March 28 and October 31.
    expect(berlin, at: Self.at(2500, 3, 28, 0, 59, 59), 3600, "CET")
    expect(berlin, at: Self.at(2500, 3, 28, 1), 7200, "CEST")
    expect(berlin, at: Self.at(2500, 10, 31, 0, 59, 59), 7200, "CEST")
    expect(berlin, at: Self.at(2500, 10, 31, 1), 3600, "CET")
    // 2600: March 30 and October 26.
    expect(berlin, at: Self.at(2600, 3, 30, 1), 7200, "CEST")
    expect(berlin, at: Self.at(2600, 10, 26, 0, 59, 59), 7200, "CEST")
    expect(berlin, at: Self.at(2600, 10, 26, 1), 3600, "CET")
    // The years on either side of the last one worked out ahead.
    for year in [2099, 2100, 2101, 2102] {
      expect(berlin, at: Self.at(year, 1, 15), 3600, "CET")
      expect(berlin, at: Self.at(year, 7, 15), 7200, "CEST")
    }
    // Before the first transition: the file's first type; the ends of the timeline do not trap.
    expect(berlin, at: Self.at(1066, 10, 14), 3208, "LMT")
    expect(berlin, at: Timestamp(milliseconds: .min), 3208, "LMT")
    #expect([3600, 7200].contains(berlin.offsetSeconds(at: Timestamp(milliseconds: .max))))
  }

  @Test func aSouthernRuleHasDaylightSavingAcrossNewYear() throws {
    let sydney = try zone(TZifFixture(
      types: [TZifFixture.LocalType(offset: 36292, abbreviation: "LMT"), TZifFixture.LocalType(offset: 36000, abbreviation: "AEST"),
              TZifFixture.LocalType(offset: 39600, isDaylightSaving: true, abbreviation: "AEDT")],
      transitions: [(Self.utc(1895, 1, 31, 13, 55, 8), 1)], footer: "AEST-10AEDT,M10.1.0,M4.1.0/3"))
    expect(sydney, at: Self.at(2026, 1, 15), 39600, "AEDT")
    expect(sydney, at: Self.at(2026, 7, 1), 36000, "AEST")
    // First Sunday of April 2026 is the 5th: 03:00 AEDT is 16:00 UTC the day before.
    expect(sydney, at: Self.at(2026, 4, 4, 15, 59, 59), 39600, "AEDT")
    expect(sydney, at: Self.at(2026, 4, 4, 16), 36000, "AEST")
    // First Sunday of October 2026 is the 4th: 02:00 AEST is 16:00 UTC the day before.
    expect(sydney, at: Self.at(2026, 10, 3, 15, 59, 59), 36000, "AEST")
    expect(sydney, at: Self.at(2026, 10, 3, 16), 39600, "AEDT")
    expect(sydney, at: Self.at(2026, 12, 31, 23), 39600, "AEDT")
  }

  @Test func quotedNamesAndNegativeSwitchTimes() throws {
    // Greenland's rule: from 23:00 on the Saturday before the last Sunday of March (-1 h), to
    // midnight before the last Sunday of October. No transitions at all: the rule holds everywhere.
    let nuuk = try zone(TZifFixture(types: [TZifFixture.LocalType(offset: -7200, abbreviation: "-02")], footer: "<-02>2<-01>,M3.5.0/-1,M10.5.0/0"))
    expect(nuuk, at: Self.at(2026, 3, 29, 0, 59, 59), -7200, "-02")
    expect(nuuk, at: Self.at(2026, 3, 29, 1), -3600, "-01")
    expect(nuuk, at: Self.at(2026, 10, 25, 0, 59, 59), -3600, "-01")
    expect(nuuk, at: Self.at(2026, 10, 25, 1), -7200, "-02")
  }

  @Test func julianAndZeroBasedDays() throws {
    // J60 is March 1 in every year; day 300 counted from 0 is October 28 in 2027, October 27 in 2028.
    let zone = try zone(TZifFixture(types: [TZifFixture.LocalType(offset: -18000, abbreviation: "XST")], footer: "XST5XDT,J60/0,300/0"))
    for year in [2027, 2028] {
      expect(zone, at: Self.at(year, 3, 1, 4, 59, 59), -18000, "XST")
      expect(zone, at: Self.at(year, 3, 1, 5), -14400, "XDT")
    }
    // 00:00 XDT is 04:00 UTC.
    expect(zone, at: Self.at(2027, 10, 28, 3, 59, 59), -14400, "XDT")
    expect(zone, at: Self.at(2027, 10, 28, 4), -18000, "XST")
    expect(zone, at: Self.at(2028, 10, 27, 3, 59, 59), -14400, "XDT")
    expect(zone, at: Self.at(2028, 10, 27, 4), -18000, "XST")
  }

  @Test func daylightSavingAllYear() throws {
    // The rule zic writes for a zone on permanent daylight time: the whole year is EDT.
    let zone = try zone(TZifFixture(types: [TZifFixture.LocalType(offset: -14400, isDaylightSaving: true, abbreviation: "EDT")], footer: "EST5EDT,0/0,J365/25"))
    for instant in [Self.at(2030, 1, 1), Self.at(2030, 7, 1), Self.at(2030, 12, 31, 23, 59, 59), Self.at(2400, 2, 29, 12)] {
      expect(zone, at: instant, -14400, "EDT")
    }
  }

  @Test func aVersion1FileIsReadFromItsOnlyBlock() throws {
    var fixture = Self.berlin
    fixture.version1Only = true
    fixture.transitions.removeFirst()  // 1893 is before what 32 bits can count from 1970
    let berlin = try zone(fixture)
    expect(berlin, at: Self.at(1901, 1, 1), 3208, "LMT")
    expect(berlin, at: Self.at(1980, 4, 6, 1), 7200, "CEST")
    // No footer: the last transition's type holds for ever.
    expect(berlin, at: Self.at(2026, 7, 1), 3600, "CET")
  }

  @Test func aLocalTimeInAGapIsReadWithTheOffsetBeforeIt() throws {
    let berlin = try zone(Self.berlin)
    // 02:30 does not exist on 2026-03-29: read as CET, it is 01:30 UTC, shown as 03:30 CEST.
    let inGap = berlin.instant(of: CivilTime(year: 2026, month: 3, day: 29, hour: 2, minute: 30))
    #expect(inGap == Self.at(2026, 3, 29, 1, 30))
    // Either side of the gap, plain times.
    #expect(berlin.instant(of: CivilTime(year: 2026, month: 3, day: 29, hour: 1, minute: 59)) == Self.at(2026, 3, 29, 0, 59))
    #expect(berlin.instant(of: CivilTime(year: 2026, month: 3, day: 29, hour: 3)) == Self.at(2026, 3, 29, 1))
    #expect(berlin.instant(of: CivilTime(year: 2026, month: 7, day: 1, hour: 12)) == Self.at(2026, 7, 1, 10))
  }

  @Test func aLocalTimeInAnOverlapIsItsFirstOccurrence() throws {
    let berlin = try zone(Self.berlin)
    // 02:30 happens twice on 2026-10-25: first in CEST (00:30 UTC), then in CET (01:30 UTC).
    #expect(berlin.instant(of: CivilTime(year: 2026, month: 10, day: 25, hour: 2, minute: 30)) == Self.at(2026, 10, 25, 0, 30))
    #expect(berlin.instant(of: CivilTime(year: 2026, month: 10, day: 25, hour: 3)) == Self.at(2026, 10, 25, 2))
    // Far in the future, on the rule alone, the same.
    #expect(berlin.instant(of: CivilTime(year: 2500, month: 10, day: 31, hour: 2, minute: 30)) == Self.at(2500, 10, 31, 0, 30))
    #expect(berlin.instant(of: CivilTime(year: 2500, month: 3, day: 28, hour: 2, minute: 30)) == Self.at(2500, 3, 28, 1, 30))
  }

  @Test func aDayWhoseMidnightIsInAGapStartsAtTheFirstTimeThatExists() throws {
    // Chile's rule: daylight saving starts at 24:00 on the first Saturday of September (2026-09-05).
    let santiago = try zone(TZifFixture(types: [TZifFixture.LocalType(offset: -14400, abbreviation: "-04")], footer: "<-04>4<-03>,M9.1.6/24,M4.1.6/24"))
    let start = santiago.startOfDay(LocalDate(year: 2026, month: 9, day: 6))
    #expect(start == Self.at(2026, 9, 6, 4))
    #expect(santiago.date(of: start) == LocalDate(year: 2026, month: 9, day: 6))
    #expect(santiago.offsetSeconds(at: start) == -10800)
    #expect(santiago.date(of: start - .seconds(1)) == LocalDate(year: 2026, month: 9, day: 5))
  }
}
