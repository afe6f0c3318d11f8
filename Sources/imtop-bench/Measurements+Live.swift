import Foundation
import ImtopTestSupport

/// The figures measured on the real `imtop` binary running in tmux at 160×48: the live demo's
/// bytes, CPU and memory, the idle dashboard's CPU, start to first frame, and the soak.
extension Measurements {
  /// The release `imtop` built beside this benchmark.
  static var imtopBinary: String {
    let own = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    return URL(fileURLWithPath: own).deletingLastPathComponent().appendingPathComponent("imtop").path
  }

  /// htop, the reference the live figures are set beside: Debian's package, `htop -d 10` (a 1 s
  /// refresh) with `HTOPRC=/dev/null` (its defaults, whatever the user configured).
  static var htopBinary: String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/htop" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// htop in the same harness as the live demo (tmux at 160×48, watched `seconds` after 3 s):
  /// bytes per second, bytes per changed cell, CPU and resident memory, kept for the rows after.
  mutating func htopReference(seconds: Double) throws {
    guard let binary = Self.htopBinary else {
      return table.add("htop -d 10 160×48 (reference)", measured: "skipped", target: "",
                       reference: "htop is not installed (Debian: apt-get install htop)")
    }
    guard let pane = TmuxPane(name: "htop", program: "/usr/bin/env", arguments: ["HTOPRC=/dev/null", binary, "-d", "10"], folder: folder)
    else { return table.add("htop -d 10 160×48 (reference)", measured: "tmux failed", target: "") }
    pane.start()
    guard let usage = PaneUsage.observe(pane, seconds: seconds, warmUp: 3) else {
      return table.add("htop -d 10 160×48 (reference)", measured: "no process", target: "")
    }
    pane.stop()
    htop = usage
    table.add(
      "htop -d 10 160×48 (reference), bytes to the terminal", measured: String(format: "%.0f B/s", usage.bytesPerSecond),
      target: "", reference: String(format: "over %.0f s, HTOPRC=/dev/null", usage.seconds))
    table.add(
      "  bytes per changed cell", measured: Self.perCell(usage), target: "",
      reference: String(format: "%.0f changed cells/s", usage.changedCellsPerSecond))
    table.add("  CPU", measured: PaneUsage.format(usage.cpuPercent), target: "")
    table.add(
      "  resident memory", measured: ProcessMemory.format(usage.residentEnd), target: "",
      reference: "peak \(ProcessMemory.format(usage.residentPeak))")
  }

  static func perCell(_ usage: PaneUsage) -> String {
    usage.bytesPerChangedCell.map { String(format: "%.2f B", $0) } ?? "n/a (nothing changed)"
  }

  /// Writes the demo organisation into `directory` with `imtop demo --generate-only`.
  func generateDemo(into directory: String) {
    _ = try? ChildProcess.run(Self.imtopBinary, ["demo", "--dir", directory, "--generate-only"], captureOutput: false)
  }

  /// The live demo at 160×48 for `seconds`: bytes per second, CPU and resident memory.
  mutating func liveDemo(seconds: Double) throws {
    let directory = try makeDirectory("live-demo")
    guard let pane = TmuxPane(name: "live", program: Self.imtopBinary,
                              arguments: ["demo", "--dir", directory, "--interval", "1s"], folder: folder)
    else { return table.add("live demo", measured: "tmux failed", target: "") }
    pane.start()
    ChildProcess.pause(1)
    let tail = try? ChildProcess.spawn("/usr/bin/tail", ["-F", directory + "/status.jsonl"])
    defer { if let tail { kill(tail, SIGTERM); ChildProcess.wait(tail) } }
    guard let usage = PaneUsage.observe(pane, seconds: seconds, warmUp: 5, reference: tail) else {
      return table.add("live demo", measured: "no process", target: "")
    }
    let span = String(format: "%.0f s", usage.seconds)
    let reference = htop
    let htopNote = reference == nil ? "htop not measured" : ""
    table.add(
      "live demo 160×48, bytes to the terminal", measured: String(format: "%.0f B/s", usage.bytesPerSecond),
      target: "< htop's", reference: reference.map { String(format: "htop %.0f B/s; over %@", $0.bytesPerSecond, span) } ?? htopNote,
      met: reference.map { usage.bytesPerSecond < $0.bytesPerSecond })
    table.add(
      "  bytes per changed cell", measured: Self.perCell(usage), target: "≤ 2 B",
      reference: String(format: "%.0f changed cells/s; htop %@", usage.changedCellsPerSecond, reference.map(Self.perCell) ?? "n/a"),
      met: usage.bytesPerChangedCell.map { $0 <= 2 })
    table.add(
      "live demo 160×48, CPU", measured: PaneUsage.format(usage.cpuPercent), target: "≤ htop's",
      reference: "tail -F on its status.jsonl \(PaneUsage.format(usage.referenceCPUPercent)); htop \(PaneUsage.format(reference?.cpuPercent))",
      met: usage.cpuPercent.flatMap { cpu in reference?.cpuPercent.map { cpu <= $0 } })
    table.add(
      "live demo 160×48, resident memory", measured: ProcessMemory.format(usage.residentEnd), target: "≤ 20 MB",
      reference: "peak \(ProcessMemory.format(usage.residentPeak)); htop \(ProcessMemory.format(reference?.residentEnd))",
      met: usage.residentPeak.map { $0 <= 20 << 20 })
  }

  /// The dashboard on a data directory that does not change, polled every second: CPU.
  mutating func idleDashboard(seconds: Double) throws {
    let directory = try makeDirectory("idle")
    generateDemo(into: directory)
    guard let pane = TmuxPane(name: "idle", program: Self.imtopBinary, arguments: [directory, "--interval", "1s"], folder: folder)
    else { return table.add("idle", measured: "tmux failed", target: "") }
    pane.start()
    let tail = try? ChildProcess.spawn("/usr/bin/tail", ["-F", directory + "/status.jsonl"])
    defer { if let tail { kill(tail, SIGTERM); ChildProcess.wait(tail) } }
    guard let usage = PaneUsage.observe(pane, seconds: seconds, warmUp: 3, reference: tail) else {
      return table.add("idle", measured: "no process", target: "")
    }
    let ticks = 100 / (Double(sysconf(Int32(_SC_CLK_TCK))) * usage.seconds)
    table.add(
      "idle dashboard (no changes, --interval 1s), CPU", measured: PaneUsage.format(usage.cpuPercent), target: "≤ 0.1 % of a core",
      reference: String(format: "tail -F %@; resolution %.3f %%; %.0f B/s, %@", PaneUsage.format(usage.referenceCPUPercent),
                        ticks, usage.bytesPerSecond, ProcessMemory.format(usage.residentEnd)),
      met: usage.cpuPercent.map { $0 <= 0.1 })
  }

  /// The dashboard on the 12-system organisation (`TwelveSystems`), nothing changing, polled every
  /// second: CPU (the wall console at rest). Twice: on files just written, whose ages on screen
  /// count seconds (the page is drawn again every second), and on the same files an hour old, where
  /// only the header's clock moves each second and the page is kept (`AppState.view(reusing:)`).
  mutating func quietDashboard(seconds: Double) throws {
    let organisation = try TwelveSystems(imtop: Self.imtopBinary)
    defer { organisation.remove() }
    try quietDashboard(organisation, seconds: seconds, settled: false)
    let files = try FileManager.default.contentsOfDirectory(atPath: organisation.url.path)
    let hourAgo = Date(timeIntervalSinceNow: -3_600)
    for file in files {
      try FileManager.default.setAttributes([.modificationDate: hourAgo], ofItemAtPath: organisation.url.appendingPathComponent(file).path)
    }
    try quietDashboard(organisation, seconds: seconds, settled: true)
  }

  private mutating func quietDashboard(_ organisation: TwelveSystems, seconds: Double, settled: Bool) throws {
    let name = settled ? "quiet dashboard, 12 systems, files an hour old" : "quiet dashboard, 12 systems (no changes, --interval 1s)"
    guard let pane = TmuxPane(name: settled ? "settled" : "quiet", program: Self.imtopBinary,
                              arguments: [organisation.url.path, "--interval", "1s"], folder: folder)
    else { return table.add(name, measured: "tmux failed", target: "") }
    pane.start()
    guard let usage = PaneUsage.observe(pane, seconds: seconds, warmUp: 3) else {
      return table.add(name, measured: "no process", target: "")
    }
    pane.stop()
    let ticks = 100 / (Double(sysconf(Int32(_SC_CLK_TCK))) * usage.seconds)
    table.add(
      name + ", CPU", measured: PaneUsage.format(usage.cpuPercent), target: "≤ 0.1 % of a core",
      reference: String(format: "resolution %.3f %%; %.0f B/s, %.0f changed cells/s, %@", ticks, usage.bytesPerSecond,
                        usage.changedCellsPerSecond, ProcessMemory.format(usage.residentEnd)),
      met: usage.cpuPercent.map { $0 <= 0.1 })
  }

  /// From process start to the first figures in the pane (the organisation's name drawn), best of
  /// `runs`: on a generated demo directory, and `imtop demo` generating its data first; beside
  /// htop's first frame in the same harness, when it is installed.
  mutating func firstFrame(runs: Int = 5) throws {
    let directory = try makeDirectory("first-frame")
    generateDemo(into: directory)
    func measure(_ name: String, _ program: String, _ arguments: [String], until text: String = "Harbour City Council") -> Double? {
      var times: [Double] = []
      for run in 0..<runs {
        guard let pane = TmuxPane(name: "\(name)-\(run)", program: program, arguments: arguments, folder: folder) else { continue }
        pane.start()
        if let seconds = pane.waitForText(text, timeout: 10) { times.append(seconds) }
        pane.stop()
      }
      return times.min()
    }
    let dashboard = measure("first", Self.imtopBinary, [directory])
    let demoDirectory = try makeDirectory("first-demo")
    let demo = measure("first-demo", Self.imtopBinary, ["demo", "--dir", demoDirectory])
    let floor = measure("first-echo", "/usr/bin/printf", ["Harbour City Council"])
    // htop's first frame in the same harness: its header's load average, which it draws with its first frame.
    let htop = Self.htopBinary.flatMap { measure("first-htop", "/usr/bin/env", ["HTOPRC=/dev/null", $0, "-d", "10"], until: "Load average") }
    let reference = "htop \(htop.map(Stopwatch.format) ?? "not installed"), same harness; floor (printf) \(floor.map(Stopwatch.format) ?? "n/a")"
    // The organisation's name comes with the first snapshot: these are first figures, not the chrome
    // (`--first-figures` times the chrome apart).
    table.add(
      "start to first figures, demo directory", measured: dashboard.map(Stopwatch.format) ?? "n/a", target: "≤ htop's first frame",
      reference: reference, met: dashboard.flatMap { measured in htop.map { measured <= $0 } })
    table.add(
      "start to first figures, imtop demo (generates)", measured: demo.map(Stopwatch.format) ?? "n/a", target: "≤ htop's first frame",
      reference: "30 days of history written first", met: demo.flatMap { measured in htop.map { measured <= $0 } })
  }
}
