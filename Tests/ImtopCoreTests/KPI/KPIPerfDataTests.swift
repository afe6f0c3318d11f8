import Testing

@testable import ImtopCore

/// `imtop check --kpis`' performance data: the Monitoring Plugins format, parsed back.
@Suite struct KPIPerfDataTests {
  let snapshot = MetricsOrg.snapshot()

  private func result(
    _ name: String, _ value: Double?, unit: String = "", target: Double? = nil, warn: Double? = nil,
    crit: Double? = nil, better: KPIDirection = .lower
  ) -> KPIResult {
    let definition = KPIDefinition(
      name: name, expression: "1", unit: unit, target: target, warn: warn, crit: crit, better: better)
    return KPIResult(definition: definition, value: value, status: definition.status(of: value), isBuiltIn: false)
  }

  /// One datum split as a monitoring system does: a quoted label (`''` is a quote), `=`, then the
  /// value with its unit and the `;`-separated fields.
  private func parse(_ datum: String) -> (label: String, value: String, fields: [String])? {
    var characters = Array(datum)
    guard characters.first == "'" else { return nil }
    characters.removeFirst()
    var label = ""
    while let next = characters.first {
      characters.removeFirst()
      if next == "'" {
        if characters.first == "'" {
          label.append("'")
          characters.removeFirst()
          continue
        }
        break
      }
      label.append(next)
    }
    guard characters.first == "=" else { return nil }
    let parts = String(characters.dropFirst()).split(separator: ";", omittingEmptySubsequences: false).map(String.init)
    guard let value = parts.first else { return nil }
    return (label, value, Array(parts.dropFirst()))
  }

  /// The data after the `|` of the status line, split at the spaces outside quotes.
  private func data(_ statusLine: String) -> [String] {
    guard let bar = statusLine.firstIndex(of: "|") else { return [] }
    var items: [String] = []
    var current = ""
    var quoted = false
    for character in statusLine[statusLine.index(after: bar)...] {
      if character == "'" { quoted.toggle() }
      if character == " " && !quoted {
        if !current.isEmpty { items.append(current) }
        current = ""
      } else {
        current.append(character)
      }
    }
    if !current.isEmpty { items.append(current) }
    return items
  }

  @Test func rangesFollowTheDirection() {
    #expect(KPIPerfData.datum(result("Open P1", 2, target: 0, warn: 1, crit: 3), redactMoney: false) == "'Open P1'=2;1;3;;")
    #expect(
      KPIPerfData.datum(result("SLA met", 83.333, unit: "%", warn: 90, crit: 75, better: .higher), redactMoney: false)
        == "'SLA met'=83.33%;90:;75:;;")
    #expect(
      KPIPerfData.datum(result("Variance", -1.17, unit: "%", target: 0, warn: 5, crit: 10, better: .target), redactMoney: false)
        == "'Variance'=-1.17%;-5:5;-10:10;;")
    // Around a target of 40: 40 − 2.5 … 40 + 2.5 and 40 − 7 … 40 + 7.
    #expect(
      KPIPerfData.datum(result("Temp", 41, target: 40, warn: 2.5, crit: 7, better: .target), redactMoney: false)
        == "'Temp'=41;37.5:42.5;33:47;;")
    // A range from 0 cannot end below it: a negative lower-is-better threshold starts at −∞.
    #expect(KPIPerfData.datum(result("Margin", -8, warn: -5, crit: -2), redactMoney: false) == "'Margin'=-8;~:-5;~:-2;;")
    // Thresholds left out are empty fields; a target KPI without a target has no range.
    #expect(KPIPerfData.datum(result("Count", 7), redactMoney: false) == "'Count'=7;;;;")
    #expect(KPIPerfData.datum(result("Drift", 3, warn: 1, better: .target), redactMoney: false) == "'Drift'=3;;;;")
  }

  @Test func durationsAreInSeconds() {
    // 165 min = 9900 s; 480 min = 28800 s; 1440 min = 86400 s.
    #expect(
      KPIPerfData.datum(result("MTTR (30d)", 165, unit: "min", target: 240, warn: 480, crit: 1440), redactMoney: false)
        == "'MTTR (30d)'=9900s;28800;86400;;")
    // 1.5 h = 5400 s; 2 days = 172800 s; milliseconds stay milliseconds.
    #expect(KPIPerfData.datum(result("Backup", 1.5, unit: "h"), redactMoney: false) == "'Backup'=5400s;;;;")
    #expect(KPIPerfData.datum(result("Age", 2, unit: "days", warn: 3), redactMoney: false) == "'Age'=172800s;259200;;;")
    #expect(KPIPerfData.datum(result("Latency", 12.5, unit: "ms"), redactMoney: false) == "'Latency'=12.5ms;;;;")
    // Any other unit is a plain number.
    #expect(KPIPerfData.datum(result("Tickets", 4, unit: "tickets"), redactMoney: false) == "'Tickets'=4;;;;")
  }

  @Test func unknownValuesAreU() {
    #expect(KPIPerfData.datum(result("Ratio", nil, warn: 1), redactMoney: false) == "'Ratio'=U;1;;;")
    var broken = result("Broken", 5)
    broken.error = "KPI \"Broken\": column 3: unexpected"
    #expect(KPIPerfData.datum(broken, redactMoney: false) == "'Broken'=U;;;;")
    var infinite = result("Infinite", .infinity)
    infinite.status = .unknown
    #expect(KPIPerfData.datum(infinite, redactMoney: false) == "'Infinite'=U;;;;")
  }

  @Test func labelsAreQuotedAndEscaped() {
    #expect(KPIPerfData.label("Plain") == "'Plain'")
    #expect(KPIPerfData.label("It's up") == "'It''s up'")
    #expect(KPIPerfData.label("a=b|c") == "'a_b_c'")
    #expect(KPIPerfData.label("tab\there") == "'tab\u{2409}here'")
    let parsed = parse(KPIPerfData.datum(result("Bob's = | KPI", 1), redactMoney: false))
    #expect(parsed?.label == "Bob's _ _ KPI")
    #expect(parsed?.value == "1")
    #expect(parsed?.fields == ["", "", "", ""])
  }

  @Test func numbersAreNeverInScientificNotation() {
    #expect(KPIPerfData.number(1e20) == "100000000000000000000")
    #expect(KPIPerfData.number(0.000001) == "0.000001")
    #expect(KPIPerfData.number(-0.0000001) == "0")
    #expect(KPIPerfData.number(2.5) == "2.5")
    #expect(KPIPerfData.number(.nan) == nil)
  }

  @Test func statusLineCarriesEveryKPIsData() throws {
    let check = KPICheck(kpis: snapshot.kpis)
    let first = try #require(check.text.split(separator: "\n").first.map(String.init))
    #expect(first.hasPrefix("KPI UNKNOWN - 3 ok, 7 warn, 1 crit, 2 unknown | "))
    let items = data(first)
    #expect(items.count == snapshot.kpis.count)
    let parsed = items.compactMap(parse)
    #expect(parsed.map(\.label) == snapshot.kpis.map(\.definition.name))
    #expect(items.contains("'Systems meeting SLA'=0%;90:;75:;;"))
    #expect(items.contains("'Open P1 incidents'=2;1;3;;"))
    #expect(items.contains("'Budget variance'=1.22%;-5:5;-10:10;;"))
    // 20 days = 1,728,000 s; 21 and 30 days = 1,814,400 and 2,592,000 s.
    #expect(items.contains("'Patch latency'=1728000s;1814400;2592000;;"))
    #expect(items.contains("'Broken'=U;;;;"))
    #expect(items.contains("'Ratio'=U;;;;"))
    #expect(items.contains("'Forecast'=10526.83;;;;"))
    // The other lines hold no `|`, which would start performance data there.
    #expect(!check.text.split(separator: "\n").dropFirst().contains { $0.contains("|") })
  }

  @Test func redactedMoneyStaysRedacted() throws {
    let check = KPICheck(kpis: snapshot.kpis, redactMoney: true)
    let items = data(String(check.text.prefix { $0 != "\n" }))
    #expect(items.contains("'Forecast'=U;;;;"))
    #expect(!check.text.contains("10526"))
    #expect(items.contains("'Open P1 incidents'=2;1;3;;"))
  }

  @Test func noKPIsNoPerformanceData() {
    #expect(KPICheck(kpis: []).text == "KPI OK - no KPIs\n")
  }

  @Test func aPipeInANameStaysOutOfTheLongOutput() {
    let check = KPICheck(kpis: [result("In|Out", 1, warn: 5)])
    #expect(check.text == "KPI OK - 1 ok | 'In_Out'=1;5;;;\nOK: In\u{A6}Out = 1 (lower is better, warn 5)\n")
  }

  @Test func selectionByName() {
    let kpis = snapshot.kpis
    let chosen = KPICheck.select(["data quality", "Open P1 incidents", "Open P1 incidents"], from: kpis)
    #expect(chosen.unknown.isEmpty)
    // In the dashboard's order, each once.
    #expect(chosen.selected.map(\.definition.name) == ["Open P1 incidents", "Data quality"])
    let missing = KPICheck.select(["Nope", "MTTR (30d)", "Also nope"], from: kpis)
    #expect(missing.unknown == ["Nope", "Also nope"])
    let twins = [result("Cost", 1), result("COST", 2)]
    #expect(KPICheck.select(["cost"], from: twins).unknown == ["cost"])
    #expect(KPICheck.select(["COST"], from: twins).selected.map(\.value) == [2])
  }

  @Test func unknownNamesAreUnknownAndListTheKnownOnes() {
    let check = KPICheck.unknownNames(["Nope"], known: [result("A", 1), result("B", 2)])
    #expect(check.exitCode == 3)
    #expect(check.text == "KPI UNKNOWN - no KPI named \"Nope\"; the KPIs are \"A\", \"B\"\n")
    #expect(KPICheck.unknownNames(["x", "y"], known: []).text == "KPI UNKNOWN - no KPIs named \"x\", \"y\"; the KPIs are none\n")
  }
}
