import Foundation
import Testing

/// The real binary, in tmux: a fatal signal gives the terminal back with one line saying where the
/// report is, and the figures that used to crash it are drawn.
@Suite(.serialized, .enabled(if: EndToEnd.available, EndToEnd.skipReason))
struct CrashEndToEndTests {
  @Test func segmentationFaultRestoresTheTerminalAndSaysWhereTheReportIs() throws {
    let data = try LiveDataDirectory()
    defer { data.remove() }
    let state = FileManager.default.temporaryDirectory.appendingPathComponent("imtop-state-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: state) }
    let tmux = TmuxSession()
    defer { tmux.stop() }
    // As a user starts it: no SWIFT_BACKTRACE of ours, the state directory where the report goes.
    try tmux.start("unset SWIFT_BACKTRACE; \(EndToEnd.command(data))", width: 120, height: 40,
                   environment: ["XDG_STATE_HOME": state.path])
    try #require(tmux.waitFor { $0.contains("Systems 6") }.matched, "no first frame")
    #expect(tmux.alternateScreenOn())
    let pid = try #require(EndToEnd.pid(of: data), "imtop is not running")

    kill(pid, SIGSEGV)
    // Generous: the backtracer symbolicates a debug build; nothing here waits for a key.
    let ended = tmux.waitFor(timeout: 120) { $0.contains("[exited") }
    #expect(ended.matched, "imtop did not end after SIGSEGV:\n\(ended.screen)")
    #expect(!tmux.alternateScreenOn(), "the alternate screen is still on")
    #expect(tmux.cursorVisible(), "the cursor is still hidden")
    let screen = ended.screen.replacingOccurrences(of: "\n", with: "")
    #expect(screen.contains("imtop: crashed on SIGSEGV"), "\(ended.screen)")
    #expect(screen.contains("the terminal was restored"), "\(ended.screen)")
    #expect(ended.screen.contains("[exited 139]"), "\(ended.screen)")
    // The line names the report, which the runtime wrote there without prompting.
    // The dashboard's log lives beside the reports.
    let reports = ((try? FileManager.default.contentsOfDirectory(atPath: state.path + "/imtop")) ?? [])
      .filter { $0.hasPrefix("crash-") }
    #expect(reports.count == 1, "\(reports)")
    if let report = reports.first {
      #expect(screen.contains("Crash report: \(state.path)/imtop/\(report)"), "\(ended.screen)")
      let text = (try? String(contentsOfFile: state.path + "/imtop/" + report, encoding: .utf8)) ?? ""
      #expect(text.contains("Program crashed"), "\(text.prefix(200))")
    }
    #expect(!ended.screen.contains("Press space"))
    // The log's last line says so too, in the log's format, written by the signal handler.
    let log = (try? String(contentsOfFile: state.path + "/imtop/imtop.log", encoding: .utf8)) ?? ""
    let last = log.split(separator: "\n").last.map(String.init) ?? ""
    #expect(last.contains(" critical imtop crashed on SIGSEGV (segmentation fault); "), "\(log.suffix(600))")
    #expect(last.hasSuffix("event=crashed pid=\(pid)"), "\(last)")
    #expect(last.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z "#, options: .regularExpression) != nil, "\(last)")
  }

  /// UINT64_MAX as a latency (a common C "unknown") used to trap in the number formatter.
  @Test func latencyPastUInt64IsDrawnCompactly() throws {
    let data = try LiveDataDirectory()
    defer { data.remove() }
    let tmux = TmuxSession()
    defer { tmux.stop() }
    try tmux.start(EndToEnd.command(data), width: 160, height: 40)
    try #require(tmux.waitFor { $0.contains("Systems 6") }.matched, "no first frame")
    let now = LiveDataDirectory.iso(Date())
    try data.append("{\"ts\":\"\(now)\",\"system\":\"erp\",\"state\":\"up\",\"latency_ms\":18446744073709551615}\n")
    try tmux.sendKeys("2")
    // The column shows the mean of the window: 9.2e18 with the earlier sample, or 1.8e19.
    let shown = tmux.waitFor(timeout: 20) { $0.contains("e19") || $0.contains("e18") }
    #expect(shown.matched, "the latency is not shown compactly:\n\(shown.screen)")
    #expect(!shown.screen.contains("[exited"))
    try tmux.sendKeys("q")
    #expect(tmux.waitFor { $0.contains("[exited 0]") }.matched)
  }
}
