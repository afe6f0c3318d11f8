import Foundation

/// Runs a program and waits for it with `posix_spawn` and `waitpid`.
///
/// Foundation's `Process` is not used here: it reaps children from a SIGCHLD handler on its own run
/// loop, which the test runner's threads do not drive, and `tmux` clients were left as zombies with
/// `waitUntilExit` never returning.
enum ChildProcess {
  struct Result {
    var status: Int32
    var output: String
  }

  /// Standard input and error go to /dev/null; standard output is captured, or sent to /dev/null
  /// when `captureOutput` is false (a daemon that inherits the pipe would keep it open forever).
  static func run(_ path: String, _ arguments: [String], captureOutput: Bool) throws -> Result {
    var pipe: [Int32] = [-1, -1]
    // Close-on-exec: tests run in parallel, and a tmux server spawned by another test meanwhile
    // would otherwise inherit the write end and keep this read from ever seeing its end.
    if captureOutput {
      guard Glibc.pipe(&pipe) == 0 else { throw ChildProcessError.pipe }
      _ = fcntl(pipe[0], F_SETFD, FD_CLOEXEC)
      _ = fcntl(pipe[1], F_SETFD, FD_CLOEXEC)
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    if captureOutput {
      posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
      posix_spawn_file_actions_addclose(&actions, pipe[0])
      posix_spawn_file_actions_addclose(&actions, pipe[1])
    } else {
      posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    }
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
    if captureOutput { close(pipe[1]) }
    guard spawned == 0 else {
      if captureOutput { close(pipe[0]) }
      throw ChildProcessError.spawn(spawned)
    }
    var output = Data()
    if captureOutput {
      var chunk = [UInt8](repeating: 0, count: 65536)
      while true {
        let count = read(pipe[0], &chunk, chunk.count)
        if count > 0 {
          output.append(contentsOf: chunk[0..<count])
        } else if count == 0 || errno != EINTR {
          break
        }
      }
      close(pipe[0])
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return Result(status: exitStatus, output: String(decoding: output, as: UTF8.self))
  }
}

enum ChildProcessError: Error {
  case pipe
  case spawn(Int32)
}
