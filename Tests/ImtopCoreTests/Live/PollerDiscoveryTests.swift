import ImtopTestSupport
import Foundation
import Testing

@testable import ImtopCore

/// Which files the poller looks at, and how their age is judged.
@Suite struct PollerDiscoveryTests {
  @Test func findsFilesAndFoldersAsTheyAppear() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("systems.csv", "id\nerp\n")
    try directory.write("notes.txt", "not data")
    try directory.write("status/.hidden.jsonl", statusLine("a", "up", minute: 0))
    let poller = Poller(directory: directory.path, clock: ManualClock(marchFirst))
    #expect(poller.poll().reports.map(\.path) == ["systems.csv"])
    try directory.write("status/edge.jsonl", statusLine("wan", "up", minute: 0))
    try directory.write("status.jsonl", statusLine("erp", "up", minute: 0))
    let result = poller.poll()
    #expect(result.reports.map(\.path) == ["status.jsonl", "status/edge.jsonl", "systems.csv"])
    #expect(result.events.filter { if case .fileAppeared = $0 { return true } else { return false } }.count == 2)
    #expect(result.changedFiles == ["status.jsonl", "status/edge.jsonl"])
  }

  @Test func inventoryFilesAreNotStaleForBeingOld() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("systems.csv", "id\nerp\n")
    try directory.write("status.jsonl", statusLine("erp", "up", minute: 0))
    let modified = try #require(FileIdentity.of(path: directory.url("systems.csv").path)).modified
    // A day after the files were written: the log is stale, the inventory is merely old.
    let poller = Poller(directory: directory.path, clock: ManualClock(modified + .days(1)))
    let ages = poller.poll().ages
    #expect(ages.map(\.path) == ["status.jsonl", "systems.csv"])
    #expect(ages.map(\.isStale) == [true, false])
  }
}
