import Foundation
import ImtopTestSupport

/// What other programs use of the machine, read from `/proc`, and the benchmark's clock.
extension ChildProcess {
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
