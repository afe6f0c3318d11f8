import Foundation
import Testing

@testable import ImtopCore
import ImtopTestSupport

/// The fixture organisations read end to end: `org` uses every file kind (status as a folder of two
/// files, budget with `;`, a BOM and decimal commas, incidents with CRLF and a two-line summary);
/// `org-broken` is the same with one broken row added to each file.
@Suite struct DirectoryReadingFixtureTests {
  /// The fixtures' samples are from 4 May 2026, 08:00 to 10:01 UTC.
  static let now = utc(2026, 5, 4, 10, 5)

  private func load(_ name: String) throws -> EngineInput {
    let url = try #require(ReaderTestSupport.fixture(name), "no package root above \(#filePath)")
    return DirectoryReading(directory: url.path, at: DirectoryReadingFixtureTests.now).input
  }

  @Test func orgReadsEveryFileCleanly() throws {
    let data = try load("org")
    // Nothing lost; the laptops have no SLA, which the data-quality figure counts.
    #expect(data.issues.map(\.description) == ["systems.csv:8: 1 system has no sla: laptops"])
    #expect(data.issues.allSatisfy { !$0.isError })
    #expect(data.files.map(\.path) == [
      "budget.csv", "compliance.csv", "imtop.toml", "incidents.csv", "metrics.jsonl", "status/core.jsonl",
      "status/edge.jsonl", "systems.csv",
    ])
    #expect(data.files.map(\.records) == [5, 3, 1, 3, 2, 2, 3, 6])
    #expect(data.files.allSatisfy { $0.errors == 0 && $0.failure == nil && $0.modified != nil })
    #expect(data.systems.map(\.id) == ["erp", "crm", "records", "db", "wan", "laptops"])
    #expect(data.budget.count == 5)
    #expect(data.incidents.map(\.id) == ["INC-1001", "INC-1002", "INC-1003"])
    #expect(data.compliance.map(\.id) == ["AF-1", "AR-7", "TR-2"])
    // core.jsonl's two samples name erp and db, edge.jsonl's three wan, crm and laptops.
    #expect(data.timelines.keys.sorted() == ["crm", "db", "erp", "laptops", "wan"])
    #expect(data.metrics.metricNames == ["patch_latency_days", "tickets_open"])
  }

  @Test func orgConfiguration() throws {
    let config = try load("org").configuration
    #expect(config.organizationName == "Example Municipality IT")
    #expect(config.currency == "EUR")
    #expect(config.fiscalYearStart == 4)
    #expect(config.zone.identifier == "Europe/Berlin")
    #expect(config.kpis.map(\.name) == ["Patch latency"])
    #expect(config.kpis.first?.location == SourceLocation(file: "imtop.toml", line: 17))
  }

  @Test func orgValuesAsWritten() throws {
    let data = try load("org")
    let systems = Dictionary(uniqueKeysWithValues: data.systems.map { ($0.id, $0) })
    #expect(systems["erp"]?.users == 1250)  // "1,250"
    #expect(systems["erp"]?.sla == 99.9)  // "99.9%"
    #expect(systems["erp"]?.dependsOn == ["db", "wan"])  // "db; wan"
    #expect(systems["erp"]?.extra == [ExtraField(name: "Cost Center", value: "CC-100")])
    #expect(systems["records"]?.name == "Records management, archive")
    #expect(systems["db"]?.sla == 99.95)  // "99,95"
    #expect(systems["laptops"]?.users == 1400)  // "1 400"
    #expect(systems["laptops"]?.kind == .hardware)
    // A blank line 7 sits before laptops.
    #expect(systems["laptops"]?.location == SourceLocation(file: "systems.csv", line: 8))

    // 12.500,00 EUR = 1,250,000 cents; 3.100,50 = 310,050; € 15.000,00 = 1,500,000.
    #expect(data.budget.map(\.planned.minorUnits) == [1_250_000, 300_000, 4_000_000, 200_000, 1_500_000])
    #expect(data.budget.map { $0.actual?.minorUnits } == [1_250_000, 310_050, 3_925_000, nil, nil])
    #expect(data.budget[2].system == nil)
    #expect(data.budget.first?.period == YearMonth(year: 2026, month: 4))

    // "2026-05-02 08:00" in Berlin (CEST) is 06:00 UTC; INC-1003's summary spans lines 4 and 5.
    #expect(data.incidents[0].opened == utc(2026, 5, 2, 6))
    #expect(data.incidents[2].summary == "Link flapping\r\nbetween sites")
    #expect(data.incidents[2].location.line == 4)
    #expect(data.compliance[0].due == .date(LocalDate(year: 2026, month: 6, day: 30)))
    // 1777881660 is 2026-05-04T08:01:00Z; "2026-05-04 10:01" in Berlin is the same instant.
    #expect(data.timelines["crm"]?.runs.first?.start == utc(2026, 5, 4, 8, 1))
    #expect(data.timelines["laptops"]?.runs.first?.start == utc(2026, 5, 4, 8, 1))
    #expect(data.timelines["laptops"]?.runs.first?.state == .maintenance)
  }

  @Test func orgBrokenNamesEachBrokenRow() throws {
    let data = try load("org-broken")
    #expect(data.issues.map(\.description) == [
      "budget.csv:7: period \"2026-13\" is not YYYY-MM",
      "compliance.csv:5: due \"2026-05-01\" is before opened \"2026-05-10\"",
      "imtop.toml:6: organization.timezone: no zone \"Europe/Berln\" in the system's zoneinfo (a misspelt name, or tzdata older than the zone); times are shown in UTC",  // a warning
      "incidents.csv:6: resolved \"2026-05-05T09:00:00Z\" is before opened \"2026-05-05T10:00:00Z\"",
      "metrics.jsonl:3: missing \"value\": expected a number",
      "status/core.jsonl:3: unknown system \"crm2\": not in systems.csv",  // a warning
      "status/edge.jsonl:4: unknown state \"sideways\": expected up, degraded, down or maintenance",
      "systems.csv:8: 1 system has no sla: laptops",  // a warning
      "systems.csv:9: duplicate system id \"crm\" (first defined on line 3)",
    ])
    // Good rows are all kept, and so is the sample naming the unknown system.
    #expect(data.files.map(\.records) == [5, 3, 1, 3, 2, 3, 3, 6])
    #expect(data.files.map(\.errors) == [1, 1, 0, 1, 1, 0, 1, 1])
    #expect(data.timelines["crm2"] != nil)
    #expect(data.issues.filter { !$0.isError }.map(\.file) == ["imtop.toml", "status/core.jsonl", "systems.csv"])
    // The zone this system lacks falls back to UTC; the rest of the configuration stands.
    #expect(data.configuration.zone == .utc)
    #expect(data.configuration.fiscalYearStart == 4)
  }
}
