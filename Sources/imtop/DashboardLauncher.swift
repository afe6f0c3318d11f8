import ArgumentParser
import Foundation
import ImtopCore
import ImtopTerminal
import ImtopUI

/// Starts the live dashboard on a data directory: the terminal, the poller thread feeding it, and
/// for the demo the simulator that keeps appending samples. Returns the exit status.
struct DashboardLauncher {
  var directory: URL
  var display: DisplayOptions
  var live: LiveOptions
  /// Set for the demo: the organisation is generated on the poller thread before its first poll
  /// (so the first frame does not wait for it) and the simulator appends before every poll.
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
    let screen: TerminalScreen
    do {
      screen = try TerminalScreen(
        options: TerminalScreen.Options(
          noColor: display.colorOff, crashReportNote: CrashReport.note(environment: display.environment)))
    } catch {
      FileHandle.standardError.write(Data("\(error)\n".utf8))
      return error.exitStatus
    }
    let mailbox: TerminalMailbox<LiveUpdate>
    do {
      mailbox = try TerminalMailbox<LiveUpdate>(merge: LiveUpdate.merged)
    } catch {
      screen.restore()
      FileHandle.standardError.write(Data("\(error)\n".utf8))
      return error.exitStatus
    }
    let poller = Poller(directory: directory.path, clock: clock)
    let session = LiveSession(poller: poller)
    let feed = LiveFeed(
      session: session, clock: clock, intervalOverride: interval, beforePoll: demo.map { makeSimulator($0) },
      deliver: { update in mailbox.post(update) })
    let overrides = DashboardProgram.Overrides(
      theme: display.theme, drawingMode: display.ascii ? .ascii : nil, kiosk: live.kiosk, redactCosts: display.redactCosts)
    let program = DashboardProgram(
      configuration: poller.store.configuration, overrides: overrides, catalog: display.catalog, clock: clock,
      requestReread: { [feed] in feed.requestPoll() })
    feed.start()
    defer { feed.stop() }
    do {
      return try TerminalRunLoop(backend: screen, program: program, mailbox: mailbox).run()
    } catch {
      FileHandle.standardError.write(Data("\(error)\n".utf8))
      return error.exitStatus
    }
  }

  /// The work the demo does before each poll: write the organisation once, then append a tick.
  private func makeSimulator(_ setup: DemoSetup) -> @Sendable (Timestamp) -> Void {
    let state = DemoState(directory: directory, setup: setup)
    return { now in state.advance(to: now) }
  }
}

/// The demo's generator and simulator, used only from the poller thread.
private final class DemoState: @unchecked Sendable {
  let directory: URL
  let seed: UInt64
  var simulator: DemoSimulator
  var generated = false

  init(directory: URL, setup: DashboardLauncher.DemoSetup) {
    self.directory = directory
    self.seed = setup.seed
    self.simulator = DemoSimulator(directory: directory, seed: setup.seed, speed: setup.speed)
  }

  func advance(to now: Timestamp) {
    if !generated {
      generated = true
      // The command has checked that the folder is new, empty, a previous demo or forced: the demo is
      // generated afresh at the current time, so its history ends now rather than at an older run.
      try? DemoGenerator(seed: seed, now: now).write(to: directory)
      return
    }
    try? simulator.appendTick(at: now)
  }
}
