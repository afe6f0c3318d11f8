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
}
