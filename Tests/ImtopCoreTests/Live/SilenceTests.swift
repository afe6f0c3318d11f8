import Foundation
import ImtopTestSupport
import Testing

@testable import ImtopCore

/// A system whose monitor stops writing goes silent at its staleness deadline, found by the
/// session's timer (`nextDeadline`) rather than by the idle recomputation, and reports again when a
/// sample comes (the README's metric definitions).
@Suite struct SilenceTests {
  static func at(_ minute: Int64) -> Timestamp { marchFirst + .minutes(minute) }

  /// erp sampled at minute 0, crm at minute 3, fax never: stale_after is the default 10 minutes.
  func start() throws -> (TemporaryDataDirectory, ManualClock, LiveSession) {
    let directory = try TemporaryDataDirectory()
    try directory.write("systems.csv", "id,name\nerp,ERP\ncrm,CRM\nfax,Fax\n")
    try directory.write("status.jsonl", statusLine("erp", "up", minute: 0) + statusLine("crm", "up", minute: 3))
    let clock = ManualClock(Self.at(5))
    // An hour between idle recomputations: only the deadline can bring the change in time.
    let live = LiveSession(poller: Poller(directory: directory.path, clock: clock), recomputeEvery: .hours(1))
    return (directory, clock, live)
  }

  func system(_ id: String, in update: LiveUpdate?) -> SystemHealth? {
    update?.snapshot.systems.first { $0.id == id }
  }

  /// A poll that read nothing before a deadline looks at no system: the poller's look at every
  /// state and the session's look for silence both wait for the deadline (or for data).
  @Test func aQuietPollBeforeTheDeadlineLooksAtNoSystem() throws {
    let (directory, clock, live) = try start()
    _ = live.step()
    let looked = try #require(live.poller.lastStateLook)
    #expect(live.poller.staleDeadline == Self.at(10) + Span(milliseconds: 1), "erp's sample of minute 0 goes stale first")
    clock.advance(by: .minutes(2))
    #expect(live.step() == nil)
    #expect(live.poller.lastStateLook == looked, "nothing read, no deadline passed: no look")
    // Data read: a look, whatever the deadline.
    try directory.append("status.jsonl", statusLine("crm", "up", minute: 7))
    _ = live.step()
    #expect(live.poller.lastStateLook == Self.at(7))
    // The deadline passed with nothing read: a look, and the event it finds.
    clock.advance(by: .minutes(4))
    let update = try #require(live.step())
    #expect(live.poller.lastStateLook == Self.at(11))
    #expect(update.events.contains(.stateChanged(system: "erp", from: .up, to: .unknown, at: Self.at(10))))
  }

  @Test func goesSilentAtTheDeadlineNotBefore() throws {
    let (directory, clock, live) = try start()
    let first = try #require(live.step())
    #expect(system("erp", in: first)?.silent == false)
    #expect(first.events.allSatisfy { if case .wentSilent = $0 { false } else { true } }, "no silence on the first look")
    // erp's sample of minute 0 is exactly 10 min old at minute 10 (still holds): silent 1 ms later.
    let deadline = Self.at(10) + Span(milliseconds: 1)
    #expect(live.nextDeadline == deadline)

    clock.advance(by: deadline - clock.now - Span(milliseconds: 1))
    #expect(live.step() == nil, "at the deadline − 1 ms: no event, nothing recomputed")
    #expect(live.nextDeadline == deadline)

    clock.advance(by: Span(milliseconds: 1))
    let silent = try #require(live.step(), "at the deadline the figures are recomputed")
    #expect(silent.snapshot.asOf == deadline)
    #expect(silent.events.contains(.wentSilent(system: "erp", lastSample: Self.at(0), at: Self.at(10))))
    #expect(!silent.events.contains { if case .wentSilent(let id, _, _) = $0 { id != "erp" } else { false } })
    let erp = try #require(system("erp", in: silent))
    #expect(erp.silent && erp.state == .unknown && erp.lastSample == Self.at(0))
    #expect(system("crm", in: silent)?.silent == false)
    let fax = try #require(system("fax", in: silent))
    #expect(!fax.silent && fax.lastSample == nil, "never sampled: unmonitored, not silent")
    // The next one to go silent is crm (minute 3 + 10 min).
    #expect(live.nextDeadline == Self.at(13) + Span(milliseconds: 1))
    #expect(live.step() == nil, "the event is raised once")
    _ = directory
  }

  @Test func reportsAgainAndHeldSamplesAreDeadlinesToo() throws {
    let (directory, clock, live) = try start()
    _ = try #require(live.step())
    clock.advance(by: Self.at(13) + Span(milliseconds: 1) - clock.now)
    let both = try #require(live.step())
    // Polled late for erp: its event still says when it went silent.
    #expect(both.events.contains(.wentSilent(system: "erp", lastSample: Self.at(0), at: Self.at(10))))
    #expect(both.events.contains(.wentSilent(system: "crm", lastSample: Self.at(3), at: Self.at(13))))
    #expect(live.nextDeadline == nil, "nothing reporting, nothing held")

    // erp reports at minute 25; crm's next sample is stamped minute 30 and is held until then.
    try directory.append("status.jsonl", statusLine("erp", "up", minute: 25) + statusLine("crm", "up", minute: 30))
    clock.advance(by: Self.at(25) + .seconds(2) - clock.now)
    let back = try #require(live.step())
    #expect(back.events.contains(.reportingAgain(system: "erp", lastSample: Self.at(0), at: Self.at(25))))
    #expect(system("erp", in: back)?.silent == false)
    #expect(system("crm", in: back)?.silent == true)
    #expect(live.nextDeadline == Self.at(30), "the held sample comes before erp's next silence (35 min + 1 ms)")

    clock.advance(by: Self.at(30) - clock.now)
    let crm = try #require(live.step())
    #expect(crm.events.contains(.reportingAgain(system: "crm", lastSample: Self.at(3), at: Self.at(30))))
    #expect(system("crm", in: crm)?.silent == false)
    #expect(live.nextDeadline == Self.at(35) + Span(milliseconds: 1))
  }

  @Test func theFeedSleepsUntilTheDeadlineWhenItComesFirst() throws {
    let (directory, clock, live) = try start()
    let feed = LiveFeed(session: live, clock: clock, intervalOverride: .minutes(30), deliver: { _ in })
    #expect(feed.nextWait(at: clock.now) == .minutes(30), "before any step there is no deadline")
    _ = try #require(live.step())
    // Polled at minute 5: erp goes silent at 10 min + 1 ms, well before the next poll.
    #expect(feed.nextWait(at: clock.now) == .minutes(5) + Span(milliseconds: 1))
    #expect(feed.nextWait(at: Self.at(11)) == .zero, "a deadline passed: poll at once")
    let short = LiveFeed(session: live, clock: clock, intervalOverride: .seconds(2), deliver: { _ in })
    #expect(short.nextWait(at: clock.now) == .seconds(2), "the next poll comes first")
    _ = directory
  }

  /// On a real thread and clock: with a 10-minute interval, the feed still delivers the silence
  /// within seconds of the deadline.
  @Test func aRunningFeedWakesForTheDeadline() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("imtop.toml", "[refresh]\ninterval = \"10m\"\nstale_after = \"1s\"\n")
    try directory.write("systems.csv", "id,name\nerp,ERP\n")
    // Stamped 3 s ahead: held until then (a deadline of its own), silent 1 s after it.
    let ahead = SystemTimeSource().now + .seconds(3)
    try directory.write("status.jsonl", "{\"ts\":\"\(ahead.iso8601)\",\"system\":\"erp\",\"state\":\"up\"}\n")
    let clock = SystemTimeSource()
    let live = LiveSession(poller: Poller(directory: directory.path, clock: clock), recomputeEvery: .hours(1))
    let silenced = DispatchSemaphore(value: 0)
    let feed = LiveFeed(session: live, clock: clock, intervalOverride: nil, deliver: { update in
      if update.events.contains(where: { if case .wentSilent = $0 { true } else { false } }) { silenced.signal() }
    })
    feed.start()
    defer { feed.stop() }
    #expect(silenced.wait(timeout: .now() + 20) == .success, "silent within seconds, not at the next poll 10 min later")
  }
}
