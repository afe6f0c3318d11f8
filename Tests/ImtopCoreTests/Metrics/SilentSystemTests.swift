import Foundation
import ImtopTestSupport
import Testing

@testable import ImtopCore

/// Silence in the engine's figures and the JSON snapshot (the README's metric definitions): sampled
/// before, the latest sample older than `stale_after`; a status message shown only while its state holds.
@Suite struct SilentSystemTests {
  static let nine = CivilTime(year: 2026, month: 11, day: 28, hour: 9).utcTimestamp

  static func minute(_ value: Int64) -> Timestamp { nine + .minutes(value) }

  /// erp: degraded at 9:00 ("error rate above 2%"), up at 9:05 with no message, up at 9:08.
  /// crm: up at 9:00 ("all good"), up at 9:04 ("still fine"). fax: never sampled.
  static let organisation = TestOrganisation(
    systems: [SystemRecord(id: "erp", name: "ERP"), SystemRecord(id: "crm", name: "CRM"), SystemRecord(id: "fax")],
    status: [
      StatusSample(timestamp: minute(0), system: "erp", state: .degraded, message: "error rate above 2%"),
      StatusSample(timestamp: minute(5), system: "erp", state: .up),
      StatusSample(timestamp: minute(8), system: "erp", state: .up),
      StatusSample(timestamp: minute(0), system: "crm", state: .up, message: "all good"),
      StatusSample(timestamp: minute(4), system: "crm", state: .up, message: "still fine"),
    ])

  func system(_ id: String, at now: Timestamp) throws -> SystemHealth {
    try #require(MetricEngine().snapshot(of: Self.organisation, at: now).systems.first { $0.id == id })
  }

  @Test func silentOnlyOnceTheLatestSampleIsOlderThanStaleAfter() throws {
    // crm's latest is 9:04: exactly 10 min old at 9:14 (still up), silent from 1 ms later.
    let holding = try system("crm", at: Self.minute(14))
    #expect(!holding.silent && holding.state == .up && holding.lastSample == Self.minute(4))
    let silent = try system("crm", at: Self.minute(14) + Span(milliseconds: 1))
    #expect(silent.silent && silent.state == .unknown && silent.lastSample == Self.minute(4))
    #expect(try system("erp", at: Self.minute(14)).silent == false)
  }

  @Test func neverSampledIsNotSilent() throws {
    for now in [Self.minute(0), Self.minute(30), Self.nine + .days(3)] {
      let fax = try system("fax", at: now)
      #expect(!fax.silent && fax.lastSample == nil && fax.state == .unknown)
    }
    // Before its first sample a system is not sampled yet either.
    let early = try system("erp", at: Self.minute(-1))
    #expect(!early.silent && early.lastSample == nil)
  }

  @Test func aMessageShowsOnlyWhileItsStateHolds() throws {
    // 9:03: still the degraded run, with its message.
    #expect(try system("erp", at: Self.minute(3)).currentMessage == "error rate above 2%")
    // 9:06: up since 9:05 with no message; the degraded sample's message is only history now.
    let up = try system("erp", at: Self.minute(6))
    #expect(up.state == .up)
    #expect(up.currentMessage == nil)
    #expect(up.history.entries.first { $0.state == .degraded }?.message == "error rate above 2%")
    // A run keeps its first message while it holds, and loses it when the system goes silent.
    #expect(try system("crm", at: Self.minute(10)).currentMessage == "all good")
    #expect(try system("crm", at: Self.minute(20)).currentMessage == nil)
  }

  @Test func jsonCarriesTheLastSampleAndSilenceAtTheEndOfEachSystem() throws {
    let snapshot = MetricEngine().snapshot(of: Self.organisation, at: Self.minute(20))
    // The systems are an array made item by item as it is written.
    guard case .object(let root) = SnapshotJSON().value(of: snapshot),
      case .items(let count, let system)? = root.first(where: { $0.0 == "systems" })?.1, count > 0,
      case .object(let first) = system(0)
    else {
      Issue.record("no systems array")
      return
    }
    #expect(
      first.suffix(8).map(\.0) == [
        "past_end_of_support", "last_sample", "silent", "monthly", "missing_fields", "depends_on", "dependants", "impacted_via",
      ], "added after the existing keys")

    let data = Data(SnapshotJSON().encode(snapshot).utf8)
    let parsed = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let rows = try #require(parsed["systems"] as? [[String: Any]])
    func row(_ id: String) throws -> [String: Any] { try #require(rows.first { $0["id"] as? String == id }) }
    // At 9:20: erp's latest (9:08) is 12 min old, crm's (9:04) 16 min: both silent; fax never sampled.
    #expect(try row("erp")["last_sample"] as? String == "2026-11-28T09:08:00Z")
    #expect(try row("erp")["silent"] as? Bool == true)
    #expect(try row("crm")["last_sample"] as? String == "2026-11-28T09:04:00Z")
    #expect(try row("fax")["last_sample"] is NSNull)
    #expect(try row("fax")["silent"] as? Bool == false)
    let atNine = try JSONSerialization.jsonObject(with: Data(SnapshotJSON().encode(
      MetricEngine().snapshot(of: Self.organisation, at: Self.minute(9))).utf8)) as? [String: Any]
    let erpAtNine = try #require((atNine?["systems"] as? [[String: Any]])?.first { $0["id"] as? String == "erp" })
    #expect(erpAtNine["silent"] as? Bool == false)
  }
}
