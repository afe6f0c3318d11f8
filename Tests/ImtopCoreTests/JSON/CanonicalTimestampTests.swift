import Testing

@testable import ImtopCore

/// The fast path for `YYYY-MM-DDTHH:MM:SSZ` agrees with the general parser, and declines the rest.
@Suite struct CanonicalTimestampTests {
  static func parse(_ text: String) -> Timestamp? {
    var bytes = Array(text.utf8)
    return bytes.withUnsafeMutableBufferPointer { CanonicalTimestamp.parse(UnsafeBufferPointer($0)) }
  }

  @Test func agreesWithTheGeneralParser() {
    let samples = [
      "2026-03-01T08:00:00Z", "1970-01-01T00:00:00Z", "2024-02-29T23:59:59Z", "2000-12-31T12:34:56Z",
      "1969-12-31T23:59:59Z", "2100-03-01T00:00:01Z",
    ]
    for text in samples {
      #expect(Self.parse(text) != nil, "\(text)")
      #expect(Self.parse(text) == TimestampParser.parse(text, zone: .utc)?.instant, "\(text)")
    }
    // 2026-03-01T08:00:00Z: 20513 days and 8 hours after the epoch.
    #expect(Self.parse("2026-03-01T08:00:00Z") == Timestamp(seconds: 1_772_352_000))
  }

  @Test func declinesOtherFormsAndInvalidDates() {
    for text in [
      "2026-03-01T08:00:00+01:00", "2026-03-01 08:00:00Z", "2026-03-01T08:00:00.5Z", "2026-02-29T08:00:00Z",
      "2026-13-01T08:00:00Z", "2026-03-01T24:00:00Z", "2026-03-01T08:60:00Z", "2026-03-01T08:00:60Z",
      "2026-03-0xT08:00:00Z", "yesterday",
    ] {
      #expect(Self.parse(text) == nil, "\(text)")
    }
  }
}
