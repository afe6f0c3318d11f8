import ImtopTestSupport
import Testing

@testable import ImtopCore

/// The detail's history comes from the store on the first figures: a dashboard started today lists
/// the outages its status log holds from days before.
@Suite struct LiveHistoryTests {
  /// A status line at `minute` after `marchFirst`, with a message.
  static func line(_ state: String, minute: Int, message: String? = nil) -> String {
    let text = message.map { ",\"message\":\"\($0)\"" } ?? ""
    return "{\"ts\":\(1_772_323_200 + minute * 60),\"system\":\"erp\",\"state\":\"\(state)\"\(text)}\n"
  }

  @Test func outagesFromBeforeStartAreInTheFirstFigures() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("systems.csv", "id,name\nerp,ERP\n")
    // Day 2 (minute 1440): up, two down samples (an outage of 10 min), up again; then days of
    // silence; on day 9, degraded for 5 min and up again, sampled every 10 min until 5 min before the start.
    let day2 = 1_440
    let start = 9 * 1_440 + 600  // day 9, 10:00
    try directory.write("status.jsonl", [
      Self.line("up", minute: day2), Self.line("down", minute: day2 + 5, message: "connection refused"),
      Self.line("down", minute: day2 + 10, message: "timeout"), Self.line("up", minute: day2 + 15),
      Self.line("degraded", minute: start - 60, message: "error rate above 2%"), Self.line("up", minute: start - 55),
    ].joined() + stride(from: start - 45, through: start - 5, by: 10).map { Self.line("up", minute: $0) }.joined())
    let clock = ManualClock(marchFirst + .minutes(Int64(start)))
    let live = LiveSession(poller: Poller(directory: directory.path, clock: clock))
    let first = try #require(live.step())
    let erp = try #require(first.snapshot.systems.first { $0.id == "erp" })
    func at(_ minute: Int) -> Timestamp { marchFirst + .minutes(Int64(minute)) }
    #expect(erp.history.entries == [
      StateHistory.Entry(state: .up, from: .degraded, start: at(start - 55), end: nil),
      StateHistory.Entry(state: .degraded, from: .unknown, start: at(start - 60), end: at(start - 55),
                         message: "error rate above 2%"),
      StateHistory.Entry(state: .unknown, from: .up, start: at(day2 + 25), end: at(start - 60)),
      StateHistory.Entry(state: .up, from: .down, start: at(day2 + 15), end: at(day2 + 25)),
      StateHistory.Entry(state: .down, from: .up, start: at(day2 + 5), end: at(day2 + 15), message: "connection refused"),
      StateHistory.Entry(state: .up, from: .unknown, start: at(day2), end: at(day2 + 5)),
    ])
    #expect(erp.history.outages.map { $0.duration(at: clock.now) } == [.minutes(10)])

    // Twenty minutes on, no sample came: the up state ended 10 min after its last sample.
    clock.advance(by: .minutes(20))
    let later = try #require(live.step(force: true))
    let entries = try #require(later.snapshot.systems.first { $0.id == "erp" }).history.entries
    #expect(entries.prefix(2) == [
      StateHistory.Entry(state: .unknown, from: .up, start: at(start + 5), end: nil),
      StateHistory.Entry(state: .up, from: .degraded, start: at(start - 55), end: at(start + 5)),
    ])
    #expect(entries.count == 7)
  }
}
