import Testing

@testable import ImtopCore

@Suite struct ConfigurationReaderTests {
  private func read(_ text: String) -> ConfigurationReading {
    ConfigurationReader.read(Array(text.utf8))
  }

  @Test func readsEverySetting() throws {
    let reading = read("""
      [organization]
      name = "Example IT"
      currency = "gbp"
      fiscal_year_start = 4
      timezone = "Europe/Berlin"

      [refresh]
      interval = "5s"
      stale_after = "15m"

      [display]
      theme = "high-contrast"
      pages = ["Overview", "kpis"]
      rotate = "1m30s"

      [[kpi]]
      name = "Patch latency"
      expr = "avg(metric('patch_latency_days'), 30d)"
      unit = "days"
      target = 14
      warn = 21.5
      crit = 30
      better = "lower"

      [[kpi]]
      name = "Tickets"
      expr = "last(metric('tickets_open'))"

      """)
    #expect(reading.issues.isEmpty)
    let config = reading.configuration
    #expect(config.organizationName == "Example IT")
    #expect(config.currency == "GBP")
    #expect(config.fiscalYearStart == 4)
    #expect(config.zone.identifier == "Europe/Berlin")
    #expect(config.refreshInterval == .seconds(5))
    #expect(config.staleAfter == .minutes(15))
    #expect(config.theme == "high-contrast")
    #expect(config.pages == [.overview, .kpis])
    #expect(config.rotate == .seconds(90))
    #expect(config.kpis == [
      KPIDefinition(
        name: "Patch latency", expression: "avg(metric('patch_latency_days'), 30d)", unit: "days", target: 14,
        warn: 21.5, crit: 30, better: .lower, location: SourceLocation(file: "imtop.toml", line: 16)),
      KPIDefinition(
        name: "Tickets", expression: "last(metric('tickets_open'))",
        location: SourceLocation(file: "imtop.toml", line: 25)),
    ])
  }

  @Test func emptyFileMeansDefaults() {
    let reading = read("")
    #expect(reading.issues.isEmpty)
    #expect(reading.configuration == Configuration())
  }

  @Test func syntaxErrorMeansDefaultsAndNamesLineAndColumn() throws {
    let reading = read("[organization]\nname = \"Example IT\"\ncurrency = EUR\n")
    #expect(reading.configuration == Configuration())
    let issue = try #require(reading.issues.first)
    #expect(reading.issues.count == 1)
    #expect(issue.line == 3)
    #expect(issue.message.hasPrefix("TOML syntax error at column "))
    #expect(issue.message.hasSuffix("; using the default settings"))
    #expect(reading.failure == issue.message)
  }

  @Test func badValuesLoseOnlyThemselves() {
    let reading = read("""
      [organization]
      name = "Example IT"
      currency = "Euro"
      fiscal_year_start = 13
      timezone = "Mars Olympus"

      [refresh]
      interval = "often"
      stale_after = 600

      [display]
      pages = ["overview", "weather"]

      """)
    #expect(ReaderTestSupport.messages(reading.issues) == [
      "3: organization.currency \"Euro\" is not a currency code: expected an ISO 4217 code such as EUR, USD or GBP",
      "4: organization.fiscal_year_start 13 is not a month: expected 1 (January) to 12",
      "5: organization.timezone \"Mars Olympus\" is not a time zone name: expected an IANA name such as Europe/Berlin or UTC",
      "8: refresh.interval \"often\": expected a duration from 100ms to 1d",
      "12: display.pages: unknown page \"weather\": expected overview, systems, budget, compliance, kpis, incidents",
    ])
    #expect(reading.rejected == 5)
    #expect(reading.failure == nil)
    #expect(reading.configuration.organizationName == "Example IT")
    #expect(reading.configuration.currency == nil)
    #expect(reading.configuration.fiscalYearStart == 1)
    #expect(reading.configuration.refreshInterval == .seconds(2))
    // A bare integer is read as seconds.
    #expect(reading.configuration.staleAfter == .minutes(10))
  }

  /// A name the system's zoneinfo lacks (or none installed) is a warning: the dashboard runs on
  /// UTC and says so; a name that cannot be a zone, or leaves the zoneinfo folder, is an error.
  @Test func aZoneTheSystemLacksFallsBackToUTCWithAWarning() {
    let reading = read("""
      [organization]
      name = "Example IT"
      timezone = "Mars/Olympus"
      """)
    #expect(reading.issues.map(\.severity) == [.warning])
    #expect(ReaderTestSupport.messages(reading.issues) == [
      "3: organization.timezone: no zone \"Mars/Olympus\" in the system's zoneinfo (a misspelt name, or tzdata older than the zone); times are shown in UTC"
    ])
    #expect(reading.rejected == 0)
    #expect(reading.configuration.zone == .utc)
    #expect(reading.configuration.zoneFallback?.identifier == "Mars/Olympus")
    #expect(reading.setKeys.contains("organization.timezone"))
    for name in ["../../etc/localtime", "/etc/localtime"] {
      let refused = read("[organization]\ntimezone = \"\(name)\"\n")
      #expect(refused.issues.map(\.severity) == [.error], "\(name)")
      #expect(refused.configuration.zone == .utc && refused.configuration.zoneFallback == nil)
    }
    let found = read("[organization]\ntimezone = \"UTC\"\n")
    #expect(found.issues.isEmpty && found.configuration.zoneFallback == nil)
  }

  @Test func unknownKeysAreWarnings() {
    let reading = read("""
      [organization]
      nmae = "Typo"

      [colours]
      ok = "green"

      [[kpi]]
      name = "X"
      expr = "1"
      trget = 3

      """)
    #expect(ReaderTestSupport.messages(reading.issues) == [
      "2: unknown key \"organization.nmae\" (ignored): expected one of name, currency, fiscal_year_start, timezone",
      "4: unknown key \"colours\" (ignored): expected the tables organization, refresh, display and [[kpi]]",
      "10: unknown key \"kpi.trget\" (ignored): expected one of name, expr, unit, target, warn, crit, better",
    ])
    #expect(reading.rejected == 0)
    #expect(reading.configuration.kpis.map(\.name) == ["X"])
  }

  @Test func aLogTableInTheDataDirectoryIsAWarningAndSetsNothing() {
    let reading = read("[organization]\nname = \"Example IT\"\n\n[log]\nfile = \"/tmp/elsewhere.log\"\n")
    #expect(ReaderTestSupport.messages(reading.issues) == [
      "4: unknown key \"log\" (ignored): the log is set by --log or the user's configuration, never by the data directory"
    ])
    #expect(reading.issues.allSatisfy { $0.severity == .warning })
    #expect(reading.rejected == 0)
    #expect(reading.configuration == read("[organization]\nname = \"Example IT\"\n").configuration)
  }

  @Test func kpiWithoutExpressionIsRejected() {
    let reading = read("[[kpi]]\nname = \"Broken\"\n\n[[kpi]]\nname = \"Fine\"\nexpr = \"1\"\nbetter = \"sideways\"\n")
    #expect(ReaderTestSupport.messages(reading.issues) == [
      "1: kpi \"Broken\" has no expr: expected name = \"...\" and expr = \"...\"",
      "7: kpi \"Fine\": unknown better \"sideways\": expected higher, lower, target",
    ])
    #expect(reading.configuration.kpis.map(\.name) == ["Fine"])
  }

  @Test func byteOrderMarkAndCRLFAreRead() {
    let reading = ConfigurationReader.read([0xEF, 0xBB, 0xBF] + Array("[organization]\r\nname = \"Example IT\"\r\nnmae = 1\r\n".utf8))
    #expect(reading.configuration.organizationName == "Example IT")
    #expect(ReaderTestSupport.messages(reading.issues) == [
      "3: unknown key \"organization.nmae\" (ignored): expected one of name, currency, fiscal_year_start, timezone"
    ])
  }

  @Test func britishSpellingOfOrganisationIsRead() {
    let reading = read("[organisation]\nname = \"Example IT\"\n")
    #expect(reading.issues.isEmpty)
    #expect(reading.configuration.organizationName == "Example IT")
  }
}

@Suite struct DurationParserTests {
  @Test(arguments: [
    ("2s", 2_000), ("10m", 600_000), ("1h", 3_600_000), ("1d", 86_400_000), ("500ms", 500), ("1h30m", 5_400_000),
    (" 20s ", 20_000), ("1w", 604_800_000),
  ] as [(String, Int64)])
  func readsDuration(text: String, milliseconds: Int64) {
    #expect(DurationParser.parse(text) == Span(milliseconds: milliseconds))
  }

  @Test(arguments: ["", "s", "10", "10x", "1.5h", "-2s", "h1"])
  func rejectsNonDurations(text: String) {
    #expect(DurationParser.parse(text) == nil)
  }
}
