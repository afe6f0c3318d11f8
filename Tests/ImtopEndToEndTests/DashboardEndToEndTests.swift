import Foundation
import Testing

/// The built `imtop` binary in tmux, driven with keys and read from the screen, as a user would.
/// Skipped (with the reason printed) only where tmux is absent; CI installs it.
@Suite(.serialized, .enabled(if: EndToEnd.available, EndToEnd.skipReason))
struct DashboardEndToEndTests {
  @Test func pagesSwitchAndDetailOpensAndCloses() throws {
    let data = try LiveDataDirectory()
    defer { data.remove() }
    let tmux = TmuxSession()
    defer { tmux.stop() }
    try tmux.start(EndToEnd.command(data), width: 120, height: 40)
    try #require(tmux.waitFor { $0.contains("Example Municipality IT") && $0.contains("Systems 6") }.matched, "no first frame")

    try tmux.sendKeys("3")
    #expect(tmux.waitFor { $0.contains("Planned vs actual by month") }.matched, "budget page did not open")
    try tmux.sendKeys("5")
    #expect(tmux.waitFor { $0.contains("Patch latency") && !$0.contains("Planned vs actual by month") }.matched)
    try tmux.sendKeys("Tab")
    #expect(tmux.waitFor { $0.contains("Planned vs actual") == false && $0.contains("Systems 6") }.matched, "Tab did not wrap to the first page")

    try tmux.sendKeys("2")
    try #require(tmux.waitFor { $0.contains("State") && $0.contains("Wide area network") }.matched)
    try tmux.type("/")
    try tmux.type("records")
    try tmux.sendKeys("Enter")
    let filtered = tmux.waitFor { !$0.contains("Wide area network") && $0.contains("Records management") }
    #expect(filtered.matched, "filter did not narrow the table:\n\(filtered.screen)")
    try tmux.sendKeys("Enter")
    let detail = tmux.waitFor { $0.contains("(records)") && $0.contains("Availability 30d") }
    #expect(detail.matched, "Enter did not open the detail:\n\(detail.screen)")
    try tmux.sendKeys("Escape")
    #expect(tmux.waitFor { !$0.contains("Availability 30d") && $0.contains("Records management") }.matched, "Esc did not return")
  }

  @Test func appendedStatusLineShowsOnTheScreen() throws {
    let data = try LiveDataDirectory()
    defer { data.remove() }
    let tmux = TmuxSession()
    defer { tmux.stop() }
    try tmux.start(EndToEnd.command(data, interval: "500ms"), width: 120, height: 40)
    try tmux.sendKeys("2")
    try #require(tmux.waitFor { $0.contains("Wide area network") && !$0.contains("✖ down") }.matched)
    try data.append("{\"ts\":\"\(LiveDataDirectory.iso(Date()))\",\"system\":\"wan\",\"state\":\"down\",\"message\":\"carrier outage\"}\n")
    // How soon is the poller's business (its tests run on a hand-moved clock); here only that it shows.
    let seen = tmux.waitFor(timeout: 10) { $0.contains("✖ down") }
    #expect(seen.matched, "the down state never appeared:\n\(seen.screen)")
    #expect(seen.screen.contains("via wan"), "systems depending on wan are not marked impacted:\n\(seen.screen)")
  }

  @Test func resizeToTinyAndBackAndQuitRestoresTheTerminal() throws {
    let data = try LiveDataDirectory()
    defer { data.remove() }
    let tmux = TmuxSession()
    defer { tmux.stop() }
    try tmux.start(EndToEnd.command(data), width: 120, height: 40)
    try #require(tmux.waitFor { $0.contains("Systems 6") }.matched)
    #expect(tmux.alternateScreenOn())
    try tmux.resize(width: 40, height: 12)
    let small = tmux.waitFor { $0.lowercased().contains("enlarge") }
    #expect(small.matched, "no enlarge message at 40x12:\n\(small.screen)")
    try tmux.resize(width: 120, height: 40)
    #expect(tmux.waitFor { $0.contains("Systems 6") }.matched, "did not recover after resizing back")
    try tmux.sendKeys("q")
    let exited = tmux.waitFor { $0.contains("[exited 0]") }
    #expect(exited.matched, "q did not exit with 0:\n\(exited.screen)")
    #expect(!tmux.alternateScreenOn(), "the alternate screen was not left")
    #expect(tmux.cursorVisible(), "the cursor was left hidden")
  }

  // Signals at any moment: FaultTerminalEndToEndTests.signalAtAnyMomentRestoresTheTerminal.
}

/// Where the binary is, and how the tests start it.
enum EndToEnd {
  static var available: Bool { TmuxSession.tmuxPath != nil && TmuxSession.imtopPath != nil }

  static var skipReason: Comment {
    if TmuxSession.tmuxPath == nil { return "tmux is not installed: end-to-end tests skipped" }
    return "the imtop binary was not found beside the test bundle: end-to-end tests skipped"
  }

  static func command(_ data: LiveDataDirectory, interval: String = "1s") -> String {
    command(path: data.url.path, interval: interval)
  }

  static func command(path: String, interval: String = "1s") -> String {
    "\(TmuxSession.shellQuote(TmuxSession.imtopPath ?? "imtop")) \(TmuxSession.shellQuote(path)) --interval \(interval)"
  }

  /// The pid of the imtop process watching `data`, from /proc.
  static func pid(of data: LiveDataDirectory) -> pid_t? {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    for entry in entries {
      guard let pid = Int32(entry),
        let raw = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline")
      else { continue }
      let arguments = raw.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
      if arguments.first?.hasSuffix("/imtop") == true, arguments.contains(data.url.path) { return pid }
    }
    return nil
  }

  static func signalNumber(_ name: String) -> Int32 {
    switch name {
    case "INT": return SIGINT
    case "HUP": return SIGHUP
    default: return SIGTERM
    }
  }
}
