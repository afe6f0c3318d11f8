import ArgumentParser
import FoundationEssentials
import Glibc
import ImtopCore

/// `imtop demo`: writes a realistic organisation and runs the dashboard on it while a simulator
/// appends status and metric samples.
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Run the dashboard on a generated demo organisation that keeps changing.",
    discussion: """
      The demo writes its files in the real formats (systems.csv, budget.csv, status.jsonl...), so \
      with --dir it doubles as an example to copy. Without --dir it uses a temporary folder and removes \
      it on exit. With --generate-only it writes the files and exits.

      --dir must be a new or empty folder, or one a previous demo wrote (it carries a .imtop-demo file), \
      which is regenerated in place. Any other folder is refused with exit status 2 and nothing written, \
      unless --force is given.
      """
  )

  static let defaultSeed: UInt64 = 2026

  @Option(help: "Write the demo data here (kept after exit) instead of a temporary folder.")
  var dir: String?

  @Option(help: "How lively the simulation is: 1 is a state change every half-minute or so, 5 five times as often.")
  var speed: Double = 1

  @Option(help: "Random seed: the same seed and time give the same organisation.")
  var seed: UInt64 = DemoCommand.defaultSeed

  @Flag(help: "Write the demo files into --dir and exit, without the dashboard.")
  var generateOnly = false

  @Flag(help: "Write into --dir even when it holds files that are not a previous demo.")
  var force = false

  @OptionGroup var display: DisplayOptions
  @OptionGroup var live: LiveOptions

  func validate() throws {
    guard speed > 0, speed <= 1000 else { throw ValidationError("--speed \(speed): expected a number above 0, at most 1000") }
    if generateOnly, dir == nil { throw ValidationError("--generate-only needs --dir to say where to write") }
    if force, dir == nil { throw ValidationError("--force needs --dir: the temporary folder is always new") }
  }

  func run() throws {
    do {
      if generateOnly, let dir {
        let now = SystemTimeSource().now
        try DemoGenerator(seed: seed, now: now, historyDays: DemoGenerator.historyDays(coveringPreviousMonthAt: now)).write(to: URL(fileURLWithPath: dir), force: force)
        print("Demo organisation written to \(dir). Run: imtop \(dir)")
        return
      }
      // The dashboard's demo writes its files on the first poll: the folder is checked before it starts.
      if let dir { try DemoDirectory(url: URL(fileURLWithPath: dir)).requireWritable(force: force) }
    } catch let refusal as DemoDirectoryRefusal {
      FileWrite.toStandardError((refusal.description + "\n"))
      throw ExitCode(2)
    }
    let status = try DemoCommand.launch(directory: dir, seed: seed, speed: speed, display: display, live: live)
    if status != 0 { throw ExitCode(status) }
  }

  static func launch(directory: String?, seed: UInt64, speed: Double, display: DisplayOptions, live: LiveOptions) throws -> Int32 {
    let url: URL
    if let directory {
      url = URL(fileURLWithPath: directory)
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    } else {
      url = FileManager.default.temporaryDirectory.appendingPathComponent("imtop-demo-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    let setup = DashboardLauncher.DemoSetup(seed: seed, speed: speed, removeOnExit: directory == nil)
    return try DashboardLauncher(directory: url, display: display, live: live, demo: setup).run()
  }
}
