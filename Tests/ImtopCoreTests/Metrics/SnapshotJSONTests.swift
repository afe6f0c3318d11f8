import Foundation
import ImtopCore
import Testing

/// The snapshot JSON: its exact shape, values and escaping.
@Suite struct SnapshotJSONTests {
  let snapshot = MetricsOrg.snapshot()

  func parsed(_ encoder: SnapshotJSON = SnapshotJSON()) throws -> [String: Any] {
    let data = Data(encoder.encode(snapshot).utf8)
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  func object(_ value: Any?) throws -> [String: Any] { try #require(value as? [String: Any]) }
  func array(_ value: Any?) throws -> [[String: Any]] { try #require(value as? [[String: Any]]) }
  func keys(_ value: Any?) throws -> Set<String> { Set(try object(value).keys) }

  @Test func keySetsAreExactlyTheContract() throws {
    let root = try parsed()
    #expect(
      Set(root.keys) == [
        "schema_version", "as_of", "organization", "systems", "incidents", "budget", "compliance", "portfolio",
        "governance", "kpis", "data",
      ])
    #expect(try keys(root["organization"]) == ["name", "currency", "fiscal_year"])
    #expect(try keys(try object(root["organization"])["fiscal_year"]) == ["start", "end"])
    let systemKeys: Set<String> = [
      "id", "name", "category", "kind", "sourcing", "owner", "criticality", "lifecycle", "users", "sla", "state",
      "availability", "coverage", "outages_30d", "mtbf_hours_30d", "latency_ms", "open_incidents", "tco_ytd",
      "cost_per_user_ytd", "below_sla", "past_end_of_support", "last_sample", "silent", "monthly",
      "missing_fields", "depends_on", "dependants", "impacted_via",
    ]
    let systems = try array(root["systems"])
    #expect(systems.count == 6)
    for system in systems {
      #expect(Set(system.keys) == systemKeys)
      #expect(try keys(system["availability"]) == ["24h", "7d", "30d"])
      #expect(try keys(system["coverage"]) == ["24h", "7d", "30d"])
      for month in try array(system["monthly"]) {
        #expect(Set(month.keys) == ["month", "availability", "coverage", "outages", "downtime_minutes", "sla_met"])
      }
    }
    let incidents = try object(root["incidents"])
    #expect(
      Set(incidents.keys) == [
        "open", "mttr_minutes", "mtta_minutes", "unacknowledged", "by_priority_30d", "open_items", "resolved_30d",
      ])
    #expect(try keys(incidents["open"]) == ["P1", "P2", "P3", "P4"])
    #expect(try keys(incidents["unacknowledged"]) == ["P1", "P2", "P3", "P4"])
    #expect(try keys(incidents["by_priority_30d"]) == ["P1", "P2", "P3", "P4"])
    for item in try array(incidents["open_items"]) + array(incidents["resolved_30d"]) {
      #expect(Set(item.keys) == ["id", "system", "priority", "opened", "acknowledged", "resolved", "summary"])
    }
    #expect(try keys(incidents["mttr_minutes"]) == ["24h", "7d", "30d"])
    let budget = try object(root["budget"])
    #expect(
      Set(budget.keys) == [
        "ytd_months", "annual_planned", "planned_ytd", "actual_ytd", "variance_pct", "forecast_year_end",
        "variance_at_completion", "burn_rate", "runway_months", "booked_ahead", "by_category", "by_type", "by_sourcing", "by_system",
      ])
    for breakdown in ["by_category", "by_type", "by_sourcing", "by_system"] {
      for (_, figures) in try object(budget[breakdown]) {
        #expect(try keys(figures) == ["annual_planned", "planned_ytd", "actual_ytd"])
      }
    }
    #expect(
      try keys(root["compliance"]) == [
        "open", "overdue", "overdue_by_kind", "overdue_by_severity", "on_time_closure_pct", "oldest_overdue_days",
      ])
    #expect(
      try keys(root["portfolio"]) == [
        "by_category", "by_sourcing", "by_lifecycle", "by_criticality", "past_end_of_support", "below_sla",
        "data_quality_pct", "data_quality_missing",
      ])
    for kpi in try array(root["kpis"]) {
      #expect(Set(kpi.keys) == ["name", "value", "unit", "target", "warn", "crit", "better", "status"])
    }
    let data = try object(root["data"])
    #expect(Set(data.keys) == ["files", "errors", "unregistered"])
    let unregistered = try array(data["unregistered"])
    #expect(unregistered.map { $0["id"] as? String } == ["ghost", "ghost2"])
    for system in unregistered { #expect(Set(system.keys) == ["id", "kinds", "records"]) }
    for file in try array(data["files"]) {
      #expect(Set(file.keys) == ["path", "kind", "records", "errors", "modified", "age_seconds", "failure"])
    }
    let errors = try array(data["errors"])
    #expect(!errors.isEmpty)
    for error in errors { #expect(Set(error.keys) == ["file", "line", "message", "severity"]) }
    #expect(errors.compactMap { $0["severity"] as? String }.allSatisfy { ["error", "warning"].contains($0) })
    #expect(root["schema_version"] as? Int == 1)
  }

  @Test func keysAreInTheDocumentedOrder() throws {
    guard case .object(let members) = SnapshotJSON().value(of: snapshot) else {
      Issue.record("the snapshot is not an object")
      return
    }
    #expect(
      members.map(\.0) == [
        "schema_version", "as_of", "organization", "systems", "incidents", "budget", "compliance", "portfolio",
        "governance", "kpis", "data",
      ])
    let text = SnapshotJSON(pretty: false).encode(snapshot)
    #expect(
      text.hasPrefix(
        "{\"schema_version\":1,\"as_of\":\"2026-06-15T12:00:00Z\",\"organization\":{\"name\":\"Metrics Org\",\"currency\":\"EUR\","
          + "\"fiscal_year\":{\"start\":\"2026-04\",\"end\":\"2027-03\"}},\"systems\":[{\"id\":\"erp\",\"name\":\"ERP\""))
    // Maps come sorted by key.
    #expect(
      text.contains(
        "\"by_type\":{\"capex\":{\"annual_planned\":7000.00,\"planned_ytd\":2000.00,\"actual_ytd\":1900.00},\"opex\":"))
    #expect(text.contains("\"overdue_by_severity\":{\"high\":1,\"low\":2,\"medium\":1}"))
  }

  @Test func valuesAsTheContractWritesThem() throws {
    let text = SnapshotJSON(pretty: false).encode(snapshot)
    #expect(
      text.contains(
        "\"annual_planned\":10400.00,\"planned_ytd\":4100.00,\"actual_ytd\":4150.00,\"variance_pct\":1.22,"
          + "\"forecast_year_end\":10526.83,\"variance_at_completion\":-126.83,\"burn_rate\":2075.00,"
          + "\"runway_months\":3.01,\"booked_ahead\":4000.00,\"by_category\":"))
    #expect(
      text.contains(
        "\"availability\":{\"24h\":96.18,\"7d\":91.72,\"30d\":91.72},\"coverage\":{\"24h\":100,\"7d\":14.98,\"30d\":3.5}"
      ))
    #expect(text.contains("\"mtta_minutes\":{\"24h\":10,\"7d\":16.25,\"30d\":37}"))
    let root = try parsed()
    let systems = try array(root["systems"])
    let crm = try #require(systems.first { $0["id"] as? String == "crm" })
    #expect(crm["cost_per_user_ytd"] is NSNull)
    #expect(crm["mtbf_hours_30d"] is NSNull)
    #expect(crm["sla"] is NSNull)
    #expect(crm["kind"] as? String == "service")
    #expect((crm["open_incidents"] as? NSNumber)?.intValue == 0)
    let files = try array(try object(root["data"])["files"])
    #expect(files.map { ($0["age_seconds"] as? NSNumber)?.intValue } == [3600, 0, nil])
    #expect(files[2]["modified"] is NSNull)
    let budget = try object(root["budget"])
    #expect(budget["ytd_months"] as? [String] == ["2026-04", "2026-05"])
  }

  @Test func redactionHidesEveryMoneyFigure() throws {
    let text = SnapshotJSON(redactMoney: true, pretty: false).encode(snapshot)
    for key in [
      "tco_ytd", "cost_per_user_ytd", "annual_planned", "planned_ytd", "actual_ytd", "forecast_year_end",
      "variance_at_completion", "burn_rate", "booked_ahead",
    ] {
      #expect(
        !text.contains("\"\(key)\":1") && !text.contains("\"\(key)\":0") && !text.contains("\"\(key)\":-"), "\(key)")
    }
    #expect(text.contains("\"tco_ytd\":null"))
    #expect(text.contains("\"booked_ahead\":null"))
    #expect(text.contains("\"name\":\"Forecast\",\"value\":null"))
    // Percentages are not money and stay.
    #expect(text.contains("\"variance_pct\":1.22"))
  }

  @Test func stringsAreEscaped() throws {
    let value = JSONValue.string("a\"b\\c\n\u{1}\u{7F}é\u{2028}")
    #expect(value.text() == "\"a\\\"b\\\\c\\u000A\\u0001\\u007Fé\\u2028\"")
    let back = try JSONSerialization.jsonObject(with: Data(value.text().utf8), options: .fragmentsAllowed) as? String
    #expect(back == "a\"b\\c\n\u{1}\u{7F}é\u{2028}")
  }

  @Test func moneyUsesTheCurrencyMinorDigits() {
    #expect(Money(minorUnits: -5).decimalText(digits: 2) == "-0.05")
    #expect(Money(minorUnits: 123_456).decimalText(digits: 0) == "123456")
    #expect(Money(minorUnits: 1_234_567).decimalText(digits: 3) == "1234.567")
    #expect(Money(minorUnits: Int64.min).decimalText(digits: 2) == "-92233720368547758.08")
  }

  @Test func numbersAreRoundedAndNeverNaN() {
    #expect(JSONValue.double(.nan) == .null)
    #expect(JSONValue.double(.infinity) == .null)
    #expect(JSONValue.double(nil) == .null)
    #expect(JSONValue.double(99.996).text() == "100")
    #expect(JSONValue.double(2.0 / 3 * 100).text() == "66.67")
    #expect(JSONValue.double(-0.004).text() == "0")
  }
}
