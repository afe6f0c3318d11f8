import ImtopTerminal
import Testing

@Suite struct TickScheduleTests {
  @Test func ticksFallOnWholeIntervals() {
    let everySecond = TickSchedule(interval: .seconds(1))
    // 0.25 s past a second: the next tick is the following whole second.
    #expect(everySecond.nextTick(after: 1_700_000_000_250_000_000) == 1_700_000_001_000_000_000)
    // Exactly on a tick: the next one, never the same instant again.
    #expect(everySecond.nextTick(after: 5_000_000_000) == 6_000_000_000)
    let quarter = TickSchedule(interval: .milliseconds(250))
    #expect(quarter.intervalNanoseconds == 250_000_000)
    #expect(quarter.nextTick(after: 1_100_000_000) == 1_250_000_000)
    // Intervals below a millisecond are raised to one, so the loop cannot spin.
    #expect(TickSchedule(interval: .nanoseconds(10)).intervalNanoseconds == 1_000_000)
  }

  @Test func timeoutsRoundUp() {
    // 1.500001 ms ahead: waiting 1 ms would wake early, so 2.
    #expect(TickSchedule.timeoutMilliseconds(from: 0, until: 1_500_001) == 2)
    #expect(TickSchedule.timeoutMilliseconds(from: 0, until: 1_000_000) == 1)
    #expect(TickSchedule.timeoutMilliseconds(from: 7, until: 7) == 0)
    #expect(TickSchedule.timeoutMilliseconds(from: 9, until: 3) == 0)
  }
}
