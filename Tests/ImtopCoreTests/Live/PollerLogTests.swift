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
    let poller = makePoller(directory, clock: ManualClock(marchFirst + .minutes(5)))
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

/// Re-reading a log from its start never counts a sample twice in the additive aggregates.
@Suite struct PollerRereadTests {
  static func metricLine(minute: Int, value: Int) -> String {
    "{\"ts\":\(1_772_323_200 + minute * 60),\"metric\":\"queue\",\"value\":\(value)}\n"
  }

  @Test func copyTruncateRotationDoesNotDoubleCountMetrics() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("metrics.jsonl", Self.metricLine(minute: 0, value: 1) + Self.metricLine(minute: 1, value: 2))
    let clock = ManualClock(marchFirst + .minutes(3))
    let poller = Poller(directory: directory.path, clock: clock)
    _ = poller.poll()
    // A rotation that copies the log elsewhere, then truncates it and starts again: the first line
    // written afterwards repeats the last sample (minute 1) before a new one (minute 2).
    try directory.write("metrics.jsonl", Self.metricLine(minute: 1, value: 2) + Self.metricLine(minute: 2, value: 4))
    _ = poller.poll()
    // Counted once each: minutes 0, 1 and 2 with values 1, 2 and 4 → count 3, sum 7.
    let metrics = poller.store.metrics
    #expect(metrics.aggregate(.count, metric: "queue", system: nil, over: .hours(1), at: clock.now) == 3)
    #expect(metrics.aggregate(.sum, metric: "queue", system: nil, over: .hours(1), at: clock.now) == 7)
  }

  @Test func zoneChangeReadsLocalTimesAgain() throws {
    let directory = try TemporaryDataDirectory()
    // A local time without an offset: 08:00 in UTC, or 07:00 UTC in Europe/Berlin (UTC+1 in March).
    try directory.write("status.jsonl", "{\"ts\":\"2026-03-01 08:00\",\"system\":\"a\",\"state\":\"up\"}\n")
    let poller = Poller(directory: directory.path, clock: ManualClock(marchFirst + .hours(9)))
    _ = poller.poll()
    #expect(poller.store.timelines["a"]?.runs.first?.start == marchFirst + .hours(8))
    try directory.write("imtop.toml", "[organization]\ntimezone = \"Europe/Berlin\"\n")
    _ = poller.poll()
    #expect(poller.store.timelines["a"]?.runs.map(\.start) == [marchFirst + .hours(7)])
    #expect(poller.store.reports["status.jsonl"]?.records == 1)
  }
}

/// A log big enough to be read in several pieces and chunks numbers its issues like a small one.
@Suite struct PollerLargeLogTests {
  @Test func issuesInALargeLogKeepTheirPhysicalLines() throws {
    let directory = try TemporaryDataDirectory()
    // 60,000 lines (about 4 MB: two chunks, each split into pieces); every 7,919th line is bad.
    var text = ""
    var bad: [Int] = []
    for index in 0..<60_000 {
      if index % 7919 == 100 {
        text += "oops\n"
        bad.append(index + 1)
      } else {
        text += statusLine("s\(index % 13)", index % 500 == 0 ? "down" : "up", minute: index / 13, latency: index % 250)
      }
    }
    try directory.write("status.jsonl", text)
    let poller = Poller(directory: directory.path, clock: ManualClock(marchFirst + .days(4)))
    let result = poller.poll()
    // Bad lines are 101, 8020, 15939, ... (index 100 + k × 7919, plus one): 8 of them below 60,000.
    #expect(bad.count == 8)
    #expect(result.issues.map(\.line) == bad.map { Optional($0) })
    #expect(result.reports.first?.records == 60_000 - 8)
    #expect(result.reports.first?.errors == 8)
  }
}
