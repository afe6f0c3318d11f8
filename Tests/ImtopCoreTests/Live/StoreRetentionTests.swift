import ImtopTestSupport
import Foundation
import Testing

@testable import ImtopCore

/// The store stays bounded however long it runs.
@Suite struct StoreRetentionTests {
  @Test func fortyDaysOfPollingKeepThirtyDaysOfHistory() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("status.jsonl", "")
    try directory.write("metrics.jsonl", "")
    let clock = ManualClock(marchFirst)
    let poller = Poller(directory: directory.path, clock: clock)
    _ = poller.poll()
    // Every simulated hour: "a" flips state (one new run per hour), and one metric sample.
    for hour in 0..<(40 * 24) {
      let state = hour % 2 == 0 ? "up" : "down"
      let seconds = 1_772_323_200 + hour * 3600
      try directory.append("status.jsonl", statusLine("a", state, minute: hour * 60))
      try directory.append("metrics.jsonl", "{\"ts\":\(seconds),\"metric\":\"queue\",\"value\":\(hour)}\n")
      clock.advance(by: .hours(1))
      _ = poller.poll()
    }
    // Now is hour 960. Runs are kept while they end after now − 30 days − 10 minutes: each run
    // holds 10 minutes past its sample, so runs from hour 240 (its state holds to 240:10 > 240 − 0:10)
    // through 959 are kept: 720 runs.
    #expect(poller.store.retainedRunCount == 720)
    #expect(poller.store.timelines["a"]?.runs.first?.start == marchFirst + .hours(240))
    // 5-minute buckets, one per hourly sample; those starting at or after now − 30 days − 5 minutes
    // (hour 240 minus 5 minutes) are kept: hours 240...959, 720 buckets.
    #expect(poller.store.metrics.bucketCount == 720)
    // The last day, (hour 936, hour 960], holds the samples of hours 937...959: 23.
    #expect(poller.store.metrics.aggregate(.count, metric: "queue", system: nil, over: .days(1), at: clock.now) == 23)
    // Latency history is bounded by its own capacity; the report counts every line read.
    #expect(poller.store.reports["status.jsonl"]?.records == 960)
  }

  @Test func logOfGarbageKeepsBoundedIssues() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("status.jsonl", String(repeating: "nonsense\n", count: 1000))
    let poller = Poller(directory: directory.path, clock: ManualClock(marchFirst))
    _ = poller.poll()
    #expect(poller.store.reports["status.jsonl"]?.errors == 1000)
    #expect(poller.engineInput().issues.count == Store.issuesKeptPerFile)
  }
}
