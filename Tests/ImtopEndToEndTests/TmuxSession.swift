import Foundation

/// Drives the built `imtop` binary inside a detached tmux session, as a user at a terminal would:
/// keys in with `send-keys`, the screen out with `capture-pane`.
///
/// Each session runs on its own tmux server socket, so tests never touch anyone else's sessions and
/// can run in parallel; `stop()` kills that server.
final class TmuxSession {
  let socket: String
  let name = "imtop"
  private(set) var isRunning = false

  /// nil when tmux is not installed (the end-to-end tests are then skipped with a printed reason).
  static var tmuxPath: String? {
    for candidate in ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
    where FileManager.default.isExecutableFile(atPath: candidate) {
      return candidate
    }
    return nil
  }

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

  private static let counter = Counter()

  init() {
    socket = "imtop-test-\(getpid())-\(TmuxSession.counter.next())"
  }

  deinit {
    stop()
  }

  /// Starts `command` in a new session of the given size, with a UTF-8 locale and a 256-colour TERM.
  func start(_ command: String, width: Int, height: Int, environment: [String: String] = [:]) throws {
    var exports = "export LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color;"
    for (key, value) in environment.sorted(by: { $0.key < $1.key }) {
      exports += " export \(key)=\(TmuxSession.shellQuote(value));"
    }
    // Keep the pane after the program exits so the final screen and status can be read.
    // The server this starts inherits the client's descriptors: no pipes here, or reading one would
    // wait for the server to exit.
    try tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", "sh", "-c", "\(exports) \(command); echo \"[exited $?]\"; sleep 30"], captureOutput: false)
    isRunning = true
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
    let flag = (try? tmux(["display-message", "-p", "-t", name, "#{alternate_on}"])) ?? ""
    return flag.trimmingCharacters(in: .whitespacesAndNewlines) == "1"
  }

  /// Whether the cursor is visible in the pane.
  func cursorVisible() -> Bool {
    let flag = (try? tmux(["display-message", "-p", "-t", name, "#{cursor_flag}"])) ?? ""
    return flag.trimmingCharacters(in: .whitespacesAndNewlines) == "1"
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
    guard isRunning else { return }
    isRunning = false
    // kill-server alone left the server and the pane's programs running (imtop never got a
    // hangup): end the pane's process group (the shell and imtop in it) first.
    let panePID = (try? tmux(["display-message", "-p", "-t", name, "#{pane_pid}"]))
      .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    if let panePID, panePID > 1 { kill(-panePID, SIGKILL) }
    _ = try? tmux(["kill-server"])
  }

  @discardableResult
  private func tmux(_ arguments: [String], captureOutput: Bool = true) throws -> String {
    guard let path = TmuxSession.tmuxPath else { throw TmuxError.notInstalled }
    let result = try ChildProcess.run(path, ["-L", socket] + arguments, captureOutput: captureOutput)
    guard result.status == 0 else { throw TmuxError.failed(arguments.first ?? "", result.status) }
    return result.output
  }

  static func shellQuote(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}

enum TmuxError: Error, CustomStringConvertible {
  case notInstalled
  case failed(String, Int32)

  var description: String {
    switch self {
    case .notInstalled: return "tmux is not installed"
    case .failed(let command, let status): return "tmux \(command) exited with \(status)"
    }
  }
}

/// A thread-safe counter for unique socket names.
final class Counter: @unchecked Sendable {
  private var value = 0
  private let lock = NSLock()

  func next() -> Int {
    lock.lock()
    defer { lock.unlock() }
    value += 1
    return value
  }
}
