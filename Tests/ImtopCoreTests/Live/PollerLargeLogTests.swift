import ImtopTestSupport
import Foundation
import Testing

@testable import ImtopCore

/// A log big enough to be read in several pieces and chunks numbers its issues like a small one.
@Suite struct PollerLargeLogTests {
  @Test func issuesInALargeLogKeepTheirPhysicalLines() throws {
    let directory = try TemporaryDataDirectory()
    // 60,000 lines (about 4 MB: two chunks, each split into pieces); every 7,919th line is bad.
    var text = ""
    var bad: [Int] = []
    for index in 0..<60_000 {
      if index % 7919 == 100 {
        text += "oops\n"
        bad.append(index + 1)
      } else {
        text += statusLine("s\(index % 13)", index % 500 == 0 ? "down" : "up", minute: index / 13, latency: index % 250)
      }
    }
    try directory.write("status.jsonl", text)
    let poller = Poller(directory: directory.path, clock: ManualClock(marchFirst + .days(4)))
    let result = poller.poll()
    // Bad lines are 101, 8020, 15939, ... (index 100 + k × 7919, plus one): 8 of them below 60,000.
    #expect(bad.count == 8)
    #expect(result.issues.map(\.line) == bad.map { Optional($0) })
    #expect(result.reports.first?.records == 60_000 - 8)
    #expect(result.reports.first?.errors == 8)
  }

  @Test func halfWrittenLastLineOfALargeLogWaitsForItsNewline() throws {
    let directory = try TemporaryDataDirectory()
    // 70,000 lines (about 5 MB: three chunks, the later ones read while the store takes the one
    // before), then a line cut short; one bad line, in the second chunk.
    var text = ""
    for index in 0..<70_000 {
      text += index == 40_000 ? "{\"ts\":1}\n" : statusLine("s\(index % 11)", "up", minute: index / 11, latency: 5)
    }
    let last = statusLine("s3", "down", minute: 70_000 / 11 + 1, latency: 7)
    try directory.write("status.jsonl", text + String(last.dropLast(10)))
    let poller = Poller(directory: directory.path, clock: ManualClock(marchFirst + .days(6)))
    let first = poller.poll()
    // 70,000 complete lines, one of them (line 40,001) bad; the cut line is not read yet.
    #expect(first.issues.map(\.line) == [40_001])
    #expect(first.reports.first?.records == 69_999)
    try directory.append("status.jsonl", String(last.suffix(10)))
    let second = poller.poll()
    #expect(second.issues.isEmpty)
    #expect(second.reports.first?.records == 70_000)
    #expect(poller.store.timelines["s3"]?.runs.last?.state == .down)
  }

  /// Pages of `chunk` the kernel holds in memory (`mincore`), over the whole pages inside it.
  static func residentPages(_ chunk: UnsafeMutableRawBufferPointer) -> Int {
    guard let pages = Poller.wholePages(of: chunk) else { return -1 }
    var states = [UInt8](repeating: 0, count: pages.count / Int(sysconf(Int32(_SC_PAGESIZE))))
    guard mincore(pages.start, pages.count, &states) == 0 else { return -1 }
    return states.filter { $0 & 1 != 0 }.count
  }

  /// A long read fills both read buffers; their pages go back to the kernel after it, and the few
  /// lines of a later poll are read all the same.
  /// A log longer than `Poller.largeChunkSize` naming a system every few lines is read in mapped
  /// chunks whose pages are given back once their samples are parsed, unless a sample carries a
  /// message (the store decodes it from the buffer later): the messages of the last chunk, the only
  /// ones, are read whole, and the hook after a long read runs once.
  @Test func messagesOfALargePortfolioSurviveTheChunksGivenBack() throws {
    let directory = try TemporaryDataDirectory()
    let systems = 30_000
    var bytes: [UInt8] = []
    var line = 0
    // Past the large chunk size by a fifth; the last round of systems carries a message each.
    while bytes.count < Poller.largeChunkSize * 6 / 5 {
      bytes += Array(#"{"ts":"2026-03-01T08:00:00Z","system":"s\#(line % systems)","state":"up","latency_ms":\#(line % 400)}"#.utf8)
      bytes.append(0x0A)
      line += 1
    }
    for index in 0..<systems {
      bytes += Array(#"{"ts":"2026-03-01T09:00:00Z","system":"s\#(index)","state":"up","message":"note \#(index)"}"#.utf8)
      bytes.append(0x0A)
    }
    try directory.write("status.jsonl", String(decoding: bytes, as: UTF8.self))
    let poller = Poller(directory: directory.path, clock: ManualClock(marchFirst + .days(4)))
    nonisolated(unsafe) var longReads = 0
    poller.afterLongRead = { longReads += 1 }
    #expect(poller.poll().reports.first?.records == line + systems)
    #expect(longReads == 1)
    let messages = poller.store.messages
    #expect(messages.count == systems)
    #expect((0..<systems).allSatisfy { messages["s\($0)"]?.text == "note \($0)" })
  }

  @Test func theReadBuffersAreGivenBackAfterALongRead() throws {
    let directory = try TemporaryDataDirectory()
    // 60,000 lines, about 4 MB: both 2 MB buffers filled.
    var text = ""
    for index in 0..<60_000 { text += statusLine("s\(index % 13)", "up", minute: index / 13, latency: 5) }
    try directory.write("status.jsonl", text)
    let clock = ManualClock(marchFirst + .days(4))
    let poller = Poller(directory: directory.path, clock: clock)
    #expect(poller.poll().reports.first?.records == 60_000)
    #expect(Self.residentPages(poller.buffer) == 0)
    #expect(Self.residentPages(poller.spareBuffer) == 0)

    try directory.append("status.jsonl", statusLine("s1", "down", minute: 60_000 / 13 + 1, latency: 9))
    clock.advance(by: .seconds(2))
    #expect(poller.poll().reports.first?.records == 60_001)
    #expect(poller.engineInput().timelines["s1"]?.runs.last?.state == .down)
  }
}
