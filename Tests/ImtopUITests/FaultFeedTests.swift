import ImtopCore
import Testing

@testable import ImtopUI
import ImtopTestSupport

/// The Events panel when the status logs are gone (the data directory removed, say): what happened
/// is still listed, rather than a request to add status.jsonl that hides it.
@Suite struct FaultFeedTests {
  static let now = CivilTime(year: 2026, month: 11, day: 28, hour: 9).utcTimestamp

  /// An organisation with an inventory and no status file at all.
  static func snapshotWithoutStatus() -> Snapshot {
    var dataSet = TestOrganisation()
    // Complete for the data-quality figure, so no warning about it fills the feed.
    dataSet.systems = [SystemRecord(id: "erp", name: "ERP suite", owner: "Finance IT", criticality: 1, lifecycle: .active, sla: 99.9)]
    dataSet.files = [FileReport(path: "systems.csv", kind: .systems, records: 1, modified: now)]
    return MetricEngine().snapshot(of: dataSet, at: now)
  }

  @Test func eventsAreListedWhenTheStatusFilesAreGone() {
    let snapshot = Self.snapshotWithoutStatus()
    #expect(snapshot.data.missingKinds.contains(.status))
    let event = FeedEvent(time: Self.now, kind: .note("systems.csv: file disappeared"))
    let text = ScreenRenderer.text(snapshot, page: .overview, size: Size(width: 120, height: 40), options: .init(events: [event]))
    #expect(text.contains("systems.csv: file disappeared"), "\(text)")
  }

  @Test func withNothingToListTheFeedAsksForTheStatusFile() {
    let text = ScreenRenderer.text(Self.snapshotWithoutStatus(), page: .overview, size: Size(width: 120, height: 40))
    #expect(text.contains("No data: add status.jsonl"), "\(text)")
  }
}
