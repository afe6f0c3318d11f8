import Foundation
import ImtopTestSupport

/// Drives the built `imtop` binary inside a detached tmux session, as a user at a terminal would:
/// keys in with `send-keys`, the screen out with `capture-pane`.
///
/// Each session runs on its own tmux server (`TmuxServer`), so tests never touch anyone else's
/// sessions and can run in parallel; `stop()` ends the pane's programs, the server and its socket.
final class TmuxSession {
  private let server = TmuxServer(prefix: "imtop-test")
  /// `XDG_STATE_HOME` of the programs started, unless a test gives its own: the dashboard's log and
  /// crash reports stay out of the home of whoever runs the tests.
  private let state = try? TemporaryDirectory(prefix: "imtop-test-state")

  var socket: String { server.socket }
  var name: String { server.session }

  /// nil when tmux is not installed (the end-to-end tests are then skipped with a printed reason).
  static var tmuxPath: String? { TmuxServer.tmuxPath }

  /// The `imtop` executable built beside the test bundle.
  static var imtopPath: String? {
    let runner = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
    var directory = runner.deletingLastPathComponent()
    for _ in 0..<3 {
      let candidate = directory.appendingPathComponent("imtop").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      directory = directory.deletingLastPathComponent()
    }
    return nil
  }

  /// Starts `command` in a new session of the given size, with a UTF-8 locale and a 256-colour TERM.
  func start(_ command: String, width: Int, height: Int, environment: [String: String] = [:]) throws {
    var exports = "export LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color;"
    var environment = environment
    if environment["XDG_STATE_HOME"] == nil, let state { environment["XDG_STATE_HOME"] = state.path }
    for (key, value) in environment.sorted(by: { $0.key < $1.key }) {
      exports += " export \(key)=\(TmuxSession.shellQuote(value));"
    }
    // Keep the pane after the program exits so the final screen and status can be read.
    try server.start("\(exports) \(command); echo \"[exited $?]\"; sleep 30", width: width, height: height)
  }

  func sendKeys(_ keys: String...) throws {
    try tmux(["send-keys", "-t", name] + keys)
  }

  /// Sends text literally (no key-name lookup).
  func type(_ text: String) throws {
    try tmux(["send-keys", "-t", name, "-l", text])
  }

  func resize(width: Int, height: Int) throws {
    try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
  }

  /// The visible screen as text.
  func capture() -> String {
    (try? tmux(["capture-pane", "-p", "-t", name])) ?? ""
  }

  /// Whether the pane is showing the alternate screen (a full-screen program is running).
  func alternateScreenOn() -> Bool {
    format("#{alternate_on}") == "1"
  }

  /// Whether the cursor is visible in the pane.
  func cursorVisible() -> Bool {
    format("#{cursor_flag}") == "1"
  }

  /// A tmux format (`#{...}`) evaluated for the pane, trimmed; "" when tmux fails.
  func format(_ text: String) -> String {
    ((try? tmux(["display-message", "-p", "-t", name, text])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Polls the screen until `condition` holds or `timeout` passes; returns the last screen seen.
  @discardableResult
  func waitFor(timeout: TimeInterval = 10, _ condition: (String) -> Bool) -> (matched: Bool, screen: String) {
    let deadline = Date().addingTimeInterval(timeout)
    var screen = capture()
    while !condition(screen) {
      if Date() > deadline { return (false, screen) }
      usleep(50_000)
      screen = capture()
    }
    return (true, screen)
  }

  func stop() {
    server.stop()
    state?.remove()
  }

  @discardableResult
  func tmux(_ arguments: [String]) throws -> String {
    try server.run(arguments)
  }

  static func shellQuote(_ text: String) -> String {
    TmuxServer.shellQuote(text)
  }
}
