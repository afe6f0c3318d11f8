import Foundation
import ImtopTestSupport

/// A program running alone in a detached tmux session of a given size, on a tmux server of its own
/// (`TmuxServer`), with everything it sends to the terminal appended to a file (`pipe-pane`).
///
/// The program waits behind a named pipe until `start()`, so the byte count and the clock both
/// begin before its first byte: the pane's shell reads one line from the pipe, then `exec`s the
/// program, which therefore keeps the pane's process id.
final class TmuxPane {
  private let server = TmuxServer(prefix: "imtop-bench")
  /// Everything the program has drawn so far.
  let outputFile: String
  private let gate: String
  /// The program's process id (the pane's), once the session is up.
  private(set) var pid: pid_t?
  /// When `start()` opened the gate (monotonic seconds).
  private(set) var startedAt: Double = 0

  /// Creates the session running `program arguments` at `width`×`height`, not yet started.
  init?(name: String, program: String, arguments: [String], width: Int = 160, height: Int = 48, folder: String) {
    outputFile = folder + "/\(name).pane"
    gate = folder + "/\(name).gate"
    unlink(gate)
    guard mkfifo(gate, 0o600) == 0 else { return nil }
    _ = FileManager.default.createFile(atPath: outputFile, contents: nil)
    let quoted = ([program] + arguments).map(TmuxServer.shellQuote).joined(separator: " ")
    do {
      try server.start("read line < \(TmuxServer.shellQuote(gate)); exec \(quoted)", width: width, height: height)
      try server.run(["set-option", "-g", "status", "off"])
      try server.run(["resize-window", "-t", server.session, "-x", "\(width)", "-y", "\(height)"])
      try server.run(["pipe-pane", "-t", server.session, "-o", "cat >> " + TmuxServer.shellQuote(outputFile)])
    } catch {
      return nil
    }
    pid = server.panePID
  }

  deinit { stop() }

  /// Lets the program run; `startedAt` (the clock of `waitForText`) is set here.
  func start() {
    let descriptor = open(gate, O_WRONLY)
    guard descriptor >= 0 else { return }
    startedAt = ChildProcess.now
    _ = write(descriptor, "go\n", 3)
    close(descriptor)
  }

  /// Ends the program, the session, its server and socket, and the gate.
  func stop() {
    server.stop()
    unlink(gate)
  }

  /// Types `keys` into the pane (tmux key names: `2`, `Enter`, `C-l`).
  func send(_ keys: String) {
    try? server.run(["send-keys", "-t", server.session, keys])
  }

  /// The pane's text as it shows now, one string per row (trailing spaces trimmed by tmux).
  func screenRows() -> [String] {
    ((try? server.run(["capture-pane", "-p", "-t", server.session])) ?? "").split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
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
}
