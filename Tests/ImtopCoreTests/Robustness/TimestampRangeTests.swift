import Testing

@testable import ImtopCore

/// Times after 9999-12-31 (and before year 0) are refused where they are read, in every form, and
/// arithmetic on times saturates instead of trapping or wrapping.
@Suite struct TimestampRangeTests {
  static func parse(_ text: String) -> Timestamp? { TimestampParser.parse(text, zone: .utc)?.instant }

  @Test func lastWritableInstantIsRead() {
    #expect(Self.parse("9999-12-31T23:59:59Z") == Timestamp(milliseconds: 253_402_300_799_000))
    #expect(Self.parse("9999-12-31T23:59:59.999Z") == Timestamp.latestWritable)
    #expect(Self.parse("0000-01-01T00:00:00Z") == Timestamp.earliestWritable)
    #expect(Self.parse("253402300799") == Timestamp(seconds: 253_402_300_799))
    #expect(TimestampParser.instant(epochSeconds: 253_402_300_799) == Timestamp(seconds: 253_402_300_799))
  }

  @Test(arguments: [
    "9999-12-31T24:00:00Z", "9999-12-31T23:00:00-05:00", "9999-12-31 20:00 -0400", "0000-01-01T00:00:00+01:00",
    "253402300800", "999999999999", "999999999999.5",
  ])
  func pastTheFourDigitYearsIsRefused(text: String) {
    #expect(Self.parse(text) == nil)
  }

  @Test func epochNumbersPastTheRangeAreRefused() {
    #expect(TimestampParser.instant(epochSeconds: 253_402_300_800) == nil)
    #expect(TimestampParser.instant(epochSeconds: -62_167_219_201) == nil)
    #expect(TimestampParser.instant(epochSeconds: 18_446_744_073_709_551_615) == nil)
  }

  @Test func aZoneAheadOfUTCCannotCarryALocalTimePastTheRange() throws {
    let kiritimati = try #require(Zone(identifier: "Pacific/Kiritimati"))
    // 9999-12-31 10:00 at UTC+14 is 9999-12-30T20:00Z: fine. A zone behind UTC pushes it over.
    #expect(TimestampParser.parse("9999-12-31 10:00", zone: kiritimati) != nil)
    let honolulu = try #require(Zone(identifier: "Pacific/Honolulu"))
    #expect(TimestampParser.parse("9999-12-31 20:00", zone: honolulu) == nil)
  }

  @Test func statusLineWithAFiveDigitYearIsAnErrorWithItsLine() {
    let text = """
      {"ts":"2026-03-01T08:00:00Z","system":"erp","state":"up"}
      {"ts":"9999-12-31T23:30:00-01:00","system":"erp","state":"up"}
      {"ts":253402300800,"system":"erp","state":"up"}
      """
    var bytes = Array((text + "\n").utf8)
    let result = bytes.withUnsafeMutableBytes { raw in
      JSONLineReader.readStatus(UnsafeRawBufferPointer(raw), file: "status.jsonl", firstLine: 1, zone: .utc)
    }
    #expect(result.records.count == 1)
    #expect(result.issues.map(\.line) == [2, 3])
    #expect(result.issues.map(\.file) == ["status.jsonl", "status.jsonl"])
    #expect(result.issues.allSatisfy { $0.message.contains("up to 9999-12-31") }, "\(result.issues)")
  }

  @Test func arithmeticSaturates() {
    let end = Timestamp(milliseconds: .max)
    #expect(end + .days(100_000) == end)
    #expect(Timestamp(milliseconds: .min) - .days(1) == Timestamp(milliseconds: .min))
    #expect(end - Timestamp(milliseconds: .min) == Span(milliseconds: .max))
    #expect(Span.days(.max) == Span(milliseconds: .max))
    #expect(Span.seconds(.min) == Span(milliseconds: .min))
    #expect(Span(milliseconds: .max) + .seconds(1) == Span(milliseconds: .max))
    #expect(Timestamp(seconds: .max) == end)
    #expect(Int64(saturating: .nan) == 0)
    #expect(Int64(saturating: 1e300) == .max)
    #expect(Int64(saturating: -.infinity) == .min)
    #expect(UInt64(saturating: 18_446_744_073_709_551_615) == .max)
    #expect(Int(saturating: -2.9) == -2)
  }

  @Test func iso8601NeverWritesAFifthDigit() {
    #expect(Timestamp(milliseconds: .max).iso8601 == "9999-12-31T23:59:59.999Z")
    #expect(Timestamp(milliseconds: .min).iso8601 == "0000-01-01T00:00:00Z")
    #expect((Timestamp.latestWritable + .seconds(1)).iso8601 == "9999-12-31T23:59:59.999Z")
  }
}
