import Foundation
import ImtopCore
import ImtopTestSupport

// imtop-bench: the performance figures of the README's "Performance" section, each beside its target and a reference
// measured in the same run. Run with `swift run -c release imtop-bench`; data is generated in a
// temporary folder and removed after. The live figures run the release `imtop` built beside it in
// tmux at 160×48.
// `--quick` skips the 10,000,000-line file; `--cold` stops after the cold load and memory;
// `--live SECONDS` sets how long htop (the reference, skipped when not installed), the live demo
// and the idle and quiet dashboards are watched (default 10);
// `--first-frame` only start to first figures beside htop's first frame;
// `--frames` measures only frame time and bytes per change, `--terminal` only the figures taken in
// tmux; `--soak SECONDS` runs only the memory soak (`--speed N` sets the demo's speed, default 20:
// at 200 the demo's 30-day windows fill within 3.6 hours); `--engine-soak HOURS` the same without a
// terminal, on a hand-moved clock (simulated hours in minutes, with the heap and the sizes of what
// holds data every 10 simulated minutes); `--scale SECONDS` only the large organisation (50,000
// systems, 1 M lines; 10,000 KPIs), each page watched idle that long; `--first-figures` only the
// starts of `imtop demo` and of a dashboard on the 10,000,000-line log (chrome, progress line, figures).
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

/// The number after `option` on the command line, if given.
func number(after option: String) -> Double? {
  guard let index = commandLine.firstIndex(of: option), index + 1 < commandLine.count else { return nil }
  return Double(commandLine[index + 1])
}

let temporary = try TemporaryDirectory(prefix: "imtop-bench")
let folder = temporary.path
defer { temporary.remove() }

/// Runs the measurements the command line asks for (none of them exits, so the folder is removed).
func measure(into measurements: inout Measurements) throws {
  let arguments = Set(commandLine)
  let live = number(after: "--live") ?? 10
  if let seconds = number(after: "--soak") { return try measurements.soak(seconds: seconds, speed: number(after: "--speed") ?? 20) }
  if let hours = number(after: "--engine-soak") { return try measurements.engineSoak(hours: hours) }
  if let seconds = number(after: "--scale") { return try measurements.scale(seconds: seconds) }
  if arguments.contains("--first-figures") {
    try measurements.demoFirstFigures()
    let large = try measurements.pollAfterAppend(toFileOf: 10_000_000)
    return try measurements.largeLogFirstFigures(directory: large.directory, coldLoad: large.coldLoad)
  }
  if arguments.contains("--first-frame") { return try measurements.firstFrame() }
  if arguments.contains("--frames") {
    try measurements.frameTime()
    return try measurements.bytesPerChange()
  }
  if arguments.contains("--terminal") {
    try measurements.htopReference(seconds: live)
    try measurements.liveDemo(seconds: live)
    try measurements.idleDashboard(seconds: live)
    try measurements.quietDashboard(seconds: live)
    return try measurements.firstFrame()
  }
  try measurements.coldLoad()
  measurements.memoryAfterLoad()
  try measurements.scannerAlone()
  if arguments.contains("--cold") { return }
  try measurements.recomputeAfterSmallAppend()
  measurements.idlePoll()
  try measurements.pollAfterAppend(toFileOf: 10)
  try measurements.pollAfterAppend(toFileOf: 1_000_000)
  if !arguments.contains("--quick") {
    let large = try measurements.pollAfterAppend(toFileOf: 10_000_000)
    try measurements.largeLogFirstFigures(directory: large.directory, coldLoad: large.coldLoad)
  }
  measurements.foundationReference()
  try measurements.frameTime()
  try measurements.bytesPerChange()
  try measurements.htopReference(seconds: live)
  try measurements.liveDemo(seconds: live)
  try measurements.idleDashboard(seconds: live)
  try measurements.quietDashboard(seconds: live)
  try measurements.firstFrame()
  try measurements.demoFirstFigures()
}

var measurements = Measurements(folder: folder)
do {
  try measure(into: &measurements)
} catch {
  print("benchmark failed: \(error)")
}
print(measurements.table.rendered())
