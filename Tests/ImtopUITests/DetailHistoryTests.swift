import ImtopCore
import Testing

@testable import ImtopUI

/// The detail's state history from the snapshot, and the feed opening on the changes it holds.
@Suite struct DetailHistoryTests {
  static let now = Fixtures.now

  /// The right column of the detail at 80 columns (two columns of 38 cells, 2 apart, inside the
  /// panel's borders): where the history flows.
  static func right(_ row: String) -> String { String(Array(row)[41..<79]) }

  /// A right-column line: `left` from its left edge, `trailing` flush against its right edge.
  static func column(_ left: String, _ trailing: String = "") -> String {
    left + String(repeating: " ", count: max(0, 38 - left.count - trailing.count)) + trailing
  }

  static func detail(_ history: StateHistory? = nil, width: Int = 80, height: Int = 24) -> AppState {
    var state = Fixtures.state(page: .systems, width: width, height: height)
    if let history {
      var systems = Fixtures.systems
      systems[0].history = history
      _ = state.update(.snapshot(Fixtures.snapshot(systems: systems), []))
    }
    _ = state.update(.show(.systems, detail: "erp"))
    return state
  }

  static func draw(_ state: AppState) -> [String] {
    var backend = TestBackend(width: state.size.width, height: state.size.height)
    return rows(backend.draw(state))
  }

  @Test func theHistoryListsEachStateWithItsStartDurationAndMessage() throws {
    var state = Self.detail()
    _ = state.update(.input(.key(.end)))
    let screen = Self.draw(state).map(Self.right)
    let heading = try #require(screen.firstIndex(of: Self.column("State history 30d (4)")))
    // Messages cut with an ellipsis to leave the duration its room.
    #expect(Array(screen[heading + 1...heading + 4]) == [
      Self.column("2026-11-28 09:00 ● up", "3h so far"),
      Self.column("2026-11-28 08:40 ▲ degraded er…", "20 min"),
      Self.column("2026-11-28 08:00 ✖ down connec…", "40 min"),
      Self.column("2026-11-19 12:00 ● up", "8d 20h"),
    ])
    // The state still held runs to the clock between recomputations; the ended ones do not move.
    _ = state.update(.tick(Self.now + .minutes(25)))
    let later = Self.draw(state).map(Self.right)
    #expect(Array(later[heading + 1...heading + 2]) == [
      Self.column("2026-11-28 09:00 ● up", "3h 25m so far"),
      Self.column("2026-11-28 08:40 ▲ degraded er…", "20 min"),
    ])
  }

  /// Forty states, a tenth more not listed: the detail scrolls down to the oldest and says so.
  @Test func aLongHistoryScrollsToItsOldestEntryAndSaysHowManyMore() throws {
    let entries = (0..<40).map { index -> StateHistory.Entry in
      let down = index % 2 == 1
      return StateHistory.Entry(
        state: down ? .down : .up, from: down ? .up : .down, start: Self.now - .hours(Int64(index + 1)),
        end: index == 0 ? nil : Self.now - .hours(Int64(index)), message: down ? "m\(index)" : nil)
    }
    var state = Self.detail(StateHistory(entries: entries, total: 50))
    let top = Self.draw(state)
    // The right column opens with the system's identity (12 lines and a blank), then the history:
    // 56 lines, of which the panel's 19 rows show 18 and count the rest.
    #expect(Self.right(top[3]) == Self.column("System"))
    #expect(Self.right(top[16]) == Self.column("State history 30d (50)"))
    #expect(Self.right(top[17]) == Self.column("2026-11-28 11:00 ● up", "1h so far"))
    #expect(Self.right(top[18]) == Self.column("2026-11-28 10:00 ✖ down m1", "1h"))
    #expect(Self.right(top[21]) == Self.column("+38 more"), "the rows below the panel, counted")

    _ = state.update(.input(.key(.down)))
    let scrolled = Self.draw(state)
    // One line further: each row of the panel shows what the row below it showed.
    #expect(Array(scrolled[3...19]) == Array(top[4...20]))
    #expect(scrolled[3] != top[3])

    _ = state.update(.input(.key(.end)))
    let bottom = Self.draw(state).map(Self.right)
    let oldest = try #require(bottom.firstIndex(of: Self.column("2026-11-26 20:00 ✖ down m39", "1h")))
    #expect(bottom[oldest - 1] == Self.column("2026-11-26 21:00 ● up", "1h"))
    #expect(bottom[oldest + 1] == Self.column("+10 more older"))

    _ = state.update(.input(.key(.home)))
    #expect(Self.draw(state) == top)
  }

  @Test func aSystemNeverSampledSaysSo() throws {
    var state = Self.detail(StateHistory())
    _ = state.update(.input(.key(.end)))
    let screen = Self.draw(state).map(Self.right)
    let heading = try #require(screen.firstIndex(of: Self.column("State history 30d")))
    #expect(screen[heading + 1] == Self.column("no sample in 30 days"), "the fixture's ERP has a last sample")
  }

  @Test func theFeedOpensOnTheLatestChangesOfEverySystemNewestFirst() {
    var systems = Fixtures.systems
    systems[0].history = Fixtures.erpHistory
    systems[1].history = StateHistory(entries: [
      StateHistory.Entry(state: .degraded, from: .up, start: Self.now - .minutes(30), end: nil),
      // Not a change: a state after unknown time that was itself unknown.
      StateHistory.Entry(state: .unknown, from: .unknown, start: Self.now - .hours(1), end: Self.now - .minutes(30)),
    ])
    let events = FeedEvent.history(of: Fixtures.snapshot(systems: systems), limit: 4)
    #expect(events == [
      FeedEvent(time: Self.now - .minutes(30), kind: .stateChange(system: "crm", from: .up, to: .degraded)),
      FeedEvent(time: Self.now - .hours(3), kind: .stateChange(system: "erp", from: .degraded, to: .up)),
      FeedEvent(time: Self.now - .minutes(200), kind: .stateChange(system: "erp", from: .down, to: .degraded)),
      FeedEvent(time: Self.now - .hours(4), kind: .stateChange(system: "erp", from: .up, to: .down)),
    ])
  }

  /// Many systems with many changes at a few times (so most times are shared): the feed's opening
  /// is still the newest `limit` of all of them, equal times in the order of the systems, though it
  /// never holds them all at once.
  @Test func theFeedsOpeningIsTheNewestOfAllSystemsChanges() {
    let states: [ServiceState] = [.up, .degraded, .down]
    var systems: [SystemHealth] = []
    var all: [(time: Timestamp, system: String, from: ServiceState, to: ServiceState)] = []
    for index in 0..<60 {
      var system = Fixtures.systems[index % Fixtures.systems.count]
      system.record.id = "s\(index)"
      // Newest first, as a history is kept; minutes from a small set, so times repeat across systems.
      let minutes = (0..<(index % 5 + 1)).map { 10 * ((index * 7 + $0 * 13) % 9 + 1) + 100 * $0 }
      let entries = minutes.enumerated().map { offset, ago in
        StateHistory.Entry(
          state: states[(index + offset) % 3], from: states[(index + offset + 1) % 3], start: Self.now - .minutes(Int64(ago)),
          end: nil)
      }
      system.history = StateHistory(entries: entries)
      systems.append(system)
      all += entries.map { ($0.start, system.id, $0.from, $0.state) }
    }
    // Oldest times last; among equal times, the first system first (the order `all` was built in).
    let expected = all.enumerated().sorted { $0.element.time != $1.element.time ? $0.element.time > $1.element.time : $0.offset < $1.offset }
      .prefix(7).map { FeedEvent(time: $0.element.time, kind: .stateChange(system: $0.element.system, from: $0.element.from, to: $0.element.to)) }
    #expect(all.count > 100)
    #expect(Set(expected.map(\.time)).count < expected.count, "the newest seven share times")
    #expect(FeedEvent.history(of: Fixtures.snapshot(systems: systems), limit: 7) == expected)
  }

  /// A system heard from for the first time after the first figures (a remote source's first
  /// answer) brings the changes of its history, as the first figures do, not one change from unknown.
  @Test func aSystemFirstHeardFromBringsItsHistory() {
    var before = Fixtures.systems
    before[0].state = .unknown
    before[0].lastSample = nil
    before[0].history = StateHistory()
    var after = Fixtures.systems
    after[0].history = Fixtures.erpHistory
    let old = Fixtures.snapshot(systems: before)
    var new = Fixtures.snapshot(systems: after)
    new.data.issues = old.data.issues
    let erp = FeedEvent.changes(from: old, to: new).filter { $0.system == "erp" }
    #expect(erp == FeedEvent.history(of: Fixtures.snapshot(systems: [after[0]])))
    #expect(erp.contains(FeedEvent(time: Self.now - .hours(4), kind: .stateChange(system: "erp", from: .up, to: .down))))
    #expect(erp.count > 1, "its history's changes, not one change from unknown")
  }

  /// The feed's time column: the clock for events of the figures' day, the date too for older ones.
  @Test func feedEventsOfAnotherDayCarryTheirDate() throws {
    var state = Fixtures.state(page: .overview, width: 160, height: 48)
    let yesterday = FeedEvent(time: Self.now - .hours(27), kind: .stateChange(system: "erp", from: .unknown, to: .up))
    _ = state.update(.snapshot(Fixtures.snapshot(), [yesterday]))
    var backend = TestBackend(width: 160, height: 48)
    let screen = rows(backend.draw(state))
    // Panel inner: 51 cells from x 108 (the golden overview's Events panel).
    let feed = screen.map { String(Array($0)[108..<159]) }
    func padded(_ text: String) -> String { text + String(repeating: " ", count: max(0, 51 - text.count)) }
    // The update's events come above those before it.
    let first = try #require(feed.firstIndex(of: padded("11-27 09:00 ● ERP Finance & Logistics unknown → up")))
    #expect(feed[first + 1].hasPrefix("11:57:00    ▲ status.jsonl:2031: "))
    #expect(feed[first + 4] == padded("11:18:00    ✖ Wide Area Network up → down"))
  }
}

/// The detail's month rows: the snapshot's monthly figures, newest first, in the left column.
@Suite struct DetailMonthsTests {
  static func left(_ row: String) -> String { String(Array(row)[1..<39]) }

  @Test func theMonthsOfTheFiscalYearNewestFirst() throws {
    var state = DetailHistoryTests.detail(width: 80, height: 40)
    _ = state.update(.input(.key(.home)))
    let screen = DetailHistoryTests.draw(state).map(Self.left)
    let heading = try #require(screen.firstIndex { $0.hasPrefix("By month FY2026/27 · SLA 99.90%") })
    #expect(Array(screen[heading + 1...heading + 5]) == [
      "Month     Avail  Cov Out   Down    SLA",
      // Downtime a duration rounded down: 80 minutes are 1h 20m, 8.5 are 8 min.
      "2026-11  99.97%  98%   1 11 min  ● met",
      "2026-10  99.82% 100%   2 1h 20m ✖ miss",
      "2026-09  99.95%  40%   1  8 min  ● met",
      "2026-08       —   0%   0      —      —",
    ])
    #expect(screen[heading + 9] == "2026-04       —   0%   0      —      —")
  }

  @Test func aSystemWithoutMonthsSaysSo() throws {
    var systems = Fixtures.systems
    systems[0].monthly = []
    var state = Fixtures.state(page: .systems, width: 80, height: 40)
    _ = state.update(.snapshot(Fixtures.snapshot(systems: systems), []))
    _ = state.update(.show(.systems, detail: "erp"))
    let screen = DetailHistoryTests.draw(state).map(Self.left)
    let heading = try #require(screen.firstIndex { $0.hasPrefix("By month") })
    #expect(screen[heading + 1].hasPrefix("no month yet"))
  }
}
