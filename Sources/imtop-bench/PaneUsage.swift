import Foundation
import ImtopTestSupport

/// What a program in a `TmuxPane` used over an interval: CPU, bytes drawn, resident memory.
struct PaneUsage {
  var seconds: Double
  /// Percent of one core.
  var cpuPercent: Double?
  var bytesPerSecond: Double
  /// Cells whose character differs from one capture of the pane to the next (once a second), per
  /// second: what the program changed on screen, counted the same way for every program. A cell that
  /// changed only colour is not seen, so bytes per changed cell lean high.
  var changedCellsPerSecond: Double
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
    var screen = pane.screenRows()
    var changedCells = 0
    while ChildProcess.now - startTime < seconds {
      ChildProcess.pause(min(1, seconds - (ChildProcess.now - startTime)))
      if let resident = ChildProcess.resident(pid) { peak = max(peak ?? 0, resident) }
      let next = pane.screenRows()
      changedCells += changedCharacters(from: screen, to: next)
      screen = next
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
      bytesPerSecond: Double(pane.bytesSent - startBytes) / elapsed, changedCellsPerSecond: Double(changedCells) / elapsed,
      residentPeak: peak,
      residentEnd: ChildProcess.resident(pid), referenceCPUPercent: percent(startReference, endReference))
  }

  /// Bytes sent per changed cell (nil when no cell changed).
  var bytesPerChangedCell: Double? {
    changedCellsPerSecond > 0 ? bytesPerSecond / changedCellsPerSecond : nil
  }

  /// Positions whose character differs between two captures of the same pane (a row that got
  /// shorter or longer counts its extra positions).
  static func changedCharacters(from old: [String], to new: [String]) -> Int {
    var count = 0
    for row in 0..<max(old.count, new.count) {
      let before = row < old.count ? Array(old[row]) : []
      let after = row < new.count ? Array(new[row]) : []
      for column in 0..<max(before.count, after.count)
      where column >= before.count || column >= after.count || before[column] != after[column] {
        count += 1
      }
    }
    return count
  }

  static func format(_ percent: Double?) -> String {
    percent.map { String(format: "%.2f %%", $0) } ?? "n/a"
  }
}
