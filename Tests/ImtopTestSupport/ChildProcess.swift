import Foundation

/// Starting other programs and waiting for them with `posix_spawn` and `waitpid`, for the end-to-end
/// tests and the benchmark.
///
/// Foundation's `Process` is not used: it reaps children from a SIGCHLD handler on its own run loop,
/// which the test runner's threads do not drive, and `tmux` clients were left as zombies with
/// `waitUntilExit` never returning.
public enum ChildProcess {
  /// How a finished program ended, and what it wrote to standard output when that was captured.
  public struct Result: Sendable {
    public var status: Int32
    public var output: String
  }

  public enum Failure: Error {
    case pipe
    case spawn(path: String, code: Int32)
  }

  /// Starts `path` with standard input from /dev/null, standard output to `outputFile`, and standard
  /// error to /dev/null. Returns its process id; `wait(_:)` reaps it.
  public static func spawn(_ path: String, _ arguments: [String], outputFile: String = "/dev/null") throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    return try spawn(path, arguments, actions: &actions)
  }

  /// Starts `path` with standard input, output and error on `terminal` (a pseudo-terminal's side) and
  /// `environment` added to this process's. Returns its process id; `wait(_:)` reaps it.
  public static func spawn(_ path: String, _ arguments: [String], terminal: Int32, environment: [String: String] = [:]) throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for target in Int32(0)...2 { posix_spawn_file_actions_adddup2(&actions, terminal, target) }
    var variables = ProcessInfo.processInfo.environment
    variables.merge(environment) { _, new in new }
    return try spawn(path, arguments, actions: &actions, environment: variables.map { "\($0.key)=\($0.value)" })
  }

  /// Waits at most `seconds` for `child` to end: its status as `wait(_:)` gives it, or nil if it is
  /// still running (it is not reaped then).
  public static func wait(_ child: pid_t, seconds: Double) -> Int32? {
    let deadline = Date().addingTimeInterval(seconds)
    var status: Int32 = 0
    while true {
      let result = waitpid(child, &status, WNOHANG)
      if result == child { return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f) }
      if result == -1 && errno != EINTR { return -1 }
      if Date() > deadline { return nil }
      usleep(20_000)
    }
  }

  /// Runs `path` to the end. Standard output is captured when `captureOutput` is true, else sent to
  /// /dev/null (a daemon that inherits a pipe would keep it open forever, and the read with it).
  public static func run(_ path: String, _ arguments: [String], captureOutput: Bool = true) throws -> Result {
    guard captureOutput else { return Result(status: wait(try spawn(path, arguments)), output: "") }
    var pipe: [Int32] = [-1, -1]
    // Close-on-exec: tests run in parallel, and a tmux server another test spawns meanwhile would
    // otherwise inherit the write end and keep this read from ever seeing its end.
    guard Glibc.pipe(&pipe) == 0 else { throw Failure.pipe }
    _ = fcntl(pipe[0], F_SETFD, FD_CLOEXEC)
    _ = fcntl(pipe[1], F_SETFD, FD_CLOEXEC)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let child: pid_t
    do {
      child = try spawn(path, arguments, actions: &actions)
    } catch {
      close(pipe[0])
      close(pipe[1])
      throw error
    }
    close(pipe[1])
    var output = Data()
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = read(pipe[0], &chunk, chunk.count)
      if count > 0 {
        output.append(contentsOf: chunk[0..<count])
      } else if count == 0 || errno != EINTR {
        break
      }
    }
    close(pipe[0])
    return Result(status: wait(child), output: String(decoding: output, as: UTF8.self))
  }

  /// Waits for `child` to end: its exit status, or 128 + the signal that ended it (as shells say);
  /// -1 if it cannot be waited for.
  @discardableResult
  public static func wait(_ child: pid_t) -> Int32 {
    var status: Int32 = 0
    while waitpid(child, &status, 0) == -1 {
      if errno != EINTR { return -1 }
    }
    return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
  }

  private static func spawn(
    _ path: String, _ arguments: [String], actions: inout posix_spawn_file_actions_t, environment: [String]? = nil
  ) throws -> pid_t {
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    let envp = environment.map { $0.map { strdup($0) } + [nil] }
    defer { envp?.forEach { free($0) } }
    var child: pid_t = 0
    let code: Int32
    if var variables = envp {
      code = variables.withUnsafeMutableBufferPointer { posix_spawn(&child, path, &actions, nil, argv, $0.baseAddress) }
    } else {
      code = posix_spawn(&child, path, &actions, nil, argv, environ)
    }
    guard code == 0 else { throw Failure.spawn(path: path, code: code) }
    return child
  }
}
