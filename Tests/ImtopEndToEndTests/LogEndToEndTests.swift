import Foundation
import ImtopTestSupport
import Testing

/// The dashboard's log on the built binary (the README's "Log"): started with `--log FILE`, a data
/// file broken and repaired, then quit; the log holds the start, the failure, the recovery and the stop.
@Suite(.serialized, .enabled(if: EndToEnd.available, EndToEnd.skipReason))
struct LogEndToEndTests {
  private func logLines(_ url: URL) -> [String] {
    ((try? String(contentsOf: url, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
  }

  /// Waits until a line of the log holds `text`: the poller writes from its own thread.
  private func waitForLine(_ url: URL, containing text: String, timeout: TimeInterval = 10) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if logLines(url).contains(where: { $0.contains(text) }) { return true }
      usleep(50_000)
    }
    return false
  }

  @Test func startFailureRecoveryAndStopAreLogged() throws {
    let data = try LiveDataDirectory()
    defer { data.remove() }
    let folder = try TemporaryDirectory(prefix: "imtop-e2e-log")
    defer { folder.remove() }
    let log = folder.file("dashboard.log")
    let tmux = TmuxSession()
    defer { tmux.stop() }
    try tmux.start(
      EndToEnd.command(data, interval: "200ms") + " --log " + TmuxSession.shellQuote(log.path), width: 120, height: 40)
    try #require(tmux.waitFor { $0.contains("Systems 6") }.matched, "no first frame")
    let pid = try #require(EndToEnd.pid(of: data))

    let inventory = data.url.appendingPathComponent("systems.csv")
    let good = try Data(contentsOf: inventory)
    try FileManager.default.removeItem(at: inventory)
    try FileManager.default.createDirectory(at: inventory, withIntermediateDirectories: false)
    #expect(waitForLine(log, containing: "event=file-failed"), "no failure logged:\n\(logLines(log))")
    try FileManager.default.removeItem(at: inventory)
    try good.write(to: inventory)
    #expect(waitForLine(log, containing: "event=file-recovered"), "no recovery logged:\n\(logLines(log))")
    try tmux.sendKeys("q")
    #expect(tmux.waitFor { $0.contains("[exited 0]") }.matched, "q did not exit with 0")

    let lines = logLines(log)
    let suffix = " pid=\(pid)"
    let start = try #require(lines.first, "empty log")
    #expect(start.contains(" notice imtop.dashboard imtop "), "\(start)")
    #expect(start.contains(" started on the data directory \(data.url.path), pid \(pid) event=start"), "\(start)")
    let failure = try #require(lines.first { $0.contains("event=file-failed") })
    #expect(failure.contains(" error imtop.poller systems.csv: read failed"), "\(failure)")
    let recovery = try #require(lines.first { $0.contains("event=file-recovered") })
    #expect(recovery.contains(" notice imtop.poller systems.csv: readable again"), "\(recovery)")
    let stop = try #require(lines.last)
    #expect(stop.contains(" notice imtop.dashboard stopped: exit status 0 event=stop"), "\(stop)")
    #expect(lines.allSatisfy { $0.hasSuffix(suffix) }, "a line without the pid:\n\(lines)")
    #expect(lines.allSatisfy { $0.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z "#, options: .regularExpression) != nil })
  }

  @Test func anUnwritableLogIsANoteInTheFeedAndTheDashboardRuns() throws {
    let data = try LiveDataDirectory()
    defer { data.remove() }
    let folder = try TemporaryDirectory(prefix: "imtop-e2e-log")
    defer { folder.remove() }
    // A state folder that is a file: nothing can be created below it, even by root.
    try Data().write(to: folder.file("state"))
    let tmux = TmuxSession()
    defer { tmux.stop() }
    try tmux.start(EndToEnd.command(data), width: 120, height: 40, environment: ["XDG_STATE_HOME": folder.file("state").path])
    let note = tmux.waitFor { $0.contains("Systems 6") && $0.contains("log off") }
    #expect(note.matched, "no note that the log is off:\n\(note.screen)")
    try tmux.sendKeys("q")
    #expect(tmux.waitFor { $0.contains("[exited 0]") }.matched, "q did not exit with 0")
  }
}
