import Foundation
import ImtopTestSupport
import Testing

@testable import ImtopCore

/// A CSV rewritten in place is read only once it has stopped changing, and only if it is whole: a
/// half-written export never replaces the last good inventory.
@Suite struct PollerSettleTests {
  /// Twelve systems, each named in quotes (as spreadsheets export them).
  static let inventory = "id,name,sla\n" + (1...12).map { "s\($0),\"System \($0), core\",99.9\n" }.joined()

  static func ids(_ poller: Poller) -> [String] { poller.engineInput().systems.map(\.id) }

  @Test func anExportCutInsideAQuotedFieldKeepsTheLastGoodInventory() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("systems.csv", Self.inventory)
    let clock = ManualClock(marchFirst)
    let poller = Poller(directory: directory.path, clock: clock)
    _ = poller.poll()
    #expect(Self.ids(poller).count == 12)

    // The exporter rewrites the file in place, in chunks 300 ms apart; the second chunk stops inside
    // the third system's quoted name.
    let bytes = Array(Self.inventory.utf8)
    let cut = bytes.firstIndex(of: UInt8(ascii: "3"))! + 5
    try directory.overwrite("systems.csv", bytes: Array(bytes[0..<40]))
    #expect(poller.poll().changedFiles.isEmpty)  // changing: not read yet
    clock.advance(by: Span(milliseconds: 300))
    try directory.overwrite("systems.csv", bytes: Array(bytes[0..<cut]))
    #expect(poller.poll().changedFiles.isEmpty)  // changed again: the wait starts over
    clock.advance(by: Span(milliseconds: 900))
    #expect(poller.poll().changedFiles.isEmpty)  // unchanged for 0.9 s only
    #expect(Self.ids(poller).count == 12)

    // Stable for a second, but not whole: refused, the last good twelve kept, the error shown.
    clock.advance(by: Span(milliseconds: 200))
    let refused = poller.poll()
    let failure = try #require(refused.reports.first { $0.path == "systems.csv" }?.failure)
    #expect(failure.hasPrefix("the file ends inside a quoted field that opens on line 4"))
    #expect(refused.ages.first { $0.path == "systems.csv" }?.isStale == true)
    #expect(Self.ids(poller).count == 12)
    #expect(poller.engineInput().issues.contains { $0.file == "systems.csv" && $0.line == 4 && $0.message == failure })

    // The export finishes: read once it has settled, and the failure clears.
    try directory.overwrite("systems.csv", bytes: bytes)
    _ = poller.poll()
    clock.advance(by: .seconds(1))
    let finished = poller.poll()
    #expect(finished.reports.first { $0.path == "systems.csv" }?.failure == nil)
    #expect(finished.events.contains(.fileRecovered(path: "systems.csv")))
    #expect(Self.ids(poller).count == 12)
  }

  @Test func aFileReplacedByARenameIsReadAtOnce() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("systems.csv", Self.inventory)
    let poller = Poller(directory: directory.path, clock: ManualClock(marchFirst))
    _ = poller.poll()
    try directory.write("systems.csv", "id,name\nerp,ERP\n")  // written beside it, then renamed over it
    #expect(poller.poll().changedFiles == ["systems.csv"])
    #expect(Self.ids(poller) == ["erp"])
  }

  @Test func anInventoryCutAtARowBoundaryIsAcceptedWithAWarning() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("systems.csv", Self.inventory)
    let clock = ManualClock(marchFirst)
    let poller = Poller(directory: directory.path, clock: clock)
    _ = poller.poll()
    let twoRows = Self.inventory.split(separator: "\n").prefix(3).joined(separator: "\n") + "\n"
    try directory.overwrite("systems.csv", bytes: Array(twoRows.utf8))
    _ = poller.poll()
    clock.advance(by: .seconds(1))
    let accepted = poller.poll()
    #expect(accepted.changedFiles == ["systems.csv"])
    #expect(Self.ids(poller) == ["s1", "s2"])
    let warning = DataIssue(
      file: "systems.csv", line: nil,
      message: "12 systems before, 2 now: more than half the inventory is gone (is the export complete?)", severity: .warning)
    #expect(accepted.issues.contains(warning))
    #expect(poller.engineInput().issues.contains(warning))
  }

  @Test func aOneShotReadRefusesACutFileAndUsesNoneOfIt() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("systems.csv", "id,name\nerp,ERP\ncrm,\"Citizen")
    let reading = DirectoryReading(directory: directory.path, at: marchFirst)
    #expect(reading.input.systems.isEmpty)
    #expect(reading.input.issues.map(\.description) == [
      "systems.csv:3: the file ends inside a quoted field that opens on line 3: expected a closing \" (a file cut off while being written?)"
    ])
    #expect(reading.input.files.first?.failure != nil)
    // In JSON, the file says why it was not used.
    let json = SnapshotJSON().encode(MetricEngine().snapshot(of: reading.input, at: reading.now))
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    let files = (object?["data"] as? [String: Any])?["files"] as? [[String: Any]]
    #expect((files?.first?["failure"] as? String)?.hasPrefix("the file ends inside a quoted field") == true)
  }
}

/// Before the first read (and a re-read on demand), a CSV being written is waited for, up to 2 s.
@Suite struct AwaitSettledFilesTests {
  /// A wall clock that moves by hand; `sleep` moves it, and runs `during` first (a writer at work).
  final class FakeWall: @unchecked Sendable {
    var now: Timestamp
    var sleeps = 0
    var during: (Int) -> Void = { _ in }
    init(_ now: Timestamp) { self.now = now }
    func sleep(_ span: Span) {
      sleeps += 1
      during(sleeps)
      now = now + span
    }
  }

  @Test func anOldFileIsNotWaitedFor() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("systems.csv", "id\nerp\n")
    let poller = Poller(directory: directory.path, clock: ManualClock(marchFirst))
    // The wall clock a minute after the file was written.
    let wall = FakeWall(SystemTimeSource().now + .minutes(1))
    #expect(poller.awaitSettledWholeFiles(wallClock: { wall.now }, sleep: wall.sleep))
    #expect(wall.sleeps == 0)
  }

  /// Appends a row and stamps the file with the fake wall clock's time, as a real write would.
  static func write(_ directory: TemporaryDataDirectory, _ row: String, at time: Timestamp) {
    try? directory.append("systems.csv", row)
    let date = Date(timeIntervalSince1970: Double(time.milliseconds) / 1000)
    try? FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: directory.path + "/systems.csv")
  }

  @Test func aFileStillBeingWrittenIsWaitedForUntilItSettles() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("systems.csv", "id\nerp\n")
    let poller = Poller(directory: directory.path, clock: ManualClock(marchFirst))
    let wall = FakeWall(SystemTimeSource().now)
    Self.write(directory, "", at: wall.now)
    // The writer appends during the first three waits, then stops.
    wall.during = { sleep in if sleep <= 3 { Self.write(directory, "s\(sleep)\n", at: wall.now) } }
    #expect(poller.awaitSettledWholeFiles(wallClock: { wall.now }, sleep: wall.sleep))
    // Written at 0.0, 0.1 and 0.2 s (during the first three waits): settled once its last write is a
    // second old, at 1.2 s, after twelve waits of 100 ms.
    #expect(wall.sleeps == 12)
  }

  @Test func aFileThatNeverSettlesIsReadAfterTheTimeout() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("systems.csv", "id\nerp\n")
    let poller = Poller(directory: directory.path, clock: ManualClock(marchFirst))
    let wall = FakeWall(SystemTimeSource().now)
    Self.write(directory, "", at: wall.now)
    wall.during = { sleep in Self.write(directory, "s\(sleep)\n", at: wall.now) }
    #expect(!poller.awaitSettledWholeFiles(wallClock: { wall.now }, sleep: wall.sleep))
    #expect(wall.sleeps == 20)  // 2 s of 100 ms waits
  }
}
