import ImtopTestSupport
import Foundation
import Testing

@testable import ImtopCore

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
