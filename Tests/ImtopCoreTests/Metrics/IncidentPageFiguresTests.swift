import Foundation
import ImtopCore
import ImtopTestSupport
import Testing

/// The incidents page's figures (per priority over 30 days, unacknowledged counts, the resolved
/// list) against the README's definitions: the window is the 30 days ending at now, an incident
/// opened later does not exist yet, one resolved or acknowledged later has not been yet.
@Suite struct IncidentPageFiguresTests {
  static let now = utc(2026, 3, 1, 12)
  static let ms = Span(milliseconds: 1)

  /// Hand-computed: the edges of `now` and of the 30-day window, for every priority.
  static let incidents = [
    // P1: open, acknowledged after 10 min; and one acknowledged only after now (still waiting).
    Incident(id: "p1-ack", system: "erp", priority: .p1, opened: now - .hours(3), acknowledged: now - .hours(3) + .minutes(10)),
    Incident(id: "p1-late-ack", system: "erp", priority: .p1, opened: now - .hours(1), acknowledged: now + .minutes(5)),
    // P2: resolved exactly at now (inside) after 120 min, acknowledged after 20; one resolved after
    // now (still open, never acknowledged); one opened after now (does not exist).
    Incident(id: "p2-done", system: "crm", priority: .p2, opened: now - .hours(2), acknowledged: now - .hours(2) + .minutes(20),
             resolved: now),
    Incident(id: "p2-still", system: "crm", priority: .p2, opened: now - .hours(4), resolved: now + .seconds(1)),
    Incident(id: "p2-later", system: "crm", priority: .p2, opened: now + .seconds(1)),
    // P3: resolved exactly at the window's start (outside); acknowledged 1 ms after it (inside, 30
    // min after opening) and resolved an hour later (90 min).
    Incident(id: "p3-edge-out", system: "wiki", priority: .p3, opened: now - .days(30) - .hours(2), resolved: now - .days(30)),
    Incident(id: "p3-edge-in", system: "wiki", priority: .p3, opened: now - .days(30) - .minutes(30) + ms,
             acknowledged: now - .days(30) + ms, resolved: now - .days(30) + .minutes(60) + ms),
  ]

  let summary = IncidentSummary(incidents: Self.incidents, at: Self.now)

  @Test func unacknowledgedCountsOpenIncidentsNotYetAcknowledged() {
    #expect(summary.openList.map(\.id) == ["p1-ack", "p1-late-ack", "p2-still"])
    #expect(summary.unacknowledged == [.p1: 1, .p2: 1, .p3: 0, .p4: 0])
  }

  @Test func resolvedListHoldsTheThirtyDaysLatestFirst() {
    #expect(summary.resolvedList.map(\.id) == ["p2-done", "p3-edge-in"])
  }

  @Test func responseTimesPerPriorityOverThirtyDays() {
    let times = summary.byPriority30d
    #expect(times[.p1] == IncidentSummary.ResponseTimes(mttrMinutes: nil, mttaMinutes: 10))
    #expect(times[.p2] == IncidentSummary.ResponseTimes(mttrMinutes: 120, mttaMinutes: 20))
    #expect(times[.p3] == IncidentSummary.ResponseTimes(mttrMinutes: 90, mttaMinutes: 30))
    #expect(times[.p4] == IncidentSummary.ResponseTimes(mttrMinutes: nil, mttaMinutes: nil))
    // The priorities together give the 30-day figures: (120 + 90) / 2 and (10 + 20 + 30) / 3.
    #expect(summary.mttrMinutes.month == 105)
    #expect(summary.mttaMinutes.month == 20)
  }

  @Test func theHandComputedOrganisation() {
    // MetricsOrg at 15 June 12:00: I7 (P4) waits; I1 and I2 (P1) were acknowledged after 15 and 5 min.
    let incidents = MetricsOrg.snapshot().incidents
    #expect(incidents.unacknowledged == [.p1: 0, .p2: 0, .p3: 0, .p4: 1])
    #expect(incidents.resolvedList.map(\.id) == ["I4", "I5", "I6"])
    #expect(incidents.byPriority30d[.p1] == IncidentSummary.ResponseTimes(mttrMinutes: nil, mttaMinutes: 10))
    #expect(incidents.byPriority30d[.p4] == IncidentSummary.ResponseTimes(mttrMinutes: 1440, mttaMinutes: 120))
  }

  /// The same figures in the JSON snapshot, read back.
  @Test func jsonCarriesTheFiguresAndTheRows() throws {
    let dataSet = TestOrganisation(systems: [SystemRecord(id: "erp"), SystemRecord(id: "crm"), SystemRecord(id: "wiki")],
                                   incidents: Self.incidents)
    let snapshot = MetricEngine(trendPoints: 0).snapshot(of: dataSet.engineInput(at: Self.now), at: Self.now)
    let root = try #require(try JSONSerialization.jsonObject(with: Data(SnapshotJSON().encode(snapshot).utf8)) as? [String: Any])
    let incidents = try #require(root["incidents"] as? [String: Any])
    #expect(incidents["unacknowledged"] as? [String: Int] == ["P1": 1, "P2": 1, "P3": 0, "P4": 0])
    let byPriority = try #require(incidents["by_priority_30d"] as? [String: [String: Any]])
    func figure(_ priority: String, _ key: String) -> Double? { byPriority[priority]?[key] as? Double }
    #expect(figure("P2", "mttr_minutes") == 120)
    #expect(figure("P3", "mtta_minutes") == 30)
    #expect(figure("P3", "mttr_minutes") == 90)
    #expect(byPriority["P1"]?["mttr_minutes"] is NSNull)
    let open = try #require(incidents["open_items"] as? [[String: Any]])
    #expect(open.map { $0["id"] as? String } == ["p1-ack", "p1-late-ack", "p2-still"])
    // An acknowledgement or resolution after now has not happened yet: null.
    #expect(open[0]["acknowledged"] as? String == "2026-03-01T09:10:00Z")
    #expect(open[1]["acknowledged"] is NSNull)
    #expect(open[2]["resolved"] is NSNull)
    #expect(open[2]["priority"] as? String == "P2")
    let resolved = try #require(incidents["resolved_30d"] as? [[String: Any]])
    #expect(resolved.map { $0["id"] as? String } == ["p2-done", "p3-edge-in"])
    #expect(resolved[0]["resolved"] as? String == "2026-03-01T12:00:00Z")
    #expect(resolved[0]["system"] as? String == "crm")
  }
}
