import Foundation
import ImtopTestSupport
import Testing

/// The binary's terminal handling under abuse, in tmux: resize storms and every size, signals at
/// any moment, and environments it cannot draw in.
@Suite(.serialized, .enabled(if: EndToEnd.available, EndToEnd.skipReason))
struct FaultTerminalEndToEndTests {
  private func binary() -> String { TmuxSession.shellQuote(TmuxSession.imtopPath ?? "imtop") }

  @Test func resizeStormThenSizesFromOneByOneTo300By100() throws {
    let data = try LiveDataDirectory()
    defer { data.remove() }
    let tmux = TmuxSession()
    defer { tmux.stop() }
    try tmux.start(EndToEnd.command(data), width: 120, height: 40)
    try #require(tmux.waitFor { $0.contains("Systems 6") }.matched)
    // A storm: 400 resizes between 40x12 and 140x45 in one burst.
    let storm = (0..<400).map { (width: 40 + ($0 * 37) % 101, height: 12 + ($0 * 13) % 34) }
    try tmux.runCommands(tmux.resizeCommands(storm))
    #expect(tmux.windowSize() == "\(storm[399].width)x\(storm[399].height)")
    // Every width 1...300 (heights cycling through 1...100) and every height 1...100 at widths 1 and
    // 300, smallest first: 500 sizes, 1x1 and 300x100 among them. The full grid is drawn in-process
    // by the terminal tests.
    var sweep = (1...300).map { (width: $0, height: ($0 - 1) % 100 + 1) }
    sweep += (1...100).flatMap { [(width: 1, height: $0), (width: 300, height: $0)] }
    try tmux.runCommands(tmux.resizeCommands(sweep))
    #expect(tmux.windowSize() == "300x100", "the sweep did not end at 300x100")
    #expect(!tmux.capture().contains("[exited"), "imtop exited during the sweep")
    try tmux.resize(width: 120, height: 40)
    let settled = tmux.waitFor { $0.contains("Systems 6") && $0.contains("Example Municipality IT") }
    #expect(settled.matched, "no full frame after the storm:\n\(settled.screen)")
    let lines = settled.screen.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count >= 40 && lines.prefix(40).allSatisfy { $0.count <= 120 })
    try tmux.sendKeys("q")
    #expect(tmux.waitFor { $0.contains("[exited 0]") }.matched)
    #expect(!tmux.alternateScreenOn() && tmux.cursorVisible())
  }

  /// Moments: as soon as the process exists (possibly before the terminal is set up), right after
  /// the first frame, and in the middle of a resize storm.
  @Test(arguments: ["INT", "TERM", "HUP"], ["start", "firstFrame", "storm"])
  func signalAtAnyMomentRestoresTheTerminal(signal: String, moment: String) throws {
    let data = try LiveDataDirectory()
    defer { data.remove() }
    let tmux = TmuxSession()
    defer { tmux.stop() }
    try tmux.start(EndToEnd.command(data), width: 100, height: 30)
    var pid: pid_t?
    let deadline = Date().addingTimeInterval(10)
    while pid == nil && Date() < deadline {
      pid = EndToEnd.pid(of: data)
      if pid == nil { usleep(2_000) }
    }
    let target = try #require(pid, "imtop never started")
    if moment != "start" { try #require(tmux.waitFor { $0.contains("Systems 6") }.matched) }
    if moment == "storm" {
      let sizes = (0..<300).map { (width: 30 + $0 % 90, height: 8 + $0 % 30) }
      let commands = tmux.resizeCommands(sizes)
      let socket = tmux.socket
      let worker = Thread { try? TmuxSession.runCommands(commands, socket: socket) }
      worker.start()
      usleep(30_000)  // picks a moment inside the storm; nothing is asserted on its timing
    }
    kill(target, EndToEnd.signalNumber(signal))
    let exited = tmux.waitFor { $0.contains("[exited") }
    #expect(exited.matched, "SIG\(signal) at \(moment) did not end imtop:\n\(exited.screen)")
    #expect(exited.screen.contains("[exited \(128 + EndToEnd.signalNumber(signal))]"), "\(exited.screen)")
    #expect(!tmux.alternateScreenOn(), "SIG\(signal) at \(moment) left the alternate screen on")
    #expect(tmux.cursorVisible(), "SIG\(signal) at \(moment) left the cursor hidden")
  }

  @Test func unsetTerminalTypeIsAClearMessage() throws {
    let data = try LiveDataDirectory()
    defer { data.remove() }
    let tmux = TmuxSession()
    defer { tmux.stop() }
    try tmux.start("unset TERM; \(binary()) \(TmuxSession.shellQuote(data.url.path))", width: 120, height: 20)
    let screen = tmux.waitFor { $0.contains("[exited") }
    #expect(screen.screen.contains("TERM is not set"), "\(screen.screen)")
    #expect(screen.screen.contains("[exited 1]"), "\(screen.screen)")
  }

  @Test func unknownTerminalTypeIsAClearMessage() throws {
    let data = try LiveDataDirectory()
    defer { data.remove() }
    let tmux = TmuxSession()
    defer { tmux.stop() }
    try tmux.start("TERM=imtop-no-such-term \(binary()) \(TmuxSession.shellQuote(data.url.path))", width: 120, height: 20)
    let screen = tmux.waitFor { $0.contains("[exited") }
    #expect(screen.screen.contains("unknown terminal type \"imtop-no-such-term\""), "\(screen.screen)")
    #expect(screen.screen.contains("[exited 1]"), "\(screen.screen)")
  }

  /// The demo writes its organisation on a thread of its own from the start, while the terminal is
  /// set up: a terminal that cannot start ends with the message, status 1 and its temporary folder
  /// removed.
  @Test func aDemoWhoseTerminalCannotStartLeavesNoFolder() throws {
    let temporary = try TemporaryDirectory(prefix: "imtop-demo-tmp")
    defer { temporary.remove() }
    let tmux = TmuxSession()
    defer { tmux.stop() }
    try tmux.start(
      "TMPDIR=\(TmuxSession.shellQuote(temporary.path)) TERM=imtop-no-such-term \(binary()) demo --no-log", width: 120, height: 20)
    let screen = tmux.waitFor { $0.contains("[exited") }
    #expect(screen.screen.contains("unknown terminal type \"imtop-no-such-term\""), "\(screen.screen)")
    #expect(screen.screen.contains("[exited 1]"), "\(screen.screen)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path) == [])
  }

  @Test func standardOutputAPipeIsAClearMessage() throws {
    let data = try LiveDataDirectory()
    defer { data.remove() }
    let tmux = TmuxSession()
    defer { tmux.stop() }
    // The status is printed into the pipe too, so cat shows it; the message goes to the pane on stderr.
    try tmux.start("{ \(binary()) \(TmuxSession.shellQuote(data.url.path)); echo \"[imtop $?]\"; } | cat", width: 140, height: 20)
    let screen = tmux.waitFor { $0.contains("[imtop") }
    #expect(screen.screen.contains("needs a terminal"), "\(screen.screen)")
    #expect(screen.screen.contains("imtop snapshot"), "\(screen.screen)")
    #expect(screen.screen.contains("[imtop 2]"), "\(screen.screen)")
  }

  @Test func nonUTF8LocaleDrawsInASCII() throws {
    let data = try LiveDataDirectory()
    defer { data.remove() }
    let tmux = TmuxSession()
    defer { tmux.stop() }
    try tmux.start("export LANG=C LC_ALL=C; \(EndToEnd.command(data))", width: 120, height: 40)
    let screen = tmux.waitFor { $0.contains("Systems 6") }
    #expect(screen.matched, "no frame in the C locale:\n\(screen.screen)")
    let nonASCII = screen.screen.unicodeScalars.filter { !$0.isASCII }
    #expect(nonASCII.isEmpty, "non-ASCII drawn in the C locale:\n\(screen.screen)")
    try tmux.sendKeys("q")
    #expect(tmux.waitFor { $0.contains("[exited 0]") }.matched)
    #expect(!tmux.alternateScreenOn() && tmux.cursorVisible())
  }
}
