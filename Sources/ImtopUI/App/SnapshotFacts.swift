import ImtopCore

/// What the screen needs of a snapshot that would otherwise mean a look at every system or KPI on
/// every frame: worked out once, when the snapshot arrives (`AppState.facts`). At 50,000 systems or
/// 10,000 KPIs, doing this per frame was most of an idle dashboard's work.
struct SnapshotFacts: Sendable {
  /// Where each system is in the snapshot's list, by id (`AppState.system(id:)`).
  let systemPositions: [String: Int]
  /// What the header counts.
  let headerAlerts: HeaderAlerts
  /// The width of a KPI tile that holds the longest KPI name whole.
  let kpiTileWidth: Int

  init(_ snapshot: Snapshot?) {
    systemPositions = Dictionary(
      (snapshot?.systems ?? []).enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    headerAlerts = HeaderAlerts(snapshot)
    kpiTileWidth = KPIPanel.wholeNameWidth(snapshot?.kpis ?? [])
  }
}
