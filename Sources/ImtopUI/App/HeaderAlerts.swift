import ImtopCore

/// What the header counts: systems down, systems silent, systems impaired, KPIs critical, P1 and
/// P2 incidents nobody has acknowledged. Counted once per snapshot (`SnapshotFacts`).
struct HeaderAlerts: Sendable {
  var down = 0
  /// Silent systems in service: a planned or retired one is not expected to report.
  var silent = 0
  var warn = 0
  var kpiCrit = 0
  var unacknowledgedUrgent = 0

  init(_ snapshot: Snapshot?) {
    guard let snapshot else { return }
    let systems = snapshot.systems
    for index in systems.indices {
      switch systems[index].state {
      case .down: down += 1
      case .degraded: warn += 1
      case .up: if systems[index].impactedVia != nil { warn += 1 }
      default: break
      }
      let lifecycle = systems[index].record.lifecycle
      if systems[index].silent, lifecycle != .plan, lifecycle != .retired { silent += 1 }
    }
    kpiCrit = snapshot.kpis.count { $0.status == .crit }
    unacknowledgedUrgent = (snapshot.incidents.unacknowledged[.p1] ?? 0) + (snapshot.incidents.unacknowledged[.p2] ?? 0)
  }
}
