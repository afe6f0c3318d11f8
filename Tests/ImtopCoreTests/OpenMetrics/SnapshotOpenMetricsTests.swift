import Foundation
import ImtopTestSupport
import Testing

@testable import ImtopCore

/// `imtop snapshot --format openmetrics` without Prometheus: escaping, the shape of every family,
/// figures that are null left out, base units, redaction and writing in pieces.
@Suite struct SnapshotOpenMetricsTests {
  static let snapshot = AwkwardOrganisation.snapshot
  static let text = SnapshotOpenMetrics(version: "9.8.7-test").encode(snapshot)
  static let redacted = SnapshotOpenMetrics(version: "9.8.7-test", redactMoney: true).encode(snapshot)

  @Test func labelValuesEscapeBackslashQuoteAndLineFeedOnly() {
    var line = ""
    OpenMetricsText.escape("a\\b\"c\nd\té 🚀}", into: &line)
    #expect(line == #"a\\b\"c\nd"# + "\té 🚀}")
  }

  @Test func everyFamilyIsAGaugeWithHelpAndItsUnit() throws {
    let parsed = try ParsedOpenMetrics(Self.text)
    #expect(parsed.families.count > 40)
    for family in parsed.families {
      #expect(family.name.hasPrefix("imtop_"), "\(family.name)")
      #expect(family.name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }, "\(family.name)")
      #expect(family.type == "gauge", "\(family.name)")
      #expect(!family.help.isEmpty, "\(family.name)")
      #expect(!family.help.contains("\\") && !family.help.contains("\""), "\(family.name): help needs no escape")
      #expect(!family.samples.isEmpty, "\(family.name) has metadata but no sample")
      let suffix = ["seconds", "ratio"].first { family.name.hasSuffix("_" + $0) }
      #expect(family.unit == suffix, "\(family.name): unit \(family.unit ?? "none")")
    }
  }

  @Test func noLabelSetIsRepeatedAndEveryValueIsAFiniteNumber() throws {
    for text in [Self.text, Self.redacted] {
      for family in try ParsedOpenMetrics(text).families {
        let sets = family.samples.map { $0.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } }
        #expect(Set(sets).count == sets.count, "\(family.name) repeats a label set")
        for sample in family.samples {
          let value = try #require(Double(sample.value), "\(family.name) \(sample.value)")
          #expect(value.isFinite, "\(family.name) \(sample.labels)")
        }
      }
    }
    #expect(!Self.text.contains(" NaN\n") && !Self.text.contains("Inf\n"))
  }

  @Test func awkwardLabelValuesComeBackAsTheyWere() throws {
    let parsed = try ParsedOpenMetrics(Self.text)
    let states = try #require(parsed.family("imtop_system_state"))
    #expect(Set(states.samples.compactMap { $0.labels["system"] }) == Set(AwkwardOrganisation.ids))
    let names = try #require(parsed.family("imtop_system_info")).samples.compactMap { $0.labels["name"] }
    #expect(Set(names) == Set(AwkwardOrganisation.systems.map(\.displayName)))
    let kpis = try #require(parsed.family("imtop_kpi_status")).samples.compactMap { $0.labels["kpi"] }
    #expect(Set(kpis) == Set(Self.snapshot.kpis.map(\.definition.name)))
    let files = try #require(parsed.family("imtop_data_file_records")).samples.compactMap { $0.labels["file"] }
    #expect(files == AwkwardOrganisation.files.map(\.path))
  }

  @Test func aNullFigureIsLeftOutAndTheOthersStay() throws {
    let parsed = try ParsedOpenMetrics(Self.text)
    let silent = ["system": AwkwardOrganisation.silent]
    let health = try #require(Self.snapshot.systems.first { $0.id == AwkwardOrganisation.silent })
    #expect(health.availability.month == nil && health.latencyMs == nil && health.lastSample == nil)
    #expect(parsed.value("imtop_system_availability_ratio", silent) == nil)
    #expect(parsed.value("imtop_system_latency_seconds", silent) == nil)
    #expect(parsed.value("imtop_system_last_sample_timestamp_seconds", silent) == nil)
    #expect(parsed.value("imtop_system_up", silent) == nil)
    #expect(parsed.value("imtop_system_state", silent.merging(["state": "unknown"]) { $1 }) == 1)
    #expect(parsed.value("imtop_system_coverage_ratio", silent.merging(["window": "30d"]) { $1 }) == 0)
    // No SLA, no sla_ratio; a KPI that cannot be computed has a status and no value.
    #expect(parsed.value("imtop_system_sla_ratio", ["system": AwkwardOrganisation.unicode]) == nil)
    #expect(parsed.value("imtop_kpi_value", ["kpi": "Never computed"]) == nil)
    #expect(parsed.value("imtop_kpi_status", ["kpi": "Never computed", "status": "unknown"]) == 1)
  }

  @Test func figuresAreInBaseUnits() throws {
    let parsed = try ParsedOpenMetrics(Self.text)
    for health in Self.snapshot.systems {
      for window in Window.allCases {
        let ratio = parsed.value("imtop_system_availability_ratio", ["system": health.id, "window": window.rawValue])
        #expect(ratio.map { abs($0 - (health.availability[window] ?? .nan) / 100) < 1e-6 } ?? (health.availability[window] == nil))
      }
      let sla = parsed.value("imtop_system_sla_ratio", ["system": health.id])
      #expect(sla.map { abs($0 - (health.record.sla ?? .nan) / 100) < 1e-9 } ?? (health.record.sla == nil))
      let latency = parsed.value("imtop_system_latency_seconds", ["system": health.id])
      #expect(latency.map { abs($0 - (health.latencyMs ?? .nan) / 1000) < 1e-9 } ?? (health.latencyMs == nil))
    }
    let mttr = try #require(Self.snapshot.incidents.mttrMinutes.week)
    #expect(abs((parsed.value("imtop_incidents_mttr_seconds", ["window": "7d"]) ?? 0) - mttr * 60) < 1e-3)
    #expect(parsed.value("imtop_snapshot_timestamp_seconds") == Double(AwkwardOrganisation.now.milliseconds) / 1000)
  }

  @Test func theStateFamilyHasOneOnePerSystem() throws {
    let states = try #require(try ParsedOpenMetrics(Self.text).family("imtop_system_state"))
    #expect(states.samples.count == Self.snapshot.systems.count * ServiceState.allCases.count)
    for health in Self.snapshot.systems {
      let ones = states.samples.filter { $0.labels["system"] == health.id && $0.value == "1" }
      #expect(ones.map { $0.labels["state"] } == [health.state.rawValue])
    }
  }

  @Test func moneyIsExactWithItsCurrencyAndGoneWhenRedacted() throws {
    let parsed = try ParsedOpenMetrics(Self.text)
    let actual = try #require(parsed.family("imtop_budget_actual_ytd")?.samples.first)
    #expect(actual.labels == ["currency": "EUR"])
    #expect(actual.value == Self.snapshot.budget.totals.actualYTD.decimalText(digits: 2))
    #expect(parsed.family("imtop_system_tco_ytd") != nil)
    #expect(parsed.value("imtop_kpi_value", ["kpi": "Budget\nforecast"]) != nil)

    let redacted = try ParsedOpenMetrics(Self.redacted)
    #expect(redacted.families.filter { $0.name.hasPrefix("imtop_budget_") }.isEmpty)
    #expect(redacted.family("imtop_system_tco_ytd") == nil && redacted.family("imtop_system_cost_per_user_ytd") == nil)
    #expect(redacted.families.allSatisfy { family in family.samples.allSatisfy { $0.labels["currency"] == nil } })
    #expect(redacted.value("imtop_kpi_value", ["kpi": "Budget\nforecast"]) == nil)
    #expect(redacted.value("imtop_kpi_threshold", ["kpi": "Budget\nforecast"]) == nil)
    #expect(redacted.value("imtop_kpi_status", ["kpi": "Budget\nforecast", "status": "unknown"]) != nil)
    #expect(redacted.family("imtop_system_state")?.samples == parsed.family("imtop_system_state")?.samples)
  }

  @Test func buildInfoCarriesTheVersionGiven() throws {
    let build = try #require(try ParsedOpenMetrics(Self.text).family("imtop_build_info"))
    #expect(build.samples.map(\.labels) == [["version": "9.8.7-test"]])
    #expect(build.samples.first?.value == "1")
  }

  @Test func writtenInPiecesCutBetweenSamples() {
    var pieces: [String] = []
    SnapshotOpenMetrics(version: "9.8.7-test").write(Self.snapshot, pieceSize: 256) { pieces.append($0) }
    #expect(pieces.count > 10)
    #expect(pieces.joined() == Self.text)
    #expect(pieces.allSatisfy { $0.hasSuffix("\n") })
  }

  @Test func anEmptyPortfolioIsStillValid() throws {
    let empty = MetricEngine().snapshot(of: TestOrganisation(), at: AwkwardOrganisation.now)
    let parsed = try ParsedOpenMetrics(SnapshotOpenMetrics(version: "1").encode(empty))
    #expect(parsed.family("imtop_system_state") == nil)
    #expect(parsed.value("imtop_incidents_open", ["priority": "P1"]) == 0)
  }
}
