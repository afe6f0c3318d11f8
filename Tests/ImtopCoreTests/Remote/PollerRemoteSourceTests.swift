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
    let interval: Span? = .seconds(60)
    let history = Span.hours(1)
    let step = Span.seconds(60)
    var samples: [StatusSample] = []
    var failing: String?
    var asked: [ClosedRange<Timestamp>] = []

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
    #expect(result.events.contains(.fileAppeared(path: "fleet")))

    clock.advance(by: .minutes(31))
    source.failing = "http://x: HTTP 503 Service Unavailable"
    result = poller.poll()
    #expect(result.events.contains(.fileFailed(path: "fleet", message: "http://x: HTTP 503 Service Unavailable")))
    #expect(result.reports.first { $0.path == "fleet" }?.failure == "http://x: HTTP 503 Service Unavailable")
    #expect(poller.store.timelines["erp"]?.state(at: start + .minutes(30)) == .up)

    clock.advance(by: .minutes(19))
    source.failing = nil
    result = poller.poll()
    #expect(result.events.contains(.fileRecovered(path: "fleet")))
    #expect(source.asked.last?.lowerBound == start + .minutes(31))
    #expect(result.reports.first { $0.path == "fleet" }?.records == 81)
    #expect(result.events.contains(.stateChanged(system: "erp", from: .up, to: .down, at: start + .minutes(70))))
    #expect(result.reports.first { $0.path == "fleet" }?.failure == nil)
  }
}
