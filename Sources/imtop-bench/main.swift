import Foundation
import ImtopCore

// imtop-bench: the performance figures of DESIGN section 7 that do not need a terminal, each
// beside its target and a reference measured in the same run. Run with
// `swift run -c release imtop-bench`; data is generated in a temporary folder and removed after.
// `--quick` skips the 10,000,000-line file; `--cold` stops after the cold load and memory.
// For profiling (e.g. under callgrind): `--write-log FILE` writes the 1,000,000-line log and exits;
// `--load-once DIRECTORY` loads a directory with one poll and exits.

let commandLine = Array(CommandLine.arguments.dropFirst())
if commandLine.count == 2, commandLine[0] == "--write-log" {
  var generator = StatusLogGenerator()
  try generator.append(count: 1_000_000, to: commandLine[1])
  exit(0)
}
if commandLine.count == 2, commandLine[0] == "--load-once" {
  let result = Poller(directory: commandLine[1], clock: SystemTimeSource()).poll()
  print("\(result.reports.first?.records ?? 0) records, \(result.issues.count) issues")
  exit(0)
}

let folder = NSTemporaryDirectory() + "imtop-bench-" + UUID().uuidString
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: folder) }

var measurements = Measurements(folder: folder)
let arguments = Set(CommandLine.arguments.dropFirst())
do {
  try measurements.coldLoad()
  measurements.memoryAfterLoad()
  try measurements.scannerAlone()
  if arguments.contains("--cold") {
    print(measurements.table.rendered())
    exit(0)
  }
  try measurements.recomputeAfterSmallAppend()
  measurements.idlePoll()
  try measurements.pollAfterAppend(toFileOf: 10)
  try measurements.pollAfterAppend(toFileOf: 1_000_000)
  if !arguments.contains("--quick") { try measurements.pollAfterAppend(toFileOf: 10_000_000) }
  measurements.foundationReference()
} catch {
  print("benchmark failed: \(error)")
}
print(measurements.table.rendered())
