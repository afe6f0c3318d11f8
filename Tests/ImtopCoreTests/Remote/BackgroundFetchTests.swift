import Dispatch
import Foundation
import ImtopTestSupport
import Synchronization
import Testing

@testable import ImtopCore

/// The dashboard asks its remote sources on threads of their own: a slow server holds back
/// neither the poll nor the files' figures, its answer is added at the first poll after it arrives,
/// a source is never asked twice at once, and an answer to a history since emptied is dropped.
@Suite struct BackgroundFetchTests {
  /// A source whose first query waits until `release()` (a server slow to answer), answering from
  /// a table of samples; the queries it was asked, from any thread.
  final class SlowSource: RemoteSource, Sendable {
    let name = "fleet"
    let interval: Span? = .seconds(60)
    let history = Span.hours(1)
    let step = Span.seconds(60)
    let samples: [StatusSample]
    private let gate = DispatchSemaphore(value: 0)
    private let queries = Mutex<[ClosedRange<Timestamp>]>([])

    init(samples: [StatusSample]) { self.samples = samples }

    var asked: [ClosedRange<Timestamp>] { queries.withLock { $0 } }

    func release() { gate.signal() }

    func fetch(_ range: ClosedRange<Timestamp>, staleAfter: Span) -> Result<RemoteSamples, RemoteSourceFailure> {
      let first = queries.withLock { queries in
        queries.append(range)
        return queries.count == 1
      }
      // Bounded, so that a broken test fails instead of leaving a thread behind for ever.
      if first, gate.wait(timeout: .now() + 60) == .timedOut { return .failure(RemoteSourceFailure("never released")) }
      let inside = samples.filter { range.contains($0.timestamp) }
      return .success(RemoteSamples(status: inside, coveredUntil: range.upperBound))
    }
  }

  static let start = Timestamp(milliseconds: 1_800_000_000_000)

  /// A sample a minute for two hours; down from minute 20 to 31.
  static func samples() -> [StatusSample] {
    (0..<120).map { StatusSample(timestamp: start + .minutes(Int64($0)), system: "erp", state: (20..<31).contains($0) ? .down : .up) }
  }

  static func waitUntil(_ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(30)
    while !condition() {
      if Date() > deadline { return false }
      usleep(5_000)
    }
    return true
  }

  /// A data directory listing erp (and crm, reported by `status.jsonl`), and a poller at minute 30
  /// asking a slow source for erp.
  struct Setup {
    let folder: TemporaryDirectory
    let source = SlowSource(samples: BackgroundFetchTests.samples())
    let clock = ManualClock(BackgroundFetchTests.start + .minutes(30))
    let poller: Poller

    init(_ prefix: String) throws {
      folder = try TemporaryDirectory(prefix: prefix)
      try Data("id,name\nerp,ERP\ncrm,CRM\n".utf8).write(to: folder.file("systems.csv"))
      try Data("{\"ts\":\"\((BackgroundFetchTests.start + .minutes(29)).iso8601)\",\"system\":\"crm\",\"state\":\"up\"}\n".utf8)
        .write(to: folder.file("status.jsonl"))
      poller = Poller(directory: folder.path, clock: clock)
      poller.remoteSources = [source]
    }
  }

  @Test func aSlowSourceHoldsBackNeitherThePollNorTheFilesAndItsAnswerComesAtTheNextPoll() throws {
    let setup = try Setup("imtop-background")
    defer { setup.folder.remove() }
    let (source, clock, poller) = (setup.source, setup.clock, setup.poller)
    let woken = DispatchSemaphore(value: 0)
    poller.remoteFetching = .background { woken.signal() }

    // The source does not answer: the poll returns with the files read, the source shown as added
    // and not yet heard from.
    var result = poller.poll()
    #expect(result.events.contains(.sourceAdded(name: "fleet")))
    #expect(poller.store.timelines["crm"]?.state(at: clock.now) == .up)
    #expect(poller.store.timelines["erp"] == nil)
    #expect(result.reports.first { $0.path == "fleet" }?.records == 0)
    #expect(result.ages.first { $0.path == "fleet" }?.isStale == true, "a source not heard from is not shown as fresh")
    #expect(Self.waitUntil { source.asked.count == 1 })

    // Past the source's interval, its first answer still awaited: it is not asked again.
    clock.advance(by: .minutes(2))
    _ = poller.poll()
    #expect(poller.store.timelines["erp"] == nil)

    source.release()
    #expect(woken.wait(timeout: .now() + 30) == .success, "the answer wakes the poller")
    result = poller.poll()
    #expect(result.reports.first { $0.path == "fleet" }?.records == 31)
    #expect(poller.store.timelines["erp"]?.state(at: Self.start + .minutes(25)) == .down)
    #expect(result.changedFiles.contains("fleet"))
    // The first answer brings erp's history whole: where it starts, not changes of state.
    #expect(!result.events.contains { if case .stateChanged(system: "erp", _, _, _) = $0 { true } else { false } })

    // That poll, past the interval, asks for what came after the answer's last point: the source
    // was asked twice in all, the second time as an inline poll would have.
    #expect(Self.waitUntil { source.asked.count == 2 })
    #expect(woken.wait(timeout: .now() + 30) == .success)
    result = poller.poll()
    #expect(source.asked.count == 2)
    #expect(source.asked.first == (Self.start + .minutes(30) - .hours(1))...(Self.start + .minutes(30)))
    #expect(source.asked.last == (Self.start + .minutes(31))...(Self.start + .minutes(32)))
    #expect(result.reports.first { $0.path == "fleet" }?.records == 33)
    // A later answer's change is an event.
    #expect(result.events.contains(.stateChanged(system: "erp", from: .down, to: .up, at: Self.start + .minutes(31))))
  }

  /// The history is emptied (a changed `stale_after`) while the first query is out: its answer is
  /// dropped, and the source is asked again for its whole history at once, not after the answer.
  @Test func anAnswerToAHistorySinceEmptiedIsDropped() throws {
    let setup = try Setup("imtop-background-restart")
    defer { setup.folder.remove() }
    let (source, clock, poller) = (setup.source, setup.clock, setup.poller)
    let woken = DispatchSemaphore(value: 0)
    poller.remoteFetching = .background { woken.signal() }
    _ = poller.poll()
    #expect(Self.waitUntil { source.asked.count == 1 })

    try Data("[refresh]\nstale_after = \"20m\"\n".utf8).write(to: setup.folder.file("imtop.toml"))
    clock.advance(by: .minutes(2))
    _ = poller.poll()
    _ = poller.poll()
    #expect(Self.waitUntil { source.asked.count == 2 }, "asked again without waiting for the earlier answer")
    #expect(source.asked.last?.lowerBound == Self.start + .minutes(32) - .hours(1))
    #expect(woken.wait(timeout: .now() + 30) == .success)
    _ = poller.poll()
    #expect(poller.store.reports["fleet"]?.records == 33)

    source.release()
    #expect(woken.wait(timeout: .now() + 30) == .success)
    let result = poller.poll()
    #expect(poller.store.reports["fleet"]?.records == 33, "the earlier answer is not added on top")
    #expect(!result.changedFiles.contains("fleet"))
  }

  /// On a real thread: a feed refreshing once an hour delivers the source's answer as soon as it
  /// arrives, and its first update does not wait for it.
  @Test func aRunningFeedDeliversTheAnswerWhenItArrives() throws {
    let setup = try Setup("imtop-background-feed")
    defer { setup.folder.remove() }
    let (source, clock, poller) = (setup.source, setup.clock, setup.poller)
    let updates = Mutex<[LiveUpdate]>([])
    let delivered = DispatchSemaphore(value: 0)
    let feed = LiveFeed(
      session: LiveSession(poller: poller, recomputeEvery: .hours(1)), clock: clock, intervalOverride: .hours(1),
      awaitsSettledFiles: false
    ) { update in
      updates.withLock { $0.append(update) }
      delivered.signal()
    }
    feed.start()
    defer { feed.stop(timeout: 60) }
    #expect(delivered.wait(timeout: .now() + 30) == .success, "the first update does not wait for the source")
    let first = try #require(updates.withLock { $0.first })
    #expect(first.snapshot.systems.first { $0.record.id == "erp" }?.state == .unknown)

    source.release()
    #expect(delivered.wait(timeout: .now() + 30) == .success, "the answer is delivered, not an hour later")
    let second = try #require(updates.withLock { $0.last })
    #expect(second.snapshot.systems.first { $0.record.id == "erp" }?.state == .down)
  }
}
