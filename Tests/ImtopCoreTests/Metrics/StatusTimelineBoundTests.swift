@testable import ImtopCore
import Testing

/// A flapping probe cannot grow a system's history without bound: past `StatusTimeline.maximumRuns`
/// the oldest runs go, the figures count the time before what is kept as without samples, and the
/// store says so once per system, naming the file and line.
@Suite struct StatusTimelineBoundTests {
  let t0 = utc(2026, 3, 1, 12)

  /// Up and down alternating every minute: each sample starts a run.
  func flapping(minutes: Int) -> StatusTimeline {
    var timeline = StatusTimeline(staleAfter: .minutes(10))
    for minute in 0..<minutes { timeline.insert(state: minute % 2 == 0 ? .up : .down, at: t0 + .minutes(Int64(minute))) }
    return timeline
  }

  @Test func underTheMaximumNothingIsDropped() {
    let timeline = flapping(minutes: StatusTimeline.maximumRuns)
    #expect(timeline.runs.count == StatusTimeline.maximumRuns)
    #expect(timeline.keptFrom == nil)
  }

  @Test func pastTheMaximumTheOldestGoAndFiguresSayHowMuchIsKnown() throws {
    let minutes = 3 * StatusTimeline.maximumRuns
    let timeline = flapping(minutes: minutes)
    #expect(timeline.runs.count <= StatusTimeline.maximumRuns + StatusTimeline.maximumRuns / 16)
    #expect(timeline.runs.count >= StatusTimeline.maximumRuns)
    let keptFrom = try #require(timeline.keptFrom)
    #expect(keptFrom == timeline.runs.first?.start)
    // The newest run is the last sample, and everything kept is one minute per run.
    #expect(timeline.runs.last?.start == t0 + .minutes(Int64(minutes - 1)))
    let now = t0 + .minutes(Int64(minutes))
    let window = Span.days(30)
    let durations = timeline.durations(over: window, at: now)
    // Known time is exactly from the oldest run kept to now; before it, nothing.
    #expect(durations.serving + durations.down + durations.maintenance == now - keptFrom)
    #expect(durations.coverage(of: window) < 100)
    // Outages are only those kept: one per down run.
    #expect(timeline.outages(over: window, at: now) == timeline.runs.filter { $0.state == .down }.count)
  }

  @Test func aLateSampleBeforeWhatIsKeptIsIgnored() throws {
    var timeline = flapping(minutes: 2 * StatusTimeline.maximumRuns)
    let keptFrom = try #require(timeline.keptFrom)
    let before = timeline.runs
    timeline.insert(state: .maintenance, at: keptFrom - .minutes(3))
    #expect(timeline.runs == before)
  }

  @Test func theStoreWarnsOncePerSystemWithItsFileAndLine() {
    var store = Store(configuration: Configuration())
    var samples: [StatusSample] = []
    for minute in 0..<(2 * StatusTimeline.maximumRuns) {
      samples.append(StatusSample(timestamp: t0 + .minutes(Int64(minute)), system: "wan", state: minute % 2 == 0 ? .up : .down))
      samples.append(StatusSample(timestamp: t0 + .minutes(Int64(minute)), system: "erp", state: .up))
    }
    store.add(samples, from: "status.jsonl")
    store.add([StatusSample(timestamp: t0 + .days(6), system: "wan", state: .down)], from: "status.jsonl")
    let issues = store.issues(for: "status.jsonl")
    #expect(issues.count == 1)
    #expect(issues.first?.severity == .warning)
    #expect(issues.first?.message.hasPrefix("\"wan\" changed state more than \(StatusTimeline.maximumRuns) times in 30 days") == true)
  }
}

/// A flapping system's earlier months stay whole although its oldest runs are dropped: the store
/// folds them into the monthly figures first.
@Suite struct DroppedRunsMonthlyTests {
  /// 2026-10-28T00:00Z; up and down alternating every minute for 3 × 4,096 minutes (to 5 November).
  static let start = utc(2026, 10, 28, 0)
  static let minutes = 3 * StatusTimeline.maximumRuns

  @Test func monthsOfDroppedRunsAreCountedByHand() throws {
    var configuration = Configuration()
    configuration.fiscalYearStart = 10
    var store = Store(configuration: configuration)
    store.add(
      (0..<Self.minutes).map { minute in
        StatusSample(timestamp: Self.start + .minutes(Int64(minute)), system: "wan", state: minute % 2 == 0 ? .up : .down)
      }, from: "status.jsonl", now: Self.start + .minutes(Int64(Self.minutes)))
    let now = Self.start + .minutes(Int64(Self.minutes))
    #expect(store.engineInput().timelines["wan"]?.keptFrom != nil, "the cap should have dropped runs")
    var input = store.engineInput()
    input.systems = [SystemRecord(id: "wan", location: SourceLocation(file: "systems.csv", line: 2))]
    let months = try #require(MetricEngine().snapshot(of: input, at: now).systems.first).monthly
    #expect(months.map(\.month.description) == ["2026-10", "2026-11"])
    // October: 28th to 31st, 5,760 minutes, every other one down; each down minute an outage.
    #expect(months[0].outages == 2_880)
    #expect(months[0].downtimeMinutes == 2_880)
    #expect(months[0].availability == 50)
    // November: minutes 5,760 to 12,287, the last holding one minute up to now.
    #expect(months[1].outages == (Self.minutes - 5_760) / 2)
    #expect(months[1].downtimeMinutes == Double((Self.minutes - 5_760) / 2))
    #expect(months[1].coverage == 100)
  }
}
