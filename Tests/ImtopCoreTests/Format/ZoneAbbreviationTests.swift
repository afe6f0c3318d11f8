import Testing

@testable import ImtopCore

/// `Zone.abbreviation(at:)`: the zone database's letters, or the offset where it has none.
@Suite struct ZoneAbbreviationTests {
  static func instant(_ year: Int, _ month: Int, _ day: Int) -> Timestamp {
    CivilTime(year: year, month: month, day: day, hour: 12).utcTimestamp
  }

  @Test func zonesWithoutLettersAreTheirOffset() throws {
    let winter = Self.instant(2026, 12, 1), summer = Self.instant(2026, 7, 1)
    #expect(try #require(Zone(identifier: "Europe/Istanbul")).abbreviation(at: winter) == "+03")
    #expect(try #require(Zone(identifier: "Asia/Kathmandu")).abbreviation(at: winter) == "+0545")
    #expect(try #require(Zone(identifier: "America/Sao_Paulo")).abbreviation(at: summer) == "-03")
    #expect(Zone.utc.abbreviation(at: winter) == "UTC")
  }

  @Test func zonesWithLettersFollowDaylightSaving() throws {
    let berlin = try #require(Zone(identifier: "Europe/Berlin"))
    // The zone database says CET and CEST; a system library without the letters gives the offset.
    #expect(["CET", "+01"].contains(berlin.abbreviation(at: Self.instant(2026, 12, 1))))
    #expect(["CEST", "+02"].contains(berlin.abbreviation(at: Self.instant(2026, 7, 1))))
    let newYork = try #require(Zone(identifier: "America/New_York"))
    #expect(["EST", "-05"].contains(newYork.abbreviation(at: Self.instant(2026, 12, 1))))
  }
}
