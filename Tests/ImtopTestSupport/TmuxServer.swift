import Foundation

/// A tmux server of its own (its own socket, no configuration file) running one detached session,
/// for driving a full-screen program as a user at a terminal would.
///
/// `stop()` (also on deinit) ends the pane's process group first (killing the server alone left the
/// program in the pane running, since it never got a hangup), then the server, then removes the
/// socket file the killed server leaves behind.
public final class TmuxServer {
  /// The socket name (`tmux -L`), unique to this process and this server.
  public let socket: String
  /// The one session's name.
  public let session = "imtop"
  public private(set) var isRunning = false

  /// nil when tmux is not installed.
  public static var tmuxPath: String? {
    for candidate in ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
    where FileManager.default.isExecutableFile(atPath: candidate) {
      return candidate
    }
    return nil
  }

  private static let counter = Counter()

  /// A server whose socket is named `<prefix>-<pid>-<n>`; nothing runs until `start`.
  public init(prefix: String) {
    socket = "\(prefix)-\(getpid())-\(TmuxServer.counter.next())"
  }

  deinit { stop() }

  /// Starts the session running `command` (a `sh -c` line) in a pane of `width`×`height`.
  public func start(_ command: String, width: Int, height: Int) throws {
    // The server this starts inherits the client's descriptors: no pipe here, or reading it would
    // wait for the server to exit.
    try run(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", "sh", "-c", command], captureOutput: false)
    isRunning = true
    serverPID = (try? run(["display-message", "-p", "#{pid}"])).flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
  }

  /// The server's own process: ended by `stop()` if `kill-server` left it (a server seen holding a
  /// zombie shell after an interactive bash in the pane).
  private var serverPID: pid_t?

  /// Runs one tmux command on this server; its standard output when `captureOutput` is true.
  @discardableResult
  public func run(_ arguments: [String], captureOutput: Bool = true) throws -> String {
    try Self.run(arguments, socket: socket, captureOutput: captureOutput)
  }

  /// `run` on the server at `socket`, callable from another thread.
  @discardableResult
  public static func run(_ arguments: [String], socket: String, captureOutput: Bool = true) throws -> String {
    guard let path = tmuxPath else { throw TmuxError.notInstalled }
    let result = try ChildProcess.run(path, ["-L", socket, "-f", "/dev/null"] + arguments, captureOutput: captureOutput)
    guard result.status == 0 else { throw TmuxError.failed(arguments.first ?? "", result.status) }
    return result.output
  }

  /// The process id of the pane's program (its shell, or what the shell `exec`ed).
  public var panePID: pid_t? {
    (try? run(["display-message", "-p", "-t", session, "#{pane_pid}"]))
      .flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
  }

  /// Ends the pane's process group, the server, and its socket file. Safe to call more than once.
  public func stop() {
    guard isRunning else { return }
    isRunning = false
    if let pid = panePID, pid > 1 { kill(-pid, SIGKILL) }
    _ = try? run(["kill-server"])
    // Only while it is still this server (its command line names the socket), never a process
    // that reused the id.
    if let pid = serverPID, pid > 1,
      let command = try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8), command.contains(socket)
    {
      kill(pid, SIGKILL)
    }
    let directory = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
    unlink("\(directory)/tmux-\(getuid())/\(socket)")
  }

  /// `text` as one single-quoted shell word.
  public static func shellQuote(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}

public enum TmuxError: Error, CustomStringConvertible {
  case notInstalled
  case failed(String, Int32)

  public var description: String {
    switch self {
    case .notInstalled: return "tmux is not installed"
    case .failed(let command, let status): return "tmux \(command) exited with \(status)"
    }
  }
}

/// A thread-safe counter for unique socket names.
private final class Counter: @unchecked Sendable {
  private var value = 0
  private let lock = NSLock()

  func next() -> Int {
    lock.lock()
    defer { lock.unlock() }
    value += 1
    return value
  }
}
