import ImtopTestSupport
import Foundation
import Testing

@testable import ImtopCore

/// The poller on append-only logs: appends, half-written lines, truncation, rotation, deletion.
@Suite struct PollerLogTests {
  private func makePoller(_ directory: TemporaryDataDirectory, clock: ManualClock) -> Poller {
    Poller(directory: directory.path, clock: clock)
  }

  private func runs(_ poller: Poller, _ system: String) -> [StatusTimeline.Run] {
    poller.store.timelines[system]?.runs ?? []
  }

  @Test func appendsAreSeenOnTheNextPoll() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("status.jsonl", statusLine("erp", "up", minute: 0) + statusLine("erp", "up", minute: 1))
    let clock = ManualClock(marchFirst + .minutes(2))
    let poller = makePoller(directory, clock: clock)
    let first = poller.poll()
    #expect(first.changedFiles == ["status.jsonl"])
    #expect(first.reports.first?.records == 2)

    let idle = poller.poll()
    #expect(idle.changedFiles.isEmpty)

    try directory.append("status.jsonl", statusLine("erp", "down", minute: 3))
    clock.advance(by: .minutes(2))
    let second = poller.poll()
    #expect(second.changedFiles == ["status.jsonl"])
    #expect(second.reports.first?.records == 3)
    // up at 0 and 1 merge into one run; down at 3 starts a second.
    #expect(runs(poller, "erp").map(\.state) == [.up, .down])
    #expect(second.events.contains(.stateChanged(system: "erp", from: .up, to: .down, at: marchFirst + .minutes(3))))
  }

  @Test func lineWrittenInTwoHalvesIsReadOnceWhole() throws {
    let directory = try TemporaryDataDirectory()
    let line = statusLine("crm", "degraded", minute: 5, latency: 250)
    let half = line.utf8.count / 2
    try directory.write("status.jsonl", String(line.prefix(half)))
    let poller = makePoller(directory, clock: ManualClock(marchFirst + .minutes(6)))
    let first = poller.poll()
    #expect(first.reports.first?.records == 0)
    #expect(first.issues.isEmpty)

    try directory.append("status.jsonl", String(line.dropFirst(half)))
    let second = poller.poll()
    #expect(second.reports.first?.records == 1)
    #expect(second.issues.isEmpty)
    #expect(poller.store.latency["crm"]?.latest?.value == 250)
    // Once whole, the line is not read again.
    try directory.append("status.jsonl", statusLine("crm", "degraded", minute: 6))
    #expect(poller.poll().reports.first?.records == 2)
    #expect(poller.store.latency["crm"]?.buckets.map(\.count) == [1])
  }

  @Test func issuesCarryPhysicalLineNumbersAcrossPolls() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("status.jsonl", statusLine("a", "up", minute: 0) + "garbage\n")
    let poller = makePoller(directory, clock: ManualClock(marchFirst))
    #expect(poller.poll().issues.map(\.line) == [2])
    try directory.append("status.jsonl", statusLine("a", "up", minute: 1) + "{\"ts\":1}\n")
    let second = poller.poll()
    // Lines 3 (good) and 4 (no system) were appended.
    #expect(second.issues.map(\.description) == ["status.jsonl:4: missing \"system\": expected a non-empty string"])
    #expect(second.reports.first?.errors == 2)
  }

  @Test func truncationIsReadAgainFromTheStart() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("status.jsonl", statusLine("a", "up", minute: 0, latency: 10) + statusLine("a", "up", minute: 1, latency: 10))
    let poller = makePoller(directory, clock: ManualClock(marchFirst + .minutes(5)))
    _ = poller.poll()
    // Shorter than what was read: truncated and rewritten.
    try directory.write("status.jsonl", statusLine("a", "down", minute: 4, latency: 30))
    let result = poller.poll()
    #expect(result.changedFiles == ["status.jsonl"])
    #expect(result.reports.first?.records == 1)
    #expect(runs(poller, "a").map(\.state) == [.up, .down])
    #expect(poller.store.latency["a"]?.latest?.value == 30)
  }

  @Test func rotationByRenameIsNoticedAndTheNewFileReadFromItsStart() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("status.jsonl", statusLine("a", "up", minute: 0) + statusLine("a", "up", minute: 1) + statusLine("a", "up", minute: 2))
    let poller = makePoller(directory, clock: ManualClock(marchFirst + .minutes(7)))
    _ = poller.poll()
    try directory.move("status.jsonl", to: "status.jsonl.1")
    // The new file is longer than the old offset, so only the inode tells it apart.
    try directory.write("status.jsonl", statusLine("a", "down", minute: 3) + statusLine("a", "down", minute: 4) + statusLine("a", "down", minute: 5) + statusLine("a", "up", minute: 6))
    let result = poller.poll()
    #expect(result.reports.map(\.path) == ["status.jsonl"])
    #expect(result.reports.first?.records == 4)
    #expect(runs(poller, "a").map(\.state) == [.up, .down, .up])
  }

  @Test func deletionDropsTheFileButKeepsItsHistory() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("status/edge.jsonl", statusLine("wan", "up", minute: 0))
    try directory.write("status/core.jsonl", statusLine("db", "up", minute: 0))
    let poller = makePoller(directory, clock: ManualClock(marchFirst + .minutes(1)))
    #expect(poller.poll().reports.map(\.path) == ["status/core.jsonl", "status/edge.jsonl"])
    try directory.remove("status/edge.jsonl")
    let result = poller.poll()
    #expect(result.reports.map(\.path) == ["status/core.jsonl"])
    #expect(result.events.contains(.fileRemoved(path: "status/edge.jsonl")))
    #expect(runs(poller, "wan").count == 1)
    // Created again: read from its first line.
    try directory.write("status/edge.jsonl", statusLine("wan", "down", minute: 1))
    let again = poller.poll()
    #expect(again.reports.first { $0.path == "status/edge.jsonl" }?.records == 1)
    #expect(runs(poller, "wan").map(\.state) == [.up, .down])
  }

  @Test func logReplacedByDirectoryFailsThenRecovers() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("status.jsonl", statusLine("a", "up", minute: 0))
    let poller = makePoller(directory, clock: ManualClock(marchFirst))
    _ = poller.poll()
    try directory.remove("status.jsonl")
    try FileManager.default.createDirectory(at: directory.url("status.jsonl"), withIntermediateDirectories: false)
    let failed = poller.poll()
    let message = "is a directory or device: expected a file of JSON lines"
    #expect(failed.reports.first?.failure == message)
    #expect(failed.ages.first?.isStale == true)
    #expect(failed.events.contains(.fileFailed(path: "status.jsonl", message: message)))
    #expect(runs(poller, "a").count == 1)  // the history stays

    try directory.remove("status.jsonl")
    try directory.write("status.jsonl", statusLine("a", "up", minute: 1))
    let recovered = poller.poll()
    #expect(recovered.reports.first?.failure == nil)
    #expect(recovered.events.contains(.fileRecovered(path: "status.jsonl")))
  }

  @Test func overlongLineWithoutNewlineIsSkippedNotBuffered() throws {
    let directory = try TemporaryDataDirectory()
    let junk = String(repeating: "x", count: (1 << 20) + 10)
    try directory.write("status.jsonl", statusLine("a", "up", minute: 0) + junk)
    let poller = makePoller(directory, clock: ManualClock(marchFirst))
    let first = poller.poll()
    #expect(first.reports.first?.records == 1)
    try directory.append("status.jsonl", "yyy\n" + statusLine("a", "up", minute: 1))
    let second = poller.poll()
    // The junk (1 MB + 10 bytes) and `yyy` make line 2 of 1048589 bytes.
    #expect(second.issues.map(\.description) == ["status.jsonl:2: line of 1048589 bytes is too long: expected at most 1048576 bytes (1 MB)"])
    #expect(second.reports.first?.records == 2)
  }

  @Test func fileGoesStaleWhenItStopsGrowing() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("status.jsonl", statusLine("a", "up", minute: 0))
    let modified = try #require(FileIdentity.of(path: directory.url("status.jsonl").path)).modified
    let clock = ManualClock(modified + .minutes(1))
    let poller = makePoller(directory, clock: clock)
    #expect(poller.poll().ages.first?.isStale == false)
    clock.advance(by: .minutes(10))
    // Eleven minutes since the last change, more than the default stale_after of ten.
    let later = poller.poll()
    #expect(later.ages.first?.isStale == true)
    #expect(later.ages.first?.age == modified + .minutes(11) - modified)
  }
}

/// One rule for "now": a sample stamped after the poll that reads it counts in nothing until its
/// time, then exactly as if it had been read then.
@Suite struct FutureSampleTests {
  @Test func aFutureSampleTakesEffectAtItsTimeAndNotBefore() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("status.jsonl", statusLine("erp", "up", minute: 0, latency: 100) + statusLine("erp", "down", minute: 5, latency: 900))
    let clock = ManualClock(marchFirst + .minutes(1))
    let poller = Poller(directory: directory.path, clock: clock)
    _ = poller.poll()
    #expect(poller.store.timelines["erp"]?.runs.map(\.state) == [.up])
    #expect(poller.store.latency["erp"]?.latest?.value == 100)
    #expect(poller.store.heldSampleCount == 1)
    #expect(poller.store.nextHeldSampleTime == marchFirst + .minutes(5))

    clock.advance(by: .minutes(3))  // 00:04, still before it
    #expect(poller.poll().changedFiles.isEmpty)
    #expect(poller.store.timelines["erp"]?.runs.map(\.state) == [.up])

    clock.advance(by: .minutes(1))  // 00:05, its time
    let due = poller.poll()
    #expect(due.changedFiles == ["status.jsonl"])
    #expect(due.events.contains(.stateChanged(system: "erp", from: .up, to: .down, at: marchFirst + .minutes(5))))
    #expect(poller.store.timelines["erp"]?.runs.map(\.state) == [.up, .down])
    #expect(poller.store.latency["erp"]?.latest?.value == 900)
    #expect(poller.store.heldSampleCount == 0)
  }

  @Test func aOneShotReadNeverSeesTheFuture() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("systems.csv", "id\nerp\n")
    try directory.write(
      "status.jsonl",
      statusLine("erp", "up", minute: 0, latency: 100) + statusLine("erp", "down", minute: 5, latency: 900))
    let reading = DirectoryReading(directory: directory.path, at: marchFirst + .minutes(1))
    #expect(reading.input.timelines["erp"]?.runs.map(\.state) == [.up])
    #expect(reading.input.latency["erp"]?.latest?.value == 100)
  }
}
