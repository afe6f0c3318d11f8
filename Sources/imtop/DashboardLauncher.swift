import ArgumentParser
import FoundationEssentials
import Glibc
import ImtopCore
import ImtopRemote
import ImtopTerminal
import ImtopUI
import Logging

/// Starts the live dashboard on a data directory: the terminal, the poller thread feeding it, and
/// for the demo the simulator that keeps appending samples. Returns the exit status.
struct DashboardLauncher {
  var directory: URL
  var display: DisplayOptions
  var live: LiveOptions
  /// Set for the demo: the organisation is generated on a thread of its own from the start, while
  /// the terminal is set up (so the first frame does not wait for it); the poller's first poll waits
  /// for it, and the simulator appends before every later poll.
  var demo: DemoSetup?

  struct DemoSetup {
    var seed: UInt64
    var speed: Double
    /// Remove the directory on exit (a temporary folder).
    var removeOnExit: Bool
  }

  func run() throws -> Int32 {
    // A temporary demo folder goes on every way out, including a terminal that cannot start.
    defer {
      if demo?.removeOnExit == true { try? FileManager.default.removeItem(at: directory) }
    }
    let interval = try live.intervalSpan()
    let clock = SystemTimeSource()
    let user = display.user.load(environment: display.environment)
    let settings = StartSettings(display: display, live: live, user: user, environment: display.environment)
    // The log of the weeks nobody watches (the README's "Log"): its start and stop lines frame the run.
    let log = DashboardLog.start(settings.log, clock: clock)
    log.started(directory: directory, demo: demo != nil)
    let status = runDashboard(clock: clock, interval: interval, log: log, user: user, settings: settings)
    log.stopped(status: status.code, error: status.error)
    return status.code
  }

  /// The terminal, the poller thread and the run loop; the exit status, and the error that ended it.
  private func runDashboard(
    clock: SystemTimeSource, interval: Span?, log: DashboardLog, user: UserConfiguration, settings: StartSettings
  ) -> (code: Int32, error: String?) {
    let demoState = demo.map { DemoState(directory: directory, setup: $0, now: clock.now) }
    // Whatever ends the dashboard, the history is written whole before the folder may be removed.
    defer { demoState?.awaitGeneration() }
    let screen: TerminalScreen
    let crashNote = CrashReport.note(environment: display.environment)
    do {
      screen = try TerminalScreen(
        options: TerminalScreen.Options(noColor: display.colorOff, enableMouse: settings.mouse, crashReportNote: crashNote))
    } catch {
      FileWrite.toStandardError("\(error)\n")
      return (error.exitStatus, "\(error)")
    }
    // A crash is the log's last line too (written by the fatal-signal handler, in the log's format).
    if let file = log.file {
      let line = LogLine.crashLine(note: crashNote, pid: getpid())
      file.descriptorChanged = { FatalSignalRestore.logCrashes(to: $0, head: line.head, tail: line.tail) }
    }
    let mailbox: TerminalMailbox<DashboardMessage>
    do {
      mailbox = try TerminalMailbox<DashboardMessage>(merge: DashboardMessage.merged)
    } catch {
      screen.restore()
      FileWrite.toStandardError("\(error)\n")
      return (error.exitStatus, "\(error)")
    }
    let poller = Poller.live(directory: directory.path, clock: clock, user: user)
    poller.afterLongRead = ProcessHeap.releaseFreeMemory
    let session = LiveSession(poller: poller, logger: Logger(label: "imtop.poller"))
    let postProgress: @Sendable (LoadProgress) -> Void = { mailbox.post(DashboardMessage(progress: $0)) }
    var beforePoll: (@Sendable (Timestamp) -> Void)?
    if let demoState {
      beforePoll = { now in demoState.advance(to: now, progress: postProgress) }
    }
    let feed = LiveFeed(
      session: session, clock: clock, intervalOverride: interval,
      beforePoll: beforePoll,
      awaitsSettledFiles: demo == nil, progress: postProgress,
      configured: { mailbox.post(DashboardMessage(configuration: $0)) },
      deliver: { update in mailbox.post(DashboardMessage(update: update)) })
    let columnsFile = ColumnsFile.standard(environment: display.environment)
    let columns = columnsFile?.load() ?? ColumnsFile.Reading()
    var program = DashboardProgram(
      configuration: poller.store.configuration, overrides: settings.overrides, catalog: display.catalog, clock: clock,
      requestReread: { [feed] in feed.requestPoll() }, hiddenColumns: columns.hidden,
      saveColumns: { hidden in
        columnsFile.map { $0.saveReportingFailure(hidden) } ?? "column choice not saved: neither XDG_STATE_HOME nor HOME names a folder"
      })
    if let note = log.note { program.note(note) }
    if let warning = columns.warning { program.note(CheckReport.line(warning)) }
    for note in settings.notes { program.note(note) }
    // The poller starts once the first frame (the chrome) is on the screen: a long first read, or
    // the demo's history, comes after it, and says how far it has got (`LoadProgress`).
    defer { feed.stop() }
    do {
      let loop = TerminalRunLoop(backend: screen, program: program, mailbox: mailbox, afterFirstFrame: { feed.start() })
      return (try loop.run(), nil)
    } catch {
      FileWrite.toStandardError("\(error)\n")
      return (error.exitStatus, "\(error)")
    }
  }

}

/// The demo's generator and simulator: the organisation is written on a thread of its own, started
/// with the dashboard; the simulator is used only from the poller thread.
private final class DemoState: @unchecked Sendable {
  let directory: URL
  var simulator: DemoSimulator
  var firstPoll = true
  /// Guards `written`, set once the organisation is on disk.
  private let generation = Condition()
  private var written = false

  /// Starts writing the organisation as of `now`. The command has checked that the folder is new,
  /// empty, a previous demo or forced: the demo is generated afresh at the current time, so its
  /// history ends now rather than at an older run.
  init(directory: URL, setup: DashboardLauncher.DemoSetup, now: Timestamp) {
    self.directory = directory
    self.simulator = DemoSimulator(directory: directory, seed: setup.seed, speed: setup.speed)
    let generator = DemoGenerator(
      seed: setup.seed, now: now, historyDays: DemoGenerator.historyDays(coveringPreviousMonthAt: now))
    let write: @Sendable () -> Void = { [self] in
      try? generator.write(to: directory)
      generation.lock()
      written = true
      generation.broadcast()
      generation.unlock()
    }
    if !startThread(name: "imtop-demo", stackSize: 4 << 20, write) { write() }
  }

  /// Returns once the organisation is written.
  func awaitGeneration() {
    generation.lock()
    while !written { _ = generation.wait(until: Condition.deadline(after: 1)) }
    generation.unlock()
  }

  /// Before each poll: the first waits for the organisation (saying so on the screen while it is
  /// still being written), the later ones append a tick.
  func advance(to now: Timestamp, progress: @Sendable (LoadProgress) -> Void) {
    guard !firstPoll else {
      firstPoll = false
      generation.lock()
      let done = written
      generation.unlock()
      if !done { progress(LoadProgress(work: .generatingDemo)) }
      awaitGeneration()
      return
    }
    try? simulator.appendTick(at: now)
  }
}
