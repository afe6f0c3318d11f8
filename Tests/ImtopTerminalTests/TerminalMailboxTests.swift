import ImtopCore
import ImtopTestSupport
import ImtopUI
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

/// Progress from a long load: the mailbox keeps only the newest, and figures end it.
struct DashboardMessageMailboxTests {
  static func progress(_ done: Int64) -> LoadProgress {
    LoadProgress(work: .reading(file: "status.jsonl", number: 1, count: 1), bytesDone: done, bytesTotal: 1_000)
  }

  @Test func onlyTheNewestProgressWaits() throws {
    let mailbox = try TerminalMailbox<DashboardMessage>(merge: DashboardMessage.merged)
    for done in stride(from: Int64(0), through: 1_000, by: 10) { mailbox.post(DashboardMessage(progress: Self.progress(done))) }
    #expect(mailbox.counts.waiting == 1)
    let taken = mailbox.takeAll()
    #expect(taken.count == 1)
    #expect(taken.first?.progress == Self.progress(1_000))
    #expect(taken.first?.update == nil)
  }

  @Test func figuresEndTheProgressBeforeThemAndKeepTheProgressAfter() {
    let update = DashboardProgramTests.update(["a": .up], at: DashboardProgramTests.start)
    let ended = DashboardMessage.merged(DashboardMessage(progress: Self.progress(500)), DashboardMessage(update: update))
    #expect(ended.progress == nil)
    #expect(ended.update?.snapshot.asOf == update.snapshot.asOf)
    let running = DashboardMessage.merged(DashboardMessage(update: update), DashboardMessage(progress: Self.progress(700)))
    #expect(running.progress == Self.progress(700))
    #expect(running.update?.snapshot.asOf == update.snapshot.asOf)
  }

  @Test func theDashboardShowsProgressUntilTheFigures() {
    let clock = ManualClock(DashboardProgramTests.start)
    var dashboard = DashboardProgram(
      configuration: Configuration(), overrides: .init(), catalog: ThemeCatalog(), clock: clock, requestReread: {})
    #expect(dashboard.receive(DashboardMessage(progress: Self.progress(410))) == .redraw)
    #expect(dashboard.render(size: Size(width: 80, height: 24)).plainText().contains("Reading status.jsonl  41 %"))
    _ = dashboard.receive(DashboardMessage(update: DashboardProgramTests.update(["a": .up], at: clock.now)))
    #expect(!dashboard.render(size: Size(width: 80, height: 24)).plainText().contains("Reading status.jsonl"))
  }

  @Test func theConfigurationReadBeforeTheFirstPollShapesTheChromeAtOnce() {
    let clock = ManualClock(DashboardProgramTests.start)
    var dashboard = DashboardProgram(
      configuration: Configuration(), overrides: .init(), catalog: ThemeCatalog(), clock: clock, requestReread: {})
    var configuration = Configuration()
    configuration.pages = [.systems, .incidents]
    #expect(dashboard.receive(DashboardMessage(configuration: configuration)) == .redraw)
    #expect(dashboard.state.pages == [.systems, .incidents])
    #expect(dashboard.state.snapshot == nil)
    let text = dashboard.render(size: Size(width: 80, height: 24)).plainText()
    #expect(!text.contains("Overview"))
    #expect(text.contains("Waiting for data"))
  }
}
