import Foundation
import ImtopCore
import ImtopUI
import ImtopTestSupport
import Testing

@testable import ImtopTerminal

/// Counts re-read requests.
final class RereadCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var value = 0
  func increment() {
    lock.lock()
    value += 1
    lock.unlock()
  }
  var count: Int {
    lock.lock()
    defer { lock.unlock() }
    return value
  }
}

@Suite struct DashboardProgramTests {
  static let start = CivilTime(year: 2026, month: 11, day: 28, hour: 9).utcTimestamp

  static func update(_ states: [String: ServiceState], at time: Timestamp, configuration: Configuration = Configuration()) -> LiveUpdate {
    var dataSet = TestOrganisation(configuration: configuration)
    for (id, state) in states.sorted(by: { $0.key < $1.key }) {
      // Every data-quality field filled in: a warning about them would be an event of its own.
      dataSet.systems.append(SystemRecord(
        id: id, name: id.uppercased(), owner: "Operations", criticality: 2, lifecycle: .active, sla: 99.5))
      dataSet.status.append(StatusSample(timestamp: time - .seconds(5), system: id, state: state))
    }
    let snapshot = MetricEngine().snapshot(of: dataSet, at: time)
    return LiveUpdate(snapshot: snapshot, events: [], configuration: configuration)
  }

  func program(kiosk: Bool = false, theme: String? = nil, clock: ManualClock, rereads: RereadCounter = RereadCounter()) -> DashboardProgram {
    var configuration = Configuration()
    configuration.rotate = .seconds(20)
    return DashboardProgram(
      configuration: configuration, overrides: .init(theme: theme, kiosk: kiosk), catalog: ThemeCatalog(), clock: clock,
      requestReread: { rereads.increment() })
  }

  @Test func kioskRotatesPagesWithTheInjectedClockAndIgnoresKeysButQuit() {
    let clock = ManualClock(Self.start)
    var dashboard = program(kiosk: true, clock: clock)
    _ = dashboard.receive(Self.update(["erp": .up], at: clock.now))
    _ = dashboard.tick()
    #expect(dashboard.state.page == .overview)
    clock.advance(by: .seconds(19))
    _ = dashboard.tick()
    #expect(dashboard.state.page == .overview, "19 s is not yet display.rotate")
    clock.advance(by: .seconds(1))
    _ = dashboard.tick()
    #expect(dashboard.state.page == .systems)
    clock.advance(by: .seconds(20))
    _ = dashboard.tick()
    #expect(dashboard.state.page == .budget)
    #expect(dashboard.handle(.key(.character("1"))) != .quit)
    #expect(dashboard.state.page == .budget, "keys other than quit are ignored in kiosk mode")
    #expect(dashboard.handle(.key(.character("q"))) == .quit)
  }

  @Test func configurationThemeAppliesUnlessTheCommandLineSetOne() {
    let clock = ManualClock(Self.start)
    var configuration = Configuration()
    configuration.theme = "light"
    var free = program(clock: clock)
    _ = free.receive(Self.update(["erp": .up], at: clock.now, configuration: configuration))
    #expect(free.theme.name == "light")
    var pinned = program(theme: "high-contrast", clock: clock)
    _ = pinned.receive(Self.update(["erp": .up], at: clock.now, configuration: configuration))
    #expect(pinned.theme.name == "high-contrast")
  }

  @Test func aReloadedConfigurationReachesTheScreenThroughUpdate() {
    let clock = ManualClock(Self.start)
    var dashboard = program(clock: clock)
    var configuration = Configuration()
    configuration.pages = [.kpis, .budget]
    configuration.staleAfter = .minutes(2)
    _ = dashboard.receive(Self.update(["erp": .up], at: clock.now, configuration: configuration))
    #expect(dashboard.state.pages == [.kpis, .budget])
    #expect(dashboard.state.page == .kpis, "the overview is no longer configured")
    #expect(dashboard.state.staleAfter == .minutes(2))
    #expect(dashboard.state.rotateEvery == nil, "pages rotate only in kiosk mode")
  }

  @Test func rereadKeyWakesThePollerAndTKeyCyclesThemes() {
    let clock = ManualClock(Self.start)
    let rereads = RereadCounter()
    var dashboard = program(clock: clock, rereads: rereads)
    _ = dashboard.handle(.key(.character("r")))
    #expect(rereads.count == 1)
    let before = dashboard.theme.name
    _ = dashboard.handle(.key(.character("t")))
    #expect(dashboard.theme.name != before)
  }

  @Test func firstFiguresOpenOnTheChangesInTheDataAndLaterStateChangesFollow() {
    let clock = ManualClock(Self.start)
    var dashboard = program(clock: clock)
    func changes() -> [String] {
      dashboard.state.events.compactMap { event -> String? in
        if case .stateChange(let system, let from, let to) = event.kind { return "\(system) \(from)→\(to)" }
        return nil
      }
    }
    _ = dashboard.receive(Self.update(["erp": .up, "wan": .up], at: clock.now))
    // Not a diff against nothing: the states as the data first shows them, at their samples' time.
    #expect(changes() == ["erp unknown→up", "wan unknown→up"])
    #expect(dashboard.state.events.allSatisfy { $0.time == Self.start - .seconds(5) })
    clock.advance(by: .seconds(10))
    _ = dashboard.receive(Self.update(["erp": .up, "wan": .down], at: clock.now))
    #expect(changes() == ["wan up→down", "erp unknown→up", "wan unknown→up"])
  }

  @Test func aNoteFromSetupComesFirstWithTheFirstUpdate() {
    let clock = ManualClock(Self.start)
    var dashboard = program(clock: clock)
    dashboard.note("log off: cannot open /x/imtop.log: No such file or directory")
    #expect(dashboard.state.events.isEmpty, "a note waits for the first update")
    var update = Self.update(["erp": .up], at: clock.now)
    update.events = (0..<20).map { LiveEvent.fileAppeared(path: "status/monitor-\($0).jsonl") }
    _ = dashboard.receive(update)
    guard case .note(let text)? = dashboard.state.events.first?.kind else {
      Issue.record("the note is not the newest event: \(dashboard.state.events.prefix(3))")
      return
    }
    #expect(text.hasPrefix("log off: "))
    clock.advance(by: .seconds(10))
    _ = dashboard.receive(Self.update(["erp": .up], at: clock.now))
    let notes = dashboard.state.events.filter { if case .note(let text) = $0.kind { text.hasPrefix("log off") } else { false } }
    #expect(notes.count == 1, "the note is shown once")
  }
}

@Suite struct DashboardThemeFileTests {
  @Test func anEditedUserThemeIsReadAgainAndABrokenEditKeepsTheLastGoodOne() throws {
    let directory = try TemporaryDirectory(prefix: "imtop-themes")
    defer { directory.remove() }
    let file = directory.file("mine.toml")
    func write(_ crit: String) throws {
      try Data("name = \"mine\"\n[roles]\ncrit = { fg = \"\(crit)\" }\n".utf8).write(to: file)
    }
    try write("#ff0000")
    let clock = ManualClock(DashboardProgramTests.start)
    var dashboard = DashboardProgram(
      configuration: Configuration(), overrides: .init(theme: "mine"), catalog: ThemeCatalog(userDirectory: directory.path),
      clock: clock, requestReread: {})
    #expect(dashboard.theme.style(for: .crit).foreground == .rgb(255, 0, 0))

    try write("#00ff00, extra")  // a longer file: a new version even within the same second
    _ = dashboard.tick()
    #expect(dashboard.theme.style(for: .crit).foreground == .rgb(255, 0, 0), "a broken edit keeps the last good theme")

    try write("#0000ff")
    _ = dashboard.tick()
    #expect(dashboard.theme.style(for: .crit).foreground == .rgb(0, 0, 255), "the repaired file is read on the next tick")
  }
}

/// The poller's silence events become feed lines at the time they happened.
@Suite struct DashboardSilenceFeedTests {
  @Test func silenceEventsBecomeFeedLines() {
    let last = Timestamp(seconds: 1_795_860_000)
    let silent = DashboardProgram.feedEvent(.wentSilent(system: "erp", lastSample: last, at: last + .minutes(10)), polledAt: last + .hours(1))
    #expect(silent == FeedEvent(time: last + .minutes(10), kind: .silence(system: "erp", lastSample: last, returned: false)))
    let back = DashboardProgram.feedEvent(.reportingAgain(system: "erp", lastSample: last, at: last + .minutes(25)), polledAt: last + .hours(1))
    #expect(back == FeedEvent(time: last + .minutes(25), kind: .silence(system: "erp", lastSample: last, returned: true)))
  }
}
