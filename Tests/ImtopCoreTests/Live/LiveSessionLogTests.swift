import Foundation
import ImtopTestSupport
import Logging
import Testing

@testable import ImtopCore

/// What the live session writes to its logger (the README's "Log"): failures, recoveries, bad
/// records counted with the first, state changes and new incidents, each with its kind.
@Suite struct LiveSessionLogTests {
  @Test func failureRecoveryBadRecordsAndStateChangesAreLoggedAtTheirLevels() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("systems.csv", "id,name\nerp,ERP\n")
    try directory.write("status.jsonl", statusLine("erp", "up", minute: 0) + statusLine("erp", "down", minute: 1))
    let clock = ManualClock(marchFirst + .minutes(2))
    let records = LogRecords()
    let live = LiveSession(
      poller: Poller(directory: directory.path, clock: clock),
      logger: Logger(label: "imtop.poller", factory: { label in RecordingLogHandler(label: label, records: records) }))

    _ = live.step()
    let first = records.take()
    #expect(first.map(\.kind) == ["first-read"], "the history read at start is one line, not its state changes: \(first)")
    #expect(first.first?.message.contains(directory.path) == true)

    try directory.write("systems.csv", "id,name\nerp,\"ERP\n")
    clock.advance(by: .seconds(2))
    _ = live.step()
    let failed = records.take()
    #expect(failed.map(\.kind) == ["file-failed"], "\(failed)")
    #expect(failed.first?.level == .error)
    #expect(failed.first?.message.hasPrefix("systems.csv: read failed") == true, "\(failed)")

    try directory.write("systems.csv", "id,name\nerp,ERP\n")
    clock.advance(by: .seconds(2))
    _ = live.step()
    let recovered = records.take()
    #expect(recovered.map(\.kind) == ["file-recovered"], "\(recovered)")
    #expect(recovered.first?.level == .notice)

    try directory.append("status.jsonl", "not json\n{\"ts\":1}\n" + statusLine("erp", "up", minute: 3))
    clock.advance(by: .minutes(2))
    _ = live.step()
    let appended = records.take()
    let bad = try #require(appended.first { $0.kind == "bad-records" }, "\(appended)")
    #expect(bad.level == .warning)
    #expect(bad.message.hasPrefix("status.jsonl: 2 bad records, the first: status.jsonl:3: "), "\(bad.message)")
    let change = try #require(appended.first { $0.kind == "state-changed" }, "\(appended)")
    #expect(change.message == "erp: state down -> up at 2026-03-01T00:03:00Z")
    #expect(change.level == .notice)
  }

  @Test func everyEventHasItsOwnKindAndALevel() {
    let issue = DataIssue(file: "status.jsonl", line: 7, message: "bad \"state\"")
    let events: [LiveEvent] = [
      .fileFailed(path: "a.csv", message: "gone"), .fileRecovered(path: "a.csv"),
      .badRecords(path: "status.jsonl", count: 1, first: issue), .fileAppeared(path: "b.csv"),
      .fileRemoved(path: "b.csv"),
    ]
    #expect(Set(events.map(\.logKind)).count == events.count)
    #expect(events.map(\.logLevel) == [.error, .notice, .warning, .info, .info])
    #expect(LiveEvent.badRecords(path: "status.jsonl", count: 1, first: issue).logMessage
      == "status.jsonl: 1 bad record, the first: status.jsonl:7: bad \"state\"")
  }
}
