import Foundation
import ImtopTestSupport
import Testing

@testable import ImtopCore

/// A clock that moves on by `step` each time it is read, as a long load's time passes between the
/// poller's looks at it; `current` reads it without moving it.
private final class SteppingClock: TimeSource, @unchecked Sendable {
  private let lock = NSLock()
  private var time: Timestamp
  private let step: Span

  init(_ start: Timestamp, step: Span) {
    time = start
    self.step = step
  }

  var now: Timestamp {
    lock.lock()
    defer { lock.unlock() }
    time = time + step
    return time
  }

  var current: Timestamp {
    lock.lock()
    defer { lock.unlock() }
    return time
  }
}

/// A load's progress (`Poller.progressHandler`): said only once the poll has run 250 ms by its
/// clock, at most every 100 ms, always going up, over every log the poll reads, then the figures.
@Suite struct PollerProgressTests {
  /// `count` status lines for 11 systems.
  static func lines(_ count: Int, minuteOffset: Int = 0) -> String {
    var text = ""
    for index in 0..<count {
      text += statusLine("s\(index % 11)", index % 97 == 0 ? "down" : "up", minute: minuteOffset + index / 11, latency: index % 300)
    }
    return text
  }

  /// Polls `directory` once with a clock moving `step` per look; the reports, each with the time it came.
  static func poll(
    _ directory: TemporaryDataDirectory, step: Span
  ) throws -> (reports: [(time: Timestamp, progress: LoadProgress)], started: Timestamp, update: LiveUpdate?, records: Int) {
    try directory.write("systems.csv", "id,name\n" + (0..<11).map { "s\($0),System \($0)\n" }.joined())
    let start = marchFirst + .days(20)
    let clock = SteppingClock(start, step: step)
    let poller = Poller(directory: directory.path, clock: clock)
    nonisolated(unsafe) var reports: [(time: Timestamp, progress: LoadProgress)] = []
    poller.progressHandler = { reports.append((clock.current, $0)) }
    let session = LiveSession(poller: poller)
    let update = session.step(force: true)
    return (reports, start, update, poller.store.reports.values.filter(\.kind.isAppendOnly).reduce(0) { $0 + $1.records })
  }

  static func expectRising(_ reports: [(time: Timestamp, progress: LoadProgress)], started: Timestamp) {
    for (time, progress) in reports {
      #expect(time - started >= LoadProgressMeter.delay)
      #expect(progress.bytesDone <= progress.bytesTotal)
    }
    for (earlier, later) in zip(reports, reports.dropFirst()) {
      #expect(later.time - earlier.time >= LoadProgressMeter.interval)
      #expect(later.progress.bytesDone >= earlier.progress.bytesDone)
      #expect((later.progress.percent ?? 0) >= (earlier.progress.percent ?? 0))
    }
  }

  @Test func aLongLoadOfOneLogSaysHowFarItHasGotThenGivesTheFigures() throws {
    let directory = try TemporaryDataDirectory()
    // About 5 MB: three chunks, a look at the clock before each.
    let text = Self.lines(70_000)
    try directory.write("status.jsonl", text)
    let (reports, started, update, records) = try Self.poll(directory, step: Span(milliseconds: 100))
    #expect(!reports.isEmpty)
    Self.expectRising(reports, started: started)
    for (_, progress) in reports {
      #expect(progress.work == .reading(file: "status.jsonl", number: 1, count: 1))
      #expect(progress.bytesTotal == Int64(text.utf8.count))
    }
    // The figures follow: every system the log names.
    #expect(update?.snapshot.systems.count == 11)
    #expect(records == 70_000)
  }

  @Test func aQuickLoadSaysNothing() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("status.jsonl", Self.lines(70_000))
    // 40 ms a look: the poll is over before 250 ms have passed.
    let (reports, _, update, records) = try Self.poll(directory, step: Span(milliseconds: 40))
    #expect(reports.isEmpty)
    #expect(update?.snapshot.systems.count == 11)
    #expect(records == 70_000)
  }

  @Test func severalLogsCountTogether() throws {
    let directory = try TemporaryDataDirectory()
    let names = ["status/monitor-a.jsonl", "status/monitor-b.jsonl", "status/monitor-c.jsonl"]
    var total = 0
    for (index, name) in names.enumerated() {
      let text = Self.lines(35_000, minuteOffset: index * 5_000)
      total += text.utf8.count
      try directory.write(name, text)
    }
    let (reports, started, update, records) = try Self.poll(directory, step: Span(milliseconds: 100))
    #expect(reports.count >= 2)
    Self.expectRising(reports, started: started)
    var numbers: [Int] = []
    for (_, progress) in reports {
      guard case .reading(let file, let number, let count) = progress.work else {
        Issue.record("not reading: \(progress.work)")
        continue
      }
      #expect(names.contains(file))
      #expect(count == names.count)
      #expect(progress.bytesTotal == Int64(total))
      numbers.append(number)
    }
    #expect(numbers == numbers.sorted())
    #expect(numbers.last == names.count)
    #expect(update?.snapshot.systems.count == 11)
    #expect(records == 35_000 * names.count)
  }

  @Test func theMeterWaitsThenSpacesItsReports() {
    var meter = LoadProgressMeter(started: marchFirst)
    let early = meter.isDue(at: marchFirst + Span(milliseconds: 249))
    let first = meter.isDue(at: marchFirst + Span(milliseconds: 250))
    let tooSoon = meter.isDue(at: marchFirst + Span(milliseconds: 349))
    let next = meter.isDue(at: marchFirst + Span(milliseconds: 350))
    #expect(!early && first && !tooSoon && next)
  }

  /// A log with 64 MB still to read is shown at once, then at the same spacing; one byte less waits.
  @Test func aLargeLoadIsShownAtOnce() {
    var large = LoadProgressMeter(started: marchFirst)
    let first = large.isDue(at: marchFirst, ahead: LoadProgressMeter.largeLoad)
    let tooSoon = large.isDue(at: marchFirst + Span(milliseconds: 99), ahead: LoadProgressMeter.largeLoad)
    let next = large.isDue(at: marchFirst + Span(milliseconds: 100), ahead: LoadProgressMeter.largeLoad - 1)
    #expect(first && !tooSoon && next, "after the first report, the next comes an interval later, not at the delay")
    var smaller = LoadProgressMeter(started: marchFirst)
    let waits = !smaller.isDue(at: marchFirst + Span(milliseconds: 249), ahead: LoadProgressMeter.largeLoad - 1)
    #expect(waits)
  }

  @Test func percentIsRoundedDownAndUnknownWithoutATotal() {
    #expect(LoadProgress(work: .generatingDemo, bytesDone: 999, bytesTotal: 1_000).percent == 99)
    #expect(LoadProgress(work: .generatingDemo, bytesDone: 1_000, bytesTotal: 1_000).percent == 100)
    #expect(LoadProgress(work: .generatingDemo).percent == nil)
  }
}

/// `imtop.toml` read alone before the first poll (its settings show during a long first read): what
/// that read finds still comes with the first step, as if the poll had found it.
@Suite struct ConfigurationFirstTests {
  @Test func theConfigurationIsKnownBeforeTheFirstPoll() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("systems.csv", "id,name\nerp,ERP\n")
    try directory.write("imtop.toml", "[organization]\nname = \"Harbour IT\"\n[display]\npages = [\"systems\", \"budget\"]\n")
    let session = LiveSession(poller: Poller(directory: directory.path, clock: ManualClock(marchFirst)))
    let configuration = session.readConfiguration()
    #expect(configuration.organizationName == "Harbour IT")
    #expect(configuration.pages == [.systems, .budget])
    let first = try #require(session.step(force: true))
    #expect(first.configuration == configuration)
    #expect(first.events.contains(.fileAppeared(path: "imtop.toml")))
    #expect(first.events.contains(.fileAppeared(path: "systems.csv")))
  }

  @Test func aBrokenConfigurationReadFirstIsStillAFailureOfTheFirstStep() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("systems.csv", "id,name\nerp,ERP\n")
    try directory.write("imtop.toml", "[organization\nname = \"Broken\"\n")
    let session = LiveSession(poller: Poller(directory: directory.path, clock: ManualClock(marchFirst)))
    #expect(session.readConfiguration() == Configuration())
    let first = try #require(session.step(force: true))
    #expect(first.events.contains { if case .fileFailed(let path, _) = $0 { path == "imtop.toml" } else { false } })
    #expect(first.snapshot.data.files.first { $0.path == "imtop.toml" }?.failure != nil)
  }
}
