import Foundation
import ImtopTestSupport
import Testing

@testable import ImtopCore

/// The monthly figures survive the 30-day runs, and a dashboard that polled its way through two
/// months has the same ones as a one-shot command reading the same files at the same instant.
@Suite struct MonthlyLiveTests {
  /// Every six hours the monitor appends what it saw and the dashboard polls; at `now` the figures
  /// equal the one-shot command's, although the dashboard sealed October a little at a time and the
  /// command all at once.
  @Test func aDashboardPolledForTwoMonthsAgreesWithTheOneShotCommand() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("imtop.toml", SLAOrg.configurationTOML)
    try directory.write("systems.csv", SLAOrg.systemsCSV)
    try directory.write("status.jsonl", "")
    let clock = ManualClock(utc(2026, 10, 1))
    let poller = Poller(directory: directory.path, clock: clock)
    var pending = SLAOrg.status
    func step(to instant: Timestamp) throws {
      clock.advance(by: instant - clock.now)
      let due = pending.prefix { $0.timestamp <= instant }
      pending.removeFirst(due.count)
      if !due.isEmpty { try directory.append("status.jsonl", SLAOrg.statusLines(Array(due))) }
      _ = poller.poll()
    }
    while clock.now + .hours(6) < SLAOrg.now { try step(to: clock.now + .hours(6)) }
    try step(to: SLAOrg.now)
    #expect(pending.isEmpty)

    let live = MetricEngine().snapshot(of: poller.engineInput(), at: SLAOrg.now)
    let reading = DirectoryReading(directory: directory.path, at: SLAOrg.now)
    let oneShot = MetricEngine().snapshot(of: reading.input, at: reading.now)
    #expect(live.systems.map(\.monthly) == oneShot.systems.map(\.monthly))
    // The same as the records put straight into a store (the hand-computed fixture's path).
    let records = MetricEngine().snapshot(of: SLAOrg.organisation, at: SLAOrg.now)
    #expect(live.systems.map(\.monthly) == records.systems.map(\.monthly))
    // October really came from the tallies: the runs the dashboard holds begin after it.
    let alpha = try #require(poller.store.timelines["a"])
    #expect(alpha.runs.allSatisfy { $0.start >= utc(2026, 11, 1) })
    let october = try #require(live.systems.first { $0.id == "a" }?.monthly.first)
    #expect(october.outages == 2 && october.downtimeMinutes == 15)
  }

  /// A fiscal year that starts earlier once `imtop.toml` says so: the logs are read again, so the
  /// months the old year left out are there, as a one-shot command reading the new settings has them.
  @Test func anEarlierFiscalYearStartReadsTheLogsAgain() throws {
    let directory = try TemporaryDataDirectory()
    let november = SLAOrg.configurationTOML.replacingOccurrences(of: "fiscal_year_start = 10", with: "fiscal_year_start = 11")
    try directory.write("imtop.toml", november)
    try directory.write("systems.csv", SLAOrg.systemsCSV)
    try directory.write("status.jsonl", SLAOrg.statusLines(SLAOrg.status))
    let clock = ManualClock(SLAOrg.now)
    let poller = Poller(directory: directory.path, clock: clock)
    _ = poller.poll()
    let before = MetricEngine().snapshot(of: poller.engineInput(), at: SLAOrg.now)
    #expect(before.systems.first?.monthly.map(\.month.description) == ["2026-11", "2026-12"])

    try directory.write("imtop.toml", SLAOrg.configurationTOML)
    clock.advance(by: .seconds(2))
    _ = poller.poll()
    clock.advance(by: .seconds(2))
    _ = poller.poll()
    let now = clock.now
    let after = MetricEngine().snapshot(of: poller.engineInput(), at: now)
    let reading = DirectoryReading(directory: directory.path, at: now)
    let oneShot = MetricEngine().snapshot(of: reading.input, at: now)
    let october = try #require(after.systems.first { $0.id == "a" }?.monthly.first)
    #expect(october.month.description == "2026-10")
    #expect(october.outages == 2 && october.downtimeMinutes == 15)
    #expect(after.systems.map(\.monthly) == oneShot.systems.map(\.monthly))
  }

  /// A log replaced by a copy of itself (a new inode: rotation with nothing lost) is read again from
  /// its start; what was sealed is not counted a second time.
  @Test func aLogReadAgainIsNotCountedTwice() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("imtop.toml", SLAOrg.configurationTOML)
    try directory.write("systems.csv", SLAOrg.systemsCSV)
    try directory.write("status.jsonl", SLAOrg.statusLines(SLAOrg.status))
    let clock = ManualClock(SLAOrg.now)
    let poller = Poller(directory: directory.path, clock: clock)
    _ = poller.poll()
    let before = MetricEngine().snapshot(of: poller.engineInput(), at: SLAOrg.now).systems.map(\.monthly)
    try directory.write("status.jsonl", SLAOrg.statusLines(SLAOrg.status))
    _ = poller.poll()
    let after = MetricEngine().snapshot(of: poller.engineInput(), at: SLAOrg.now).systems.map(\.monthly)
    #expect(after == before)
    #expect(after.first?.first?.outages == 2)
  }
}
