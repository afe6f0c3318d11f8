import Foundation
import ImtopTestSupport
import Testing

/// The terminal's conventions on the real binary: no escape sequence into a pipe, and a terminal
/// that cannot move its cursor is told so.
@Suite(.serialized, .enabled(if: EndToEnd.available, EndToEnd.skipReason))
struct TerminalConventionsEndToEndTests {
  private func binary() -> String { TmuxSession.shellQuote(TmuxSession.imtopPath ?? "imtop") }

  @Test func themesIntoAPipeHaveNoEscapeByte() throws {
    let result = try ChildProcess.run("/bin/sh", ["-c", "\(binary()) themes | cat"], captureOutput: true)
    #expect(result.status == 0)
    #expect(result.output.contains("high-contrast"))
    #expect(!result.output.unicodeScalars.contains("\u{1B}"), "\(result.output)")
  }

  @Test func aTerminalWithoutCursorAddressingIsAClearError() throws {
    let data = try LiveDataDirectory()
    defer { data.remove() }
    let tmux = TmuxSession()
    defer { tmux.stop() }
    try tmux.start("TERM=dumb \(EndToEnd.command(data)); echo \"[exit $?]\"; sleep 30", width: 120, height: 30)
    let screen = tmux.waitFor(timeout: 20) { $0.contains("[exit ") }
    #expect(screen.matched, "\(screen.screen)")
    #expect(screen.screen.contains("[exit 1]"), "\(screen.screen)")
    #expect(screen.screen.contains("cannot move the cursor") && screen.screen.contains("imtop snapshot"), "\(screen.screen)")
  }

  /// `--no-mouse` leaves the mouse to the terminal: the pane gets no mouse-reporting mode.
  @Test(arguments: [false, true])
  func mouseReportingFollowsTheFlag(noMouse: Bool) throws {
    let data = try LiveDataDirectory()
    defer { data.remove() }
    let tmux = TmuxSession()
    defer { tmux.stop() }
    try tmux.start(EndToEnd.command(data) + (noMouse ? " --no-mouse" : ""), width: 120, height: 40)
    try #require(tmux.waitFor { $0.contains("Systems 6") }.matched)
    #expect(tmux.format("#{mouse_any_flag}").trimmingCharacters(in: .whitespacesAndNewlines) == (noMouse ? "0" : "1"))
    try tmux.sendKeys("q")
    #expect(tmux.waitFor { $0.contains("[exited 0]") }.matched)
  }

  /// A wall console's configuration (`display.kiosk = true`) at a desk: `--no-kiosk` brings the key
  /// hints back, and without it the configuration's kiosk mode holds.
  @Test(arguments: [false, true])
  func noKioskOverridesTheConfiguration(noKiosk: Bool) throws {
    let data = try LiveDataDirectory()
    defer { data.remove() }
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    try folder.write(["wall.toml": "[display]\nkiosk = true\n"])
    let tmux = TmuxSession()
    defer { tmux.stop() }
    let config = " --no-log --config " + TmuxSession.shellQuote(folder.file("wall.toml").path)
    try tmux.start(EndToEnd.command(data) + config + (noKiosk ? " --no-kiosk" : ""), width: 120, height: 40)
    let frame = tmux.waitFor { $0.contains("Systems 6") }
    try #require(frame.matched, "\(frame.screen)")
    #expect(frame.screen.contains("? help") == noKiosk, "\(frame.screen)")
    try tmux.sendKeys("q")
    #expect(tmux.waitFor { $0.contains("[exited 0]") }.matched)
  }
}
