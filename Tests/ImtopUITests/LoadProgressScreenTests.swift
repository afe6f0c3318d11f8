import ImtopCore
import Testing

@testable import ImtopUI
import ImtopTestSupport

/// The screen waiting for the first figures says how far a long load has got, then gives way to them.
@Suite struct LoadProgressScreenTests {
  @Test func theWaitingScreenShowsTheProgressLineUnderTheChrome() {
    var state = AppState(size: Size(width: 80, height: 24))
    let progress = LoadProgress(work: .reading(file: "status.jsonl", number: 1, count: 1), bytesDone: 33_000_000, bytesTotal: 80_000_000)
    _ = state.update(.loadProgress(progress))
    let text = state.view().plainText()
    // 33 of 80 MB is 41.25 %: rounded down.
    #expect(text.contains("Reading status.jsonl  41 % (33 of 80 MB)"))
    #expect(text.contains("Waiting for data"))
    #expect(text.contains("1 Overview"))
  }

  @Test func theFiguresReplaceTheProgressLine() {
    var state = AppState(size: Size(width: 80, height: 24))
    _ = state.update(.loadProgress(LoadProgress(work: .generatingDemo)))
    #expect(state.view().plainText().contains("Generating the demo's history"))
    _ = state.update(.snapshot(MetricEngine().snapshot(of: TestOrganisation(), at: Timestamp(seconds: 1_772_323_200)), []))
    #expect(state.loadProgress == nil)
    #expect(!state.view().plainText().contains("Generating the demo's history"))
  }

  @Test func severalFilesAndSmallAmountsAreSaidInFull() {
    let several = LoadProgress(work: .reading(file: "status/b.jsonl", number: 2, count: 3), bytesDone: 1_250_000, bytesTotal: 4_990_000)
    // 1.25 MB of 4.99 MB: 25 %, tenths rounded down.
    #expect(several.line(ellipsis: "…") == "Reading status/b.jsonl (2 of 3 files)  25 % (1.2 of 4.9 MB)")
    let small = LoadProgress(work: .reading(file: "metrics.jsonl", number: 1, count: 1), bytesDone: 310_400, bytesTotal: 900_000)
    #expect(small.line(ellipsis: "…") == "Reading metrics.jsonl  34 % (310 of 900 KB)")
    let unknown = LoadProgress(work: .reading(file: "status.jsonl", number: 1, count: 1))
    #expect(unknown.line(ellipsis: "...") == "Reading status.jsonl...")
  }
}
