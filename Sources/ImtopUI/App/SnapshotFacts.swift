import ImtopCore

/// What the screen needs of a snapshot that would otherwise mean a look at every system or KPI on
/// every frame: worked out once, when the snapshot arrives (`AppState.facts`). At 50,000 systems or
/// 10,000 KPIs, doing this per frame was most of an idle dashboard's work.
struct SnapshotFacts: Sendable {
  /// The systems' ids, in the snapshot's order.
  let systemIDs: [String]
  /// Where each system is in the snapshot's list, by id (`AppState.system(id:)`).
  let systemPositions: [String: Int]
  /// What the header counts.
  let headerAlerts: HeaderAlerts
  /// The width of a KPI tile that holds the longest KPI name whole.
  let kpiTileWidth: Int

  /// - Parameter previous: the facts of the snapshot before, whose positions are kept when the
  ///   systems are the same ids in the same order (the usual update: new figures, same inventory).
  init(_ snapshot: Snapshot?, previous: SnapshotFacts? = nil) {
    let systems = snapshot?.systems ?? []
    // Each id read in place: iterating the systems would copy every system's whole figures.
    let ids = systems.indices.map { systems[$0].id }
    if let previous, previous.systemIDs == ids {
      systemIDs = previous.systemIDs
      systemPositions = previous.systemPositions
    } else {
      systemIDs = ids
      systemPositions = Dictionary(zip(ids, ids.indices), uniquingKeysWith: { first, _ in first })
    }
    headerAlerts = HeaderAlerts(snapshot)
    kpiTileWidth = KPIPanel.wholeNameWidth(snapshot?.kpis ?? [])
  }
}
