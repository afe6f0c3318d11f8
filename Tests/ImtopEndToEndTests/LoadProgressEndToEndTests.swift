import Foundation
import ImtopTestSupport
import Testing

/// First frame first, on the built binary in tmux: a long first read of a large status log shows the
/// chrome, then a progress line, then the figures. Only the order is checked, never how long each took.
@Suite(.serialized, .enabled(if: EndToEnd.available, EndToEnd.skipReason))
struct LoadProgressEndToEndTests {
  /// `systems.csv` with 50 systems and a `status.jsonl` of `lines` samples (about 70 bytes each)
  /// every 2 s up to now, read in a few seconds by a debug build.
  static func largeOrganisation(lines: Int) throws -> TemporaryDirectory {
    let folder = try TemporaryDirectory(prefix: "imtop-e2e-progress")
    let systems = (0..<50).map { "sys-\($0),System \($0)\n" }.joined()
    try Data(("id,name\n" + systems).utf8).write(to: folder.file("systems.csv"))
    let end = Int(Date().timeIntervalSince1970)
    var log = [UInt8]()
    log.reserveCapacity(lines * 72)
    for index in 0..<lines {
      let state = index % 997 == 0 ? "down" : "up"
      log += Array("{\"ts\":\(end - (lines - index) * 2),\"system\":\"sys-\(index % 50)\",\"state\":\"\(state)\",\"latency_ms\":\(20 + index % 480)}\n".utf8)
    }
    try Data(log).write(to: folder.file("status.jsonl"))
    return folder
  }

  @Test func aLongFirstReadShowsTheChromeThenItsProgressThenTheFigures() throws {
    // About 30 MB.
    let organisation = try Self.largeOrganisation(lines: 450_000)
    defer { organisation.remove() }
    let tmux = TmuxSession()
    defer { tmux.stop() }
    try tmux.start(EndToEnd.command(path: organisation.path), width: 120, height: 40)
    let chrome = tmux.waitFor(timeout: 30) { $0.contains("1 Overview") }
    try #require(chrome.matched, "no chrome:\n\(chrome.screen)")
    let progress = tmux.waitFor(timeout: 60) { $0.contains("Reading status.jsonl") && $0.contains(" % (") || $0.contains("Systems 50") }
    #expect(progress.screen.contains("Reading status.jsonl"), "the figures came with no progress line before them:\n\(progress.screen)")
    #expect(progress.screen.contains("Waiting for data"), "a progress line beside figures:\n\(progress.screen)")
    let figures = tmux.waitFor(timeout: 120) { $0.contains("Systems 50") }
    #expect(figures.matched, "no figures after the load:\n\(figures.screen)")
    #expect(!figures.screen.contains("Reading status.jsonl"), "the progress line stayed with the figures:\n\(figures.screen)")
  }
}
