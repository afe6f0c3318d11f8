import Testing

@testable import ImtopCore

/// The `config` fuzzer's second find: a duration too long for Int64 milliseconds trapped on overflow.
@Suite struct DurationFuzzRegressionTests {
  @Test func fuzzerInputLosesOnlyTheInterval() {
    let reading = ConfigurationReader.read(Array("""
      [organization]
      fiscal_year_start = 9223372036854775807
      [refresh]
      interval = "999999999999d"
      stale_after = "-9223372-9223372036854775808s"
      [[kpi]]
      name = "x"
      expr = 5
      """.utf8))
    #expect(reading.failure == nil)
    #expect(reading.configuration.refreshInterval == Configuration().refreshInterval)
    #expect(reading.issues.contains { $0.line == 4 && $0.message.contains("refresh.interval") })
  }

  // Int64.max ms is 106 751 991 167 days and 15 250 284 452 weeks (and some): 999999999999 days is
  // 8.6e19 ms, one day or week past the limit is over it, and so is twice the longest day count.
  @Test(arguments: ["999999999999d", "999999999999w", "106751991168d", "15250284453w", "106751991167d106751991167d"])
  func tooLongIsNoDuration(text: String) {
    #expect(DurationParser.parse(text) == nil)
  }

  @Test func longestDurationsStillRead() {
    // 106751991167 days = 106751991167 * 86 400 000 = 9 223 372 036 828 800 000 ms, under Int64.max
    // (9 223 372 036 854 775 807); adding 25 975 807 ms reaches it exactly.
    #expect(DurationParser.parse("106751991167d") == Span(milliseconds: 9_223_372_036_828_800_000))
    #expect(DurationParser.parse("106751991167d25975807ms") == Span(milliseconds: Int64.max))
    #expect(DurationParser.parse("106751991167d25975808ms") == nil)
  }
}
