import Foundation

/// Starting and watching other programs with `posix_spawn` and `waitpid` (Foundation's `Process`
/// can hang waiting for a child in some contexts), and reading their use of the machine from `/proc`.
enum ChildProcess {
  /// Starts `program` with `arguments`, its standard output sent to `output` and its error to /dev/null.
  /// - Returns: the child's process id, or nil if it could not be started.
  static func spawn(_ program: String, _ arguments: [String], output: String = "/dev/null") -> pid_t? {
    var argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var child: pid_t = 0
    guard posix_spawn(&child, program, &actions, nil, &argv, environ) == 0 else { return nil }
    return child
  }

  /// Runs `program` to completion and returns its exit status (nil if it could not be started).
  @discardableResult
  static func run(_ program: String, _ arguments: [String], output: String = "/dev/null") -> Int32? {
    guard let child = spawn(program, arguments, output: output) else { return nil }
    return wait(child)
  }

  /// Waits for `child` to end and returns its exit status.
  @discardableResult
  static func wait(_ child: pid_t) -> Int32? {
    var status: Int32 = 0
    guard waitpid(child, &status, 0) == child else { return nil }
    return (status >> 8) & 0xff
  }

  /// CPU seconds (user plus system) `pid` has used so far, from `/proc/PID/stat`.
  static func cpuSeconds(_ pid: pid_t) -> Double? {
    guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = text.lastIndex(of: ")")
    else { return nil }
    // After the command name in parentheses: state is field 3, utime field 14 and stime field 15.
    let fields = text[text.index(after: close)...].split(separator: " ")
    guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
  }

  /// Resident memory of `pid` in bytes, from `/proc/PID/status` (VmRSS).
  static func resident(_ pid: pid_t) -> Int? {
    ProcessMemory.field("VmRSS", of: "/proc/\(pid)/status")
  }

  /// Monotonic seconds, for measuring intervals.
  static var now: Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

  /// Sleeps for `seconds` of wall time.
  static func pause(_ seconds: Double) {
    guard seconds > 0 else { return }
    Thread.sleep(forTimeInterval: seconds)
  }
}
