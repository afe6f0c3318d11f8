import ImtopTestSupport
import Testing

@testable import ImtopCore

/// A system's state history as the snapshot carries it (the README's metric definitions: a state
/// holds until the next sample, for at most `stale_after`).
@Suite struct StateHistoryTests {
  static let now = CivilTime(year: 2026, month: 11, day: 28, hour: 12).utcTimestamp

  /// Runs: up at −40 d alone; up at −20 d; down from −20 d +5 min to +10 min ("a", then "b");
  /// up at −20 d +15 min, and nothing since.
  static func timeline() -> StatusTimeline {
    var timeline = StatusTimeline(staleAfter: .minutes(10))
    let day20 = now - .days(20)
    timeline.insert(state: .up, at: now - .days(40))
    timeline.insert(state: .up, at: day20)
    timeline.insert(state: .down, at: day20 + .minutes(5), message: "a")
    timeline.insert(state: .down, at: day20 + .minutes(10), message: "b")
    timeline.insert(state: .up, at: day20 + .minutes(15))
    return timeline
  }

  @Test func everyStateOfTheWindowNewestFirstWithTheSilencesBetween() {
    let history = Self.timeline().history(over: .days(30), at: Self.now)
    let day20 = Self.now - .days(20)
    #expect(history.entries == [
      // The last up sample went stale 10 min after it: unknown since, still at `now`.
      StateHistory.Entry(state: .unknown, from: .up, start: day20 + .minutes(25), end: nil),
      StateHistory.Entry(state: .up, from: .down, start: day20 + .minutes(15), end: day20 + .minutes(25)),
      // The run keeps its first message.
      StateHistory.Entry(state: .down, from: .up, start: day20 + .minutes(5), end: day20 + .minutes(15), message: "a"),
      // 20 days after the sample before it: it follows unknown time.
      StateHistory.Entry(state: .up, from: .unknown, start: day20, end: day20 + .minutes(5)),
      // The −40 d sample is outside the window, but the silence after it reaches into it.
      StateHistory.Entry(state: .unknown, from: .up, start: Self.now - .days(40) + .minutes(10), end: day20),
    ])
    #expect(history.total == 5)
    #expect(history.outages.map(\.start) == [day20 + .minutes(5)])
    #expect(history.entries[2].duration(at: Self.now) == .minutes(10))
    #expect(history.entries[0].duration(at: Self.now) == .days(20) - .minutes(25))
  }

  @Test func aLimitListsTheNewestAndCountsTheRest() {
    let history = Self.timeline().history(over: .days(30), at: Self.now, limit: 2)
    #expect(history.entries.map(\.state) == [.unknown, .up])
    #expect(history.total == 5)
    #expect(history.hidden == 3)
  }

  @Test func aStateStillHoldingHasNoEndAndSamplesAfterNowAreIgnored() {
    var timeline = StatusTimeline(staleAfter: .minutes(10))
    timeline.insert(state: .up, at: Self.now - .minutes(12))
    timeline.insert(state: .up, at: Self.now - .minutes(10))  // exactly stale_after old: still holds
    timeline.insert(state: .down, at: Self.now + .minutes(1))
    let history = timeline.history(over: .days(30), at: Self.now)
    #expect(history.entries == [StateHistory.Entry(state: .up, from: .unknown, start: Self.now - .minutes(12), end: nil)])
    #expect(StatusTimeline(staleAfter: .minutes(10)).history(over: .days(30), at: Self.now) == StateHistory())
  }

  @Test func theEngineFillsEachSystemsHistoryFromTheStoreWithMessages() throws {
    var organisation = TestOrganisation()
    organisation.systems = [SystemRecord(id: "erp", name: "ERP"), SystemRecord(id: "crm", name: "CRM")]
    let day = Self.now - .days(12)
    organisation.status = [
      StatusSample(timestamp: day, system: "erp", state: .up),
      StatusSample(timestamp: day + .minutes(5), system: "erp", state: .down, message: "connection refused"),
      StatusSample(timestamp: day + .minutes(10), system: "erp", state: .down, message: "timeout"),
      StatusSample(timestamp: day + .minutes(15), system: "erp", state: .up, message: "recovered"),
      StatusSample(timestamp: Self.now - .minutes(2), system: "erp", state: .up),
    ]
    let snapshot = MetricEngine().snapshot(of: organisation, at: Self.now)
    let erp = try #require(snapshot.systems.first { $0.id == "erp" })
    #expect(erp.history.entries == [
      StateHistory.Entry(state: .up, from: .unknown, start: Self.now - .minutes(2), end: nil),
      StateHistory.Entry(state: .unknown, from: .up, start: day + .minutes(25), end: Self.now - .minutes(2)),
      StateHistory.Entry(state: .up, from: .down, start: day + .minutes(15), end: day + .minutes(25), message: "recovered"),
      StateHistory.Entry(state: .down, from: .up, start: day + .minutes(5), end: day + .minutes(15), message: "connection refused"),
      StateHistory.Entry(state: .up, from: .unknown, start: day, end: day + .minutes(5)),
    ])
    #expect(erp.outages30d == 1)
    #expect(snapshot.systems.first { $0.id == "crm" }?.history == StateHistory(), "never sampled: no history")
  }
}
