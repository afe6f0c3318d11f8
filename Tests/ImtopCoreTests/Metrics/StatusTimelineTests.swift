import ImtopCore
import Testing

/// The window and staleness edges of `StatusTimeline` (README, "Metric definitions"), each worked by hand.
@Suite struct StatusTimelineTests {
  let t0 = utc(2026, 3, 1, 12)
  let stale = Span.minutes(10)

  func timeline(_ entries: [(Int64, ServiceState)]) -> StatusTimeline {
    var timeline = StatusTimeline(staleAfter: stale)
    for (minutes, state) in entries { timeline.insert(state: state, at: t0 + .minutes(minutes)) }
    return timeline
  }

  @Test func intervalStartingBeforeTheWindowCountsOnlyInsideIt() {
    // Up every 5 min from t0 to t0+120; the window (t0+60, t0+120] sees 60 min of up, not 120.
    let entries = stride(from: Int64(0), through: 120, by: 5).map { ($0, ServiceState.up) }
    let durations = timeline(entries).durations(over: .minutes(60), at: t0 + .minutes(120))
    #expect(durations.up == .minutes(60))
    #expect(durations.down == .zero)
  }

  @Test func gapPastStaleAfterIsUnknownTime() {
    // up at 0, up at 25: the first holds 10 min, 10..25 is unknown, the second holds 25..35.
    let line = timeline([(0, .up), (25, .up)])
    let durations = line.durations(over: .minutes(60), at: t0 + .minutes(50))
    #expect(durations.up == .minutes(20))
    #expect(durations.availability == 100)
    #expect(near(durations.coverage(of: .minutes(60)), 20.0 / 60 * 100))
    #expect(line.runs.count == 2)
  }

  @Test func stateExactlyStaleAfterOldStillHolds() {
    let line = timeline([(0, .down)])
    #expect(line.state(at: t0 + stale) == .down)
    #expect(line.state(at: t0 + stale + Span(milliseconds: 1)) == .unknown)
    #expect(line.state(at: t0 - Span(milliseconds: 1)) == .unknown)
  }

  @Test func downAGapAndDownAgainAreTwoOutages() {
    let line = timeline([(0, .down), (5, .down), (30, .down), (35, .up), (40, .down)])
    // Outages start at 0, at 30 (25 min after the last down sample), and at 40 (after an up).
    #expect(line.outages(over: .hours(1), at: t0 + .minutes(45)) == 3)
    // The window (t0, t0+45] leaves out the outage starting exactly at t0.
    #expect(line.outages(over: .minutes(45), at: t0 + .minutes(45)) == 2)
    // An outage starting exactly at now counts.
    #expect(line.outages(over: .minutes(10), at: t0 + .minutes(40)) == 1)
  }

  @Test func downSamplesWithinStaleAfterAreOneOutage() {
    let line = timeline([(0, .down), (10, .down), (20, .down)])
    #expect(line.outages(over: .hours(1), at: t0 + .minutes(30)) == 1)
    #expect(line.durations(over: .hours(1), at: t0 + .minutes(60)).down == .minutes(30))
  }

  @Test func maintenanceAndUnknownLeftOutOfAvailability() {
    // up 0..10, maintenance 10..20, down 20..25, up 25..35; window (t0, t0+60].
    let durations = timeline([(0, .up), (10, .maintenance), (20, .down), (25, .up)])
      .durations(over: .minutes(60), at: t0 + .minutes(60))
    // up 0..10 and 25..35 (the last sample holds 10 min) = 20; serving 20 of 20 + 5 down.
    #expect(durations.up == .minutes(20))
    #expect(durations.maintenance == .minutes(10))
    #expect(durations.down == .minutes(5))
    #expect(near(durations.availability, 20.0 / 25 * 100))
    #expect(near(durations.coverage(of: .minutes(60)), 35.0 / 60 * 100))
  }

  @Test func onlyUnknownTimeGivesNoAvailability() {
    let durations = timeline([(0, .up)]).durations(over: .hours(1), at: t0 + .hours(3))
    #expect(durations.availability == nil)
    #expect(durations.coverage(of: .hours(1)) == 0)
    #expect(StatusTimeline(staleAfter: stale).durations(over: .hours(1), at: t0).availability == nil)
  }

  @Test func samplesAfterNowDoNotCount() {
    // A sample at t0+20 (after now = t0+15) must not end the up state early nor add time.
    let line = timeline([(0, .up), (5, .up), (20, .down)])
    let durations = line.durations(over: .minutes(30), at: t0 + .minutes(15))
    #expect(durations.up == .minutes(15))
    #expect(durations.down == .zero)
    #expect(line.state(at: t0 + .minutes(15)) == .up)
    #expect(line.outages(over: .hours(1), at: t0 + .minutes(15)) == 0)
  }

  @Test func lateSampleInAGapMergesLikeSortedInput() {
    let sorted = timeline([(0, .up), (5, .up), (30, .down)])
    let late = timeline([(0, .up), (30, .down), (5, .up)])
    #expect(late.runs == sorted.runs)
  }

  @Test func sameInstantLaterSampleWins() {
    let line = timeline([(0, .up), (5, .down), (5, .up)])
    #expect(line.state(at: t0 + .minutes(6)) == .up)
  }

  @Test func transitionsAndLatestSample() {
    let line = timeline([(0, .up), (5, .up), (10, .down), (15, .up)])
    #expect(line.transitions(after: t0, through: t0 + .minutes(20)).map(\.state) == [.down, .up])
    #expect(line.latestSample(atOrBefore: t0 + .minutes(12)) == t0 + .minutes(10))
    #expect(line.latestSample(atOrBefore: t0 - .minutes(1)) == nil)
  }

  @Test func discardKeepsWhatStillHolds() {
    var line = timeline([(0, .up), (30, .down)])
    line.discard(endingBefore: t0 + .minutes(11))
    #expect(line.runs.map(\.state) == [.down])
    #expect(line.durations(over: .hours(1), at: t0 + .minutes(40)).down == .minutes(10))
  }
}
