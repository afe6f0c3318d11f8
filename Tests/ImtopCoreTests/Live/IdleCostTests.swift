import ImtopTestSupport
import Testing

@testable import ImtopCore

/// With nothing changed, a costly recomputation comes less often than `recomputeEvery`, so that a
/// large portfolio's idle dashboard stays under its share of a core; changes are never held back.
@Suite struct IdleCostTests {
  /// A processor-time clock that moves `cost` between each reading and the next, so each
  /// recomputation (read before and after) appears to take `cost`.
  final class WorkClock: @unchecked Sendable {
    var cost: Span
    private var readings: Int64 = 0
    private var total = Span.zero
    init(cost: Span) { self.cost = cost }
    func read() -> Span {
      defer { readings += 1 }
      if readings % 2 == 1 { total = total + cost }
      return total
    }
  }

  func session(_ directory: TemporaryDataDirectory, clock: ManualClock, work: WorkClock) -> LiveSession {
    LiveSession(
      poller: Poller(directory: directory.path, clock: clock), recomputeEvery: .seconds(30), workClock: work.read)
  }

  func directory() throws -> TemporaryDataDirectory {
    let directory = try TemporaryDataDirectory()
    try directory.write("systems.csv", "id,name\nerp,ERP\n")
    try directory.write("status.jsonl", statusLine("erp", "up", minute: 0))
    return directory
  }

  @Test func aCheapRecomputationKeepsTheInterval() throws {
    let directory = try directory()
    let clock = ManualClock(marchFirst + .minutes(1))
    let live = session(directory, clock: clock, work: WorkClock(cost: Span(milliseconds: 2)))
    #expect(live.step() != nil)
    #expect(live.lastCost == Span(milliseconds: 2))
    #expect(live.idleEvery == .seconds(30))
    clock.advance(by: .seconds(29))
    #expect(live.step() == nil)
    clock.advance(by: .seconds(1))
    #expect(live.step() != nil, "due 30 s after the last figures")
  }

  @Test func aCostlyRecomputationComesLessOften() throws {
    let directory = try directory()
    let clock = ManualClock(marchFirst + .minutes(1))
    let live = session(directory, clock: clock, work: WorkClock(cost: Span(milliseconds: 150)))
    #expect(live.step() != nil)
    #expect(live.idleEvery == .seconds(60), "400 times 150 ms")
    clock.advance(by: .seconds(30))
    #expect(live.step() == nil, "not yet due at 30 s")
    clock.advance(by: .seconds(29))
    #expect(live.step() == nil)
    clock.advance(by: .seconds(1))
    let due = try #require(live.step(), "due 60 s after the last figures")
    #expect(due.snapshot.asOf == marchFirst + .minutes(2))

    // A change is never held back.
    clock.advance(by: .seconds(5))
    try directory.append("status.jsonl", statusLine("erp", "down", minute: 2))
    let changed = try #require(live.step(), "an append brings figures at once")
    #expect(changed.snapshot.systems.first?.state == .down)
  }

  @Test func evenAVeryCostlyRecomputationLeavesFiguresAtMostFiveMinutesOld() throws {
    let directory = try directory()
    let clock = ManualClock(marchFirst + .minutes(1))
    let work = WorkClock(cost: .seconds(10))
    let live = session(directory, clock: clock, work: work)
    #expect(live.step() != nil)
    #expect(live.idleEvery == .minutes(5))
    clock.advance(by: .minutes(5) - Span(milliseconds: 1))
    #expect(live.step() == nil)
    clock.advance(by: Span(milliseconds: 1))
    #expect(live.step() != nil)

    // Cheaper again: the interval follows the last recomputation.
    work.cost = Span(milliseconds: 1)
    clock.advance(by: .minutes(5))
    #expect(live.step() != nil)
    #expect(live.idleEvery == .seconds(30))
  }

  @Test func theThreadsProcessorTimeGrowsWithWork() {
    let before = ProcessorTime.ofThisThread()
    var sum = 0.0
    var spent = Span.zero
    // Work until the clock has moved by at least 20 ms (bounded: a clock that never moves fails).
    for round in 0..<2_000 where spent < Span(milliseconds: 20) {
      for value in 0..<100_000 { sum += Double(value ^ round).squareRoot() }
      spent = ProcessorTime.ofThisThread() - before
    }
    #expect(sum > 0)
    #expect(spent >= Span(milliseconds: 20))
  }
}
