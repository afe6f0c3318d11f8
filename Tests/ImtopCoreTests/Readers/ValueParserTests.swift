import Testing

@testable import ImtopCore

@Suite struct ValueParserTests {
  private func message(_ body: () throws(ValueError) -> Void) -> String? {
    do {
      try body()
      return nil
    } catch {
      return error.message
    }
  }

  @Test func integersAndPercentages() throws {
    #expect(try ValueParser.integer("1,250", column: "users", in: 0...Int.max, expected: "x") == 1250)
    #expect(try ValueParser.integer("3.0", column: "criticality", in: 1...4, expected: "x") == 3)
    #expect(try ValueParser.percentage("99,9 %", column: "sla") == 99.9)
    #expect(try ValueParser.percentage("100", column: "sla") == 100)
    #expect(message { () throws(ValueError) in _ = try ValueParser.percentage("€5", column: "sla") }
      == "sla \"€5\" is not a number: expected a percentage from 0 to 100 such as 99.9 or 99.9%")
    #expect(message { () throws(ValueError) in _ = try ValueParser.number("5%", column: "users", expected: "a count") }
      == "users \"5%\" is not a number: expected a count")
  }

  @Test func datesAreStrict() {
    #expect(ValueParser.parseDate("2028-02-29") == LocalDate(year: 2028, month: 2, day: 29))
    #expect(ValueParser.parseDate("2027-02-29") == nil)
    #expect(ValueParser.parseDate("2027-2-1") == nil)
    #expect(ValueParser.parseDate("2027-02-01T00:00Z") == nil)
  }

  @Test func enumerationsIgnoreCaseAndKnowSynonyms() throws {
    let state: ServiceState = try ValueParser.enumeration("Operational", column: "state")
    #expect(state == .up)
    let sourcing: Sourcing = try ValueParser.enumeration("Open Source", column: "sourcing")
    #expect(sourcing == .openSource)
    #expect(message { () throws(ValueError) in let _: CostType = try ValueParser.enumeration("misc", column: "type") }
      == "unknown type \"misc\": expected capex, opex")
  }

  @Test func timesUseTheGivenZone() throws {
    let zone = try #require(Zone(identifier: "America/New_York"))
    // 09:00 in New York in January (EST, -05:00) is 14:00 UTC.
    #expect(try ValueParser.time("2026-01-10 09:00", column: "opened", zone: zone).instant == utc(2026, 1, 10, 14))
  }
}
