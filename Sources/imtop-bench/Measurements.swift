import Foundation
import ImtopCore
import ImtopTestSupport

/// One function per figure of the README's "Performance" section that the live layer owns; each
/// adds rows to the table.
struct Measurements {
  let folder: String
  var table = BenchmarkTable()
  /// The poller of the 1,000,000-line cold load, kept alive so memory is measured with it.
  private var loaded: Poller?
  /// htop's figures in the tmux harness, measured in this run (nil: not installed, or not run yet).
  var htop: PaneUsage?

  init(folder: String) {
    self.folder = folder
  }

  func makeDirectory(_ name: String) throws -> String {
    let path = folder + "/" + name
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// Time `/usr/bin/wc -l` takes on `file` (best of three), process start included.
  static func wcSeconds(_ file: String) -> Double {
    runSeconds("/usr/bin/wc", ["-l", file])
  }

  /// Time to run a program to completion (best of three), started with `posix_spawn` as a shell
  /// would (Foundation's `Process` adds tens of milliseconds of its own, which would flatter the
  /// ratio); `/usr/bin/true` shows what starting a process alone costs.
  static func runSeconds(_ program: String, _ arguments: [String]) -> Double {
    Stopwatch.best(of: 3) {
      guard let child = try? ChildProcess.spawn(program, arguments) else { return }
      ChildProcess.wait(child)
    }.best
  }

  /// Cold load of a 1,000,000-line status.jsonl: lines per second, and the ratio to `wc -l`.
  mutating func coldLoad() throws {
    let directory = try makeDirectory("cold")
    let file = directory + "/status.jsonl"
    var generator = StatusLogGenerator()
    try generator.append(count: 1_000_000, to: file)
    let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
    let wc = Measurements.wcSeconds(file)
    let spawn = Measurements.runSeconds("/usr/bin/true", [])
    var lastPoller: Poller?
    var records = 0
    let timing = Stopwatch.best(of: 3) {
      lastPoller = nil
      let poller = Poller(directory: directory, clock: SystemTimeSource())
      records = poller.poll().reports.first?.records ?? 0
      lastPoller = poller
    }
    loaded = lastPoller
    let rate = 1_000_000 / timing.best
    table.add(
      "cold load, 1,000,000 lines (\(size / 1_000_000) MB)", measured: String(format: "%.2f M lines/s (%@)", rate / 1e6, Stopwatch.format(timing.best)),
      target: "≥ 1.00 M lines/s", reference: "median \(Stopwatch.format(timing.median)), \(records) records",
      met: rate >= 1_000_000 && records == 1_000_000)
    table.add(
      "cold load vs wc -l", measured: String(format: "%.1f× wc", timing.best / wc), target: "≤ 10× wc",
      reference: "wc -l \(Stopwatch.format(wc)) (process start alone \(Stopwatch.format(spawn)))", met: timing.best / wc <= 10)
  }

  /// Resident memory with the 1,000,000-line store loaded.
  mutating func memoryAfterLoad() {
    let resident = ProcessMemory.resident
    table.add(
      "resident memory after the load", measured: ProcessMemory.format(resident), target: "≤ 100 MB",
      reference: "peak \(ProcessMemory.format(ProcessMemory.peakResident)) (VmHWM)",
      met: resident.map { $0 <= 100 << 20 })
  }

  /// Poll after appending 100 lines to a file of `lines` lines (median of 5); the folder of the file
  /// and how long its first (cold) load took.
  @discardableResult
  mutating func pollAfterAppend(toFileOf lines: Int) throws -> (directory: String, coldLoad: Double) {
    let directory = try makeDirectory("append-\(lines)")
    let file = directory + "/status.jsonl"
    var generator = StatusLogGenerator()
    try generator.append(count: lines, to: file)
    let poller = Poller(directory: directory, clock: SystemTimeSource())
    let initial = Stopwatch.seconds { _ = poller.poll() }
    var times: [Double] = []
    for _ in 0..<5 {
      try generator.append(count: 100, to: file)
      times.append(Stopwatch.seconds { _ = poller.poll() })
    }
    times.sort()
    let median = times[times.count / 2]
    table.add(
      "poll after +100 lines, \(lines.formatted())-line file", measured: Stopwatch.format(median), target: "≤ 5 ms",
      reference: "initial load \(Stopwatch.format(initial))", met: median <= 0.005)
    return (directory, initial)
  }

  /// Recomputing the engine's input after a small append to the loaded 1,000,000-line store.
  mutating func recomputeAfterSmallAppend() throws {
    guard let poller = loaded else { return }
    let file = poller.directory + "/status.jsonl"
    var generator = StatusLogGenerator()
    generator.start = Timestamp(seconds: 1_772_323_200 + 2_000_000 * 2)
    var pollTimes: [Double] = []
    var inputTimes: [Double] = []
    for _ in 0..<5 {
      try generator.append(count: 10, to: file)
      pollTimes.append(Stopwatch.seconds { _ = poller.poll() })
      inputTimes.append(Stopwatch.seconds { _ = poller.engineInput() })
    }
    let full = Stopwatch.seconds { _ = Poller(directory: poller.directory, clock: SystemTimeSource()).poll() }
    let median = (zip(pollTimes, inputTimes).map { $0 + $1 }).sorted()[2]
    table.add(
      "poll + EngineInput after +10 lines (1M store)", measured: Stopwatch.format(median), target: "≤ 5 ms, flat in history",
      reference: "full reload \(Stopwatch.format(full))", met: median <= 0.005)
  }

  /// The line reader alone on the cold-load file held in memory, on one core and split over all of
  /// them: how much of the cold load is parsing, and how much reading and storing.
  mutating func scannerAlone() throws {
    guard let poller = loaded else { return }
    let data = try Data(contentsOf: URL(fileURLWithPath: poller.directory + "/status.jsonl"))
    var records = 0
    let sequential = Stopwatch.best(of: 3) {
      records = data.withUnsafeBytes { JSONLineReader.countStatusLines($0, zone: .utc, parts: 1).samples }
    }.best
    let parallel = Stopwatch.best(of: 3) {
      records = data.withUnsafeBytes { JSONLineReader.countStatusLines($0, zone: .utc).samples }
    }.best
    table.add(
      "reference: line reader alone, 1,000,000 lines", measured: String(format: "%.2f M lines/s", Double(records) / parallel / 1e6),
      target: "", reference: String(format: "one core %.2f M lines/s", Double(records) / sequential / 1e6))
  }

  /// A poll that finds nothing changed, on the loaded store: at a 1 s interval it must cost at most
  /// 1 ms for the idle target of 0.1 % of a core.
  mutating func idlePoll() {
    guard let poller = loaded else { return }
    _ = poller.poll()
    var times: [Double] = []
    for _ in 0..<21 { times.append(Stopwatch.seconds { _ = poller.poll() }) }
    times.sort()
    let median = times[times.count / 2]
    table.add(
      "idle poll (nothing changed, 1M store)", measured: Stopwatch.format(median), target: "≤ 1 ms (0.1 % of a core at 1 s)",
      reference: String(format: "%.3f %% of a core at 1 s", median * 100), met: median <= 0.001)
  }

  /// Foundation's `JSONSerialization` on the same kind of lines, as the reference the scanner replaces.
  mutating func foundationReference() {
    let bytes = StatusLogGenerator().lines(from: 0, count: 100_000)
    var parsed = 0
    let seconds = Stopwatch.seconds {
      var start = 0
      for index in bytes.indices where bytes[index] == 0x0A {
        if (try? JSONSerialization.jsonObject(with: Data(bytes[start..<index]))) != nil { parsed += 1 }
        start = index + 1
      }
    }
    table.add(
      "reference: JSONSerialization, 100,000 lines", measured: String(format: "%.2f M lines/s", Double(parsed) / seconds / 1e6),
      target: "", reference: "Foundation, same machine")
  }
}
