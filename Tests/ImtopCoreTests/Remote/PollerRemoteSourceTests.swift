import Foundation
import ImtopTestSupport
import Synchronization
import Testing

@testable import ImtopCore

/// A remote source polled beside the files: its samples enter the store once each, a failure is
/// reported as a failing file's, the last good data kept, and the range missed is fetched after.
@Suite struct PollerRemoteSourceTests {
  /// A source answering from a table of samples, or failing while `failing` is set.
  final class TableSource: RemoteSource, @unchecked Sendable {
    let name = "fleet"
    let interval: Span?
    let history = Span.hours(1)
    let step: Span
    var samples: [StatusSample] = []
    var failing: String?
    var asked: [ClosedRange<Timestamp>] = []

    init(interval: Span = .seconds(60), step: Span = .seconds(60)) {
      self.interval = interval
      self.step = step
    }

    func fetch(_ range: ClosedRange<Timestamp>, staleAfter: Span) -> Result<RemoteSamples, RemoteSourceFailure> {
      asked.append(range)
      if let failing { return .failure(RemoteSourceFailure(failing)) }
      let inside = samples.filter { range.contains($0.timestamp) }
      let last = range.lowerBound.milliseconds + (range.upperBound - range.lowerBound).milliseconds / step.milliseconds * step.milliseconds
      return .success(RemoteSamples(status: inside, coveredUntil: Timestamp(milliseconds: last)))
    }
  }

  @Test func samplesEnterOnceAFailureIsReportedAndTheGapIsFetched() throws {
    let folder = try TemporaryDirectory(prefix: "imtop-remote")
    defer { folder.remove() }
    try Data("id,name\nerp,ERP\n".utf8).write(to: folder.file("systems.csv"))
    let start = Timestamp(milliseconds: 1_800_000_000_000)
    let source = TableSource()
    source.samples = (0..<120).map { StatusSample(timestamp: start + .minutes(Int64($0)), system: "erp", state: $0 >= 70 ? .down : .up) }
    let clock = ManualClock(start + .minutes(30))
    let poller = Poller(directory: folder.path, clock: clock)
    poller.remoteSources = [source]

    var result = poller.poll()
    #expect(source.asked.first?.lowerBound == start + .minutes(30) - .hours(1))
    #expect(result.reports.first { $0.path == "fleet" }?.records == 31)
    #expect(result.events.contains(.sourceAdded(name: "fleet")))

    clock.advance(by: .minutes(31))
    source.failing = "http://x: HTTP 503 Service Unavailable"
    result = poller.poll()
    #expect(result.events.contains(.sourceFailed(name: "fleet", message: "http://x: HTTP 503 Service Unavailable")))
    #expect(result.reports.first { $0.path == "fleet" }?.failure == "http://x: HTTP 503 Service Unavailable")
    #expect(poller.store.timelines["erp"]?.state(at: start + .minutes(30)) == .up)

    clock.advance(by: .minutes(19))
    source.failing = nil
    result = poller.poll()
    #expect(result.events.contains(.sourceRecovered(name: "fleet")))
    #expect(source.asked.last?.lowerBound == start + .minutes(31))
    #expect(result.reports.first { $0.path == "fleet" }?.records == 81)
    #expect(result.events.contains(.stateChanged(system: "erp", from: .up, to: .down, at: start + .minutes(70))))
    #expect(result.reports.first { $0.path == "fleet" }?.failure == nil)
  }

  /// A changed `stale_after` empties the history and reads every log again from its start: a
  /// source is asked again for its whole history, not only for what came after its last point.
  @Test func aSourceIsAskedForItsHistoryAgainAfterTheSettingsChanged() throws {
    let folder = try TemporaryDirectory(prefix: "imtop-remote-rebuild")
    defer { folder.remove() }
    try Data("id,name\nerp,ERP\n".utf8).write(to: folder.file("systems.csv"))
    let start = Timestamp(milliseconds: 1_800_000_000_000)
    let source = TableSource()
    source.samples = (0..<120).map { StatusSample(timestamp: start + .minutes(Int64($0)), system: "erp", state: $0 == 10 ? .down : .up) }
    let clock = ManualClock(start + .minutes(40))
    let poller = Poller(directory: folder.path, clock: clock)
    poller.remoteSources = [source]
    _ = poller.poll()
    #expect(poller.store.timelines["erp"]?.state(at: start + .minutes(10)) == .down)

    try Data("[refresh]\nstale_after = \"20m\"\n".utf8).write(to: folder.file("imtop.toml"))
    clock.advance(by: .minutes(2))
    _ = poller.poll()
    _ = poller.poll()
    #expect(source.asked.last?.lowerBound == start + .minutes(42) - .hours(1))
    #expect(poller.store.timelines["erp"]?.state(at: start + .minutes(10)) == .down)
    #expect(poller.store.timelines["erp"]?.state(at: start + .minutes(5)) == .up)
    #expect(poller.store.reports["fleet"]?.records == 43)
  }

  /// A change at the source is in the store within two of the source's intervals, however the
  /// poll's own ticks fall against the source's grid: the poller polls every second (the dashboard's
  /// interval) and asks the source every 15 s.
  @Test(arguments: [0, 4, 14]) func aChangeAtTheSourceIsInTheStoreWithinTwoIntervals(offsetSeconds: Int64) throws {
    let folder = try TemporaryDirectory(prefix: "imtop-remote-interval")
    defer { folder.remove() }
    try Data("id,name\nerp,ERP\n".utf8).write(to: folder.file("systems.csv"))
    let start = Timestamp(milliseconds: 1_800_000_000_000)
    let source = TableSource(interval: .seconds(15), step: .seconds(15))
    let flip = start + .minutes(10) + .seconds(offsetSeconds)
    // A sample every 15 s on the grid, up until the flip, down from it.
    source.samples = (0..<240).map { index in
      let time = start + .seconds(Int64(index) * 15)
      return StatusSample(timestamp: time, system: "erp", state: time >= flip ? .down : .up)
    }
    let clock = ManualClock(start + .minutes(5))
    let poller = Poller(directory: folder.path, clock: clock)
    poller.remoteSources = [source]
    var shownDown: Timestamp?
    while shownDown == nil && clock.now < start + .minutes(20) {
      _ = poller.poll()
      if poller.store.timelines["erp"]?.state(at: clock.now) == .down { shownDown = clock.now }
      clock.advance(by: .seconds(1))
    }
    let shown = try #require(shownDown, "the flip was never stored")
    // The first sample after the flip is on the source's grid, at most one step after it.
    let firstDown = try #require(source.samples.first { $0.state == .down }).timestamp
    #expect(shown >= firstDown)
    #expect(shown - firstDown <= .seconds(30), "shown \((shown - firstDown).milliseconds) ms after the source had it")
  }
}
