import Foundation
import ImtopTestSupport
import Testing

@testable import ImtopCore

/// Logs rotated by rename lose nothing: the old file is read to its end through the descriptor
/// still open, and a rotated name that still matches is the same log, not read twice.
@Suite struct PollerRotationTests {
  @Test func linesWrittenJustBeforeARenameAreRead() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("status.jsonl", statusLine("erp", "up", minute: 0))
    let clock = ManualClock(marchFirst + .minutes(10))
    let poller = Poller(directory: directory.path, clock: clock)
    _ = poller.poll()
    // The monitor appends, then its rotation renames the file and starts a new one, all between polls.
    try directory.append("status.jsonl", statusLine("erp", "down", minute: 2))
    try directory.move("status.jsonl", to: "status.jsonl.1")
    try directory.write("status.jsonl", statusLine("erp", "up", minute: 4))
    let result = poller.poll()
    #expect(poller.store.timelines["erp"]?.runs.map(\.state) == [.up, .down, .up])
    #expect(result.events.contains(.stateChanged(system: "erp", from: .up, to: .down, at: marchFirst + .minutes(2))))
    #expect(result.reports.first { $0.path == "status.jsonl" }?.records == 1)
  }

  /// 300 rotations, one per poll, each just after the monitor wrote a system's final state: every
  /// one of those states is seen.
  @Test func aStormOfRotationsLosesNoFinalState() throws {
    let directory = try TemporaryDataDirectory()
    let systems = (0..<300).map { "s\($0)" }
    try directory.write("status.jsonl", systems.map { statusLine($0, "up", minute: 0) }.joined())
    let clock = ManualClock(marchFirst + .minutes(1))
    let poller = Poller(directory: directory.path, clock: clock)
    _ = poller.poll()
    for system in systems {
      try directory.append("status.jsonl", statusLine(system, "down", minute: 1))
      try? FileManager.default.removeItem(at: directory.url("status.jsonl.1"))
      try directory.move("status.jsonl", to: "status.jsonl.1")
      try directory.write("status.jsonl", "")
      clock.advance(by: .seconds(2))
      _ = poller.poll()
    }
    let input = poller.engineInput()
    let down = systems.filter { input.timelines[$0]?.state(at: clock.now) == .down }
    #expect(down.count == 300)
  }

  @Test func aRotatedNameThatStillMatchesIsNotReadTwice() throws {
    let directory = try TemporaryDataDirectory()
    let lines = (0..<5).map { statusLine("edge", "up", minute: $0, latency: 10 * ($0 + 1)) }.joined()
    try directory.write("status/edge.jsonl", lines)
    let clock = ManualClock(marchFirst + .minutes(6))
    let poller = Poller(directory: directory.path, clock: clock)
    _ = poller.poll()
    let before = poller.store.latency["edge"]
    try directory.move("status/edge.jsonl", to: "status/edge-20260301.jsonl")
    try directory.write("status/edge.jsonl", statusLine("edge", "up", minute: 6, latency: 60))
    clock.advance(by: .minutes(1))
    let result = poller.poll()
    // The renamed file keeps its five samples, counted once; the new file has one.
    #expect(result.reports.map(\.path) == ["status/edge-20260301.jsonl", "status/edge.jsonl"])
    #expect(result.reports.map(\.records) == [5, 1])
    let latest = poller.store.latency["edge"]?.latest
    #expect(latest?.value == 60)
    #expect(before?.latest?.value == 50)
    // Six samples in the latency buckets, not eleven.
    #expect(poller.store.latency["edge"]?.buckets.reduce(0) { $0 + $1.count } == 6)
  }
}
