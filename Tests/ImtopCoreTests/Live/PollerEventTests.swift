import ImtopTestSupport
import Testing

@testable import ImtopCore

/// Events for the feed: state changes from the data and from staleness.
@Suite struct PollerEventTests {
  @Test func staleStateBecomesUnknownOnce() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("status.jsonl", statusLine("erp", "up", minute: 0))
    let clock = ManualClock(marchFirst + .minutes(5))
    let poller = Poller(directory: directory.path, clock: clock)
    let first = poller.poll()
    #expect(first.events.contains(.stateChanged(system: "erp", from: .unknown, to: .up, at: marchFirst)))
    clock.advance(by: .minutes(6))
    // Minute 11: the sample of minute 0 is older than stale_after (10 minutes), so erp is unknown
    // from minute 10.
    let stale = poller.poll()
    #expect(stale.events == [.stateChanged(system: "erp", from: .up, to: .unknown, at: marchFirst + .minutes(10))])
    clock.advance(by: .minutes(1))
    #expect(poller.poll().events.isEmpty)
    try directory.append("status.jsonl", statusLine("erp", "down", minute: 12))
    #expect(poller.poll().events == [.stateChanged(system: "erp", from: .unknown, to: .down, at: marchFirst + .minutes(12))])
  }

  @Test func badLinesAreReportedAsAnEventPerPoll() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("metrics.jsonl", "{\"ts\":0}\n{\"ts\":0}\n")
    let poller = Poller(directory: directory.path, clock: ManualClock(marchFirst))
    let events = poller.poll().events
    let first = DataIssue(file: "metrics.jsonl", line: 1, message: "missing \"metric\": expected a non-empty string")
    #expect(events == [.fileAppeared(path: "metrics.jsonl"), .badRecords(path: "metrics.jsonl", count: 2, first: first)])
  }
}
