import Foundation
import ImtopTestSupport

/// First frame first (README, "Performance"), on the real `imtop` in tmux at 160×48: from process
/// start to the chrome, to the progress line and to the first figures, for `imtop demo` (which
/// generates its history first) and for a dashboard on the 10,000,000-line status log.
extension Measurements {
  /// What a pane showed, and when, in seconds from process start.
  struct StartTimes {
    var chrome: Double?
    var progress: Double?
    var figures: Double?
    var peakResident: Int?
  }

  /// Starts `arguments` in a pane and waits for the chrome (the tab bar), `progress` and `figures`.
  func startTimes(_ name: String, arguments: [String], progress: String, figures: String, timeout: Double) -> StartTimes? {
    guard let pane = TmuxPane(name: name, program: Self.imtopBinary, arguments: arguments + ["--no-log"], folder: folder)
    else { return nil }
    defer { pane.stop() }
    pane.start()
    var times = StartTimes()
    times.chrome = pane.waitForText("1 Overview", timeout: 30)
    times.progress = pane.waitForText(progress, timeout: timeout)
    times.figures = pane.waitForText(figures, timeout: timeout)
    times.peakResident = pane.pid.flatMap { ProcessMemory.field("VmHWM", of: "/proc/\($0)/status") }
    return times
  }

  /// The three rows for one start.
  mutating func addStartRows(_ label: String, _ times: StartTimes?, progressTarget: String, figuresTarget: String,
                             figuresMet: (Double) -> Bool, reference: String = "") {
    table.add(
      "\(label): start to the chrome", measured: times?.chrome.map(Stopwatch.format) ?? "n/a", target: "≤ 50 ms",
      met: times?.chrome.map { $0 <= 0.05 })
    table.add(
      "\(label): start to the progress line", measured: times?.progress.map(Stopwatch.format) ?? "n/a",
      target: progressTarget)
    table.add(
      "\(label): start to the first figures", measured: times?.figures.map(Stopwatch.format) ?? "n/a",
      target: figuresTarget,
      reference: reference + (reference.isEmpty ? "" : "; ") + "peak resident \(ProcessMemory.format(times?.peakResident))",
      met: times?.figures.map(figuresMet))
  }

  /// `imtop demo` in a new folder: the chrome, "Generating the demo's history", then its 34 systems.
  mutating func demoFirstFigures() throws {
    let directory = try makeDirectory("first-figures-demo")
    let times = startTimes(
      "first-figures-demo", arguments: ["demo", "--dir", directory], progress: "Generating the demo",
      figures: "Harbour City Council", timeout: 60)
    addStartRows(
      "imtop demo", times, progressTarget: "shown while the history is generated", figuresTarget: "≤ htop's first frame",
      figuresMet: { $0 <= 0.11 }, reference: "htop 0.11 s (issue 16's run)")
  }

  /// A dashboard on the folder of the 10,000,000-line log `pollAfterAppend` wrote (50 systems, an
  /// inventory added here), beside the cold load of that log measured in this process.
  mutating func largeLogFirstFigures(directory: String, coldLoad: Double) throws {
    let systems = (0..<50).map { "sys-\($0 < 10 ? "0" : "")\($0),System \($0)\n" }.joined()
    try ("id,name\n" + systems).write(toFile: directory + "/systems.csv", atomically: true, encoding: .utf8)
    // An inventory of long standing: one written a moment ago is first waited for (a writer may be at it).
    try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3_600)], ofItemAtPath: directory + "/systems.csv")
    let times = startTimes(
      "first-figures-log", arguments: [directory], progress: "Reading status.jsonl", figures: "Systems 50", timeout: 300)
    addStartRows(
      "10,000,000-line log", times, progressTarget: "within 50 ms (issue 16)",
      figuresTarget: "≤ 2× the cold load", figuresMet: { $0 <= 2 * coldLoad },
      reference: "cold load \(Stopwatch.format(coldLoad)); peak target ≤ 300 MB")
  }
}
