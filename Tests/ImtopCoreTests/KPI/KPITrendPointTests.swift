import Foundation
import Testing

@testable import ImtopCore

/// A KPI trend point is worked out with only the figures the KPI names (the open incidents counted
/// without their lists, one part of the governance figures): each equals the KPI's value in a whole
/// snapshot taken at that instant, for every KPI of the demo's data (every built-in and its own).
@Suite struct KPITrendPointTests {
  @Test func everyTrendPointIsTheValueOfASnapshotAtThatInstant() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("imtop-trend-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let now = DemoGeneratorTests.now
    try DemoGenerator(seed: 5, now: now, historyDays: 20).write(to: directory)
    var input = DirectoryReading(directory: directory.path, at: now).input
    // Every open incident and those of one priority, which the demo has through the week (it has no P1 open).
    input.configuration.kpis += [
      KPIDefinition(name: "Open incidents", expression: "open_incidents()"),
      KPIDefinition(name: "Open P3 incidents", expression: "open_incidents('P3')"),
    ]
    let points = 8
    let kpis = MetricEngine(trendPoints: points).snapshot(of: input, at: now).kpis
    #expect(kpis.count >= 15)
    var moved = Set<String>()
    for step in 1..<points {
      let instant = now - .days(Int64(step))
      let alone = MetricEngine(trendPoints: 0).snapshot(of: input, at: instant).kpis
      for (kpi, past) in zip(kpis, alone) {
        #expect(kpi.definition.name == past.definition.name)
        let point = kpi.trend[points - 1 - step]
        #expect(point == past.value, "\(kpi.definition.name) \(step) days back: \(String(describing: point)) against \(String(describing: past.value))")
        if point != kpi.value { moved.insert(kpi.definition.name) }
      }
      // The figures those KPIs are defined on, as the pages show them at that instant.
      let snapshot = MetricEngine(trendPoints: 0).snapshot(of: input, at: instant)
      let shown: [String: Double?] = [
        "Open P1 incidents": Double(snapshot.incidents.openList.filter { $0.priority == .p1 }.count),
        "Open P3 incidents": Double(snapshot.incidents.openList.filter { $0.priority == .p3 }.count),
        "Open incidents": Double(snapshot.incidents.openList.count),
        "Overdue compliance items": Double(snapshot.compliance.overdue),
        "Training completion": snapshot.governance.training?.completionPct,
        "Access review coverage": snapshot.governance.access?.coveragePct,
        "Records past retention": snapshot.governance.retention.map { Double($0.pastRetention) },
        "Exposed sensitive systems": snapshot.governance.data.map { Double($0.exposed.count) },
      ]
      for (name, figure) in shown {
        let kpi = try #require(kpis.first { $0.definition.name == name }, "\(name)")
        #expect(figure != nil, "\(name)")
        #expect(kpi.trend[points - 1 - step] == figure, "\(name) \(step) days back")
      }
    }
    // The comparison means something: the demo's figures move over the week, incidents and governance among them.
    #expect(moved.count >= 5, "\(moved.sorted())")
    #expect(moved.isSuperset(of: ["Open incidents", "Access review coverage", "Exposed sensitive systems", "Overdue compliance items"]),
            "\(moved.sorted())")
  }
}
