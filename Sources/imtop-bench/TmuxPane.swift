import Foundation

/// A program running alone in a detached tmux session of a given size, on the benchmark's own tmux
/// server, with everything it sends to the terminal appended to a file (`pipe-pane`).
///
/// The program waits behind a named pipe until `start()`, so the byte count and the clock both
/// begin before its first byte: the pane's shell reads one line from the pipe, then `exec`s the
/// program, which therefore keeps the pane's process id.
final class TmuxPane {
  let socket: String
  /// Everything the program has drawn so far.
  let outputFile: String
  private let gate: String
  private let folder: String
  /// The program's process id (the pane's), once the session is up.
  private(set) var pid: pid_t?
  /// When `start()` opened the gate (monotonic seconds).
  private(set) var startedAt: Double = 0

  /// Creates the session running `program arguments` at `width`×`height`, not yet started.
  init?(name: String, program: String, arguments: [String], width: Int = 160, height: Int = 48, folder: String) {
    self.folder = folder
    socket = "imtop-bench-\(getpid())-\(name)"
    outputFile = folder + "/\(name).pane"
    gate = folder + "/\(name).gate"
    unlink(gate)
    guard mkfifo(gate, 0o600) == 0 else { return nil }
    _ = FileManager.default.createFile(atPath: outputFile, contents: nil)
    let command = "read line < \(Self.quoted(gate)); exec " + ([program] + arguments).map(Self.quoted).joined(separator: " ")
    guard tmux(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", command]) == 0 else { return nil }
    tmux(["set-option", "-g", "status", "off"])
    tmux(["resize-window", "-x", "\(width)", "-y", "\(height)"])
    tmux(["pipe-pane", "-o", "cat >> " + Self.quoted(outputFile)])
    let listing = folder + "/\(name).pid"
    tmux(["list-panes", "-F", "#{pane_pid}"], output: listing)
    pid = (try? String(contentsOfFile: listing, encoding: .utf8)).flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
  }

  deinit { stop() }

  /// Lets the program run; the clock of `secondsSinceStart` starts here.
  func start() {
    let descriptor = open(gate, O_WRONLY)
    guard descriptor >= 0 else { return }
    startedAt = ChildProcess.now
    _ = write(descriptor, "go\n", 3)
    close(descriptor)
  }

  /// Ends the session and its server.
  func stop() {
    tmux(["kill-server"])
    unlink(gate)
    // The server leaves its socket file behind when killed.
    let directory = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
    unlink("\(directory)/tmux-\(getuid())/\(socket)")
  }

  /// Bytes the program has sent to the terminal so far.
  var bytesSent: Int {
    (try? FileManager.default.attributesOfItem(atPath: outputFile)[.size] as? Int) ?? 0
  }

  /// Whether the program is still running.
  var isRunning: Bool {
    guard let pid else { return false }
    return kill(pid, 0) == 0
  }

  /// Waits until what the program drew contains `text`, polling every `step` seconds.
  /// - Returns: seconds from `start()` to when it was seen, or nil after `timeout` seconds.
  func waitForText(_ text: String, timeout: Double, step: Double = 0.0005) -> Double? {
    let needle = Data(text.utf8)
    while ChildProcess.now - startedAt < timeout {
      if let data = FileManager.default.contents(atPath: outputFile), data.range(of: needle) != nil {
        return ChildProcess.now - startedAt
      }
      ChildProcess.pause(step)
    }
    return nil
  }

  @discardableResult
  private func tmux(_ arguments: [String], output: String = "/dev/null") -> Int32? {
    ChildProcess.run("/usr/bin/tmux", ["-L", socket, "-f", "/dev/null"] + arguments, output: output)
  }

  /// `text` as one single-quoted shell word.
  static func quoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
