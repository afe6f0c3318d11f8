import ImtopCore
import Testing

@testable import ImtopTerminal

/// The mailbox stays bounded: merged into one message, or the oldest dropped.
struct TerminalMailboxTests {
  @Test func theMailboxMergesOrDropsTheOldest() throws {
    let merging = try TerminalMailbox<Int>(merge: { older, newer in older + newer })
    for value in 1...1_000 { merging.post(value) }
    #expect(merging.counts.waiting == 1)
    #expect(merging.takeAll() == [500_500])
    #expect(merging.takeAll().isEmpty)
    let bounded = try TerminalMailbox<Int>(limit: 10)
    for value in 1...1_000 { bounded.post(value) }
    #expect(bounded.counts.waiting == 10 && bounded.counts.dropped == 990)
    #expect(bounded.takeAll() == Array(991...1_000))
  }

  @Test func mergedLiveUpdatesKeepTheNewestFiguresAndEveryEvent() {
    let start = DashboardProgramTests.start
    var older = DashboardProgramTests.update(["a": .up], at: start)
    older.events = [.fileFailed(path: "status/a.jsonl", message: "first")]
    var newer = DashboardProgramTests.update(["a": .down], at: start + Span.seconds(5))
    newer.events = [.fileFailed(path: "status/a.jsonl", message: "second")]
    let merged = LiveUpdate.merged(older, newer)
    #expect(merged.snapshot.asOf == newer.snapshot.asOf)
    #expect(merged.events == older.events + newer.events)
    var many = newer
    many.events = Array(repeating: newer.events[0], count: LiveUpdate.mergedEventLimit)
    #expect(LiveUpdate.merged(older, many).events.count == LiveUpdate.mergedEventLimit)
  }
}
