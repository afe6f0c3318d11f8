import Foundation
import ImtopTestSupport

/// What a program in a `TmuxPane` used over an interval: CPU, bytes drawn, resident memory.
struct PaneUsage {
  var seconds: Double
  /// Percent of one core.
  var cpuPercent: Double?
  var bytesPerSecond: Double
  var residentPeak: Int?
  var residentEnd: Int?
  /// Percent of one core a reference process used over the same interval.
  var referenceCPUPercent: Double?

  /// Watches `pane` for `seconds` (after it has run `warmUp` seconds, so start-up is left out),
  /// sampling resident memory every second; `reference` is a process measured over the same time.
  static func observe(_ pane: TmuxPane, seconds: Double, warmUp: Double, reference: pid_t? = nil) -> PaneUsage? {
    guard let pid = pane.pid else { return nil }
    ChildProcess.pause(warmUp - (ChildProcess.now - pane.startedAt))
    let startTime = ChildProcess.now
    let startCPU = ChildProcess.cpuSeconds(pid)
    let startReference = reference.flatMap(ChildProcess.cpuSeconds)
    let startBytes = pane.bytesSent
    var peak = ChildProcess.resident(pid)
    while ChildProcess.now - startTime < seconds {
      ChildProcess.pause(min(1, seconds - (ChildProcess.now - startTime)))
      if let resident = ChildProcess.resident(pid) { peak = max(peak ?? 0, resident) }
    }
    let elapsed = ChildProcess.now - startTime
    let endCPU = ChildProcess.cpuSeconds(pid)
    let endReference = reference.flatMap(ChildProcess.cpuSeconds)
    func percent(_ start: Double?, _ end: Double?) -> Double? {
      guard let start, let end else { return nil }
      return (end - start) / elapsed * 100
    }
    return PaneUsage(
      seconds: elapsed, cpuPercent: percent(startCPU, endCPU),
      bytesPerSecond: Double(pane.bytesSent - startBytes) / elapsed, residentPeak: peak,
      residentEnd: ChildProcess.resident(pid), referenceCPUPercent: percent(startReference, endReference))
  }

  static func format(_ percent: Double?) -> String {
    percent.map { String(format: "%.2f %%", $0) } ?? "n/a"
  }
}
