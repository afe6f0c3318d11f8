import Foundation
import ImtopUI

/// The dashboard's event loop: one thread that sleeps until the terminal has input, the mailbox has
/// messages, the clock ticks or a signal arrives (`TerminalBackend.wait`), never otherwise.
///
/// Before the first frame the program gets the terminal's capabilities and its real size (as a
/// resize), so nothing is laid out for a size the terminal does not have. Each wake-up then gives
/// the program its input, messages or tick; when any of them asks for a redraw, it renders a frame
/// and the backend gets only the cells that changed. The terminal is restored on every way out:
/// quit, SIGINT/SIGTERM/SIGHUP, or an error.
public final class TerminalRunLoop<Program: TerminalProgram> {
  public private(set) var program: Program
  public let backend: any TerminalBackend
  /// Where other threads post messages for the program.
  public let mailbox: TerminalMailbox<Program.Message>
  private let clock: @Sendable () -> Int64
  private var needsFrame = true
  private var frames = FrameDiff()

  /// - Parameter clock: wall-clock nanoseconds since the epoch, for the tick schedule.
  public init(
    backend: any TerminalBackend, program: Program, mailbox: TerminalMailbox<Program.Message>,
    clock: @escaping @Sendable () -> Int64 = TickSchedule.wallClock
  ) {
    self.backend = backend
    self.program = program
    self.mailbox = mailbox
    self.clock = clock
  }

  /// Runs until the program quits or a signal arrives, then restores the terminal.
  ///
  /// - Returns: the exit status: 0 after `.quit`, 128 + the signal number after a signal (130 for
  ///   SIGINT, 143 for SIGTERM, 129 for SIGHUP), as shells report it.
  /// - Throws: `TerminalError.systemCallFailed` if waiting fails; the terminal is restored first.
  public func run() throws(TerminalError) -> Int32 {
    defer { backend.restore() }
    let schedule = program.tickInterval.map(TickSchedule.init(interval:))
    var nextTick = schedule?.nextTick(after: clock())
    if apply(program.start(backend.capabilities)) { return 0 }
    if apply(program.handle(.resize(backend.size))) { return 0 }

    while true {
      if needsFrame { drawFrame() }
      let timeout = nextTick.map { TickSchedule.timeoutMilliseconds(from: clock(), until: $0) } ?? -1
      var events: [InputEvent] = []
      for signal in try backend.wait(wakeDescriptor: mailbox.wakeDescriptor, timeoutMilliseconds: timeout) {
        guard signal == SIGWINCH else { return 128 + signal }
        if let resize = backend.updateSize() { events.append(resize) }
      }
      for event in events + backend.pendingEvents(limit: 256) {
        if case .resize = event {
          frames.invalidate()
          needsFrame = true
        }
        if apply(program.handle(event)) { return 0 }
      }
      for message in mailbox.takeAll() {
        if apply(program.receive(message)) { return 0 }
      }
      if let schedule, let due = nextTick, clock() >= due {
        nextTick = schedule.nextTick(after: clock())
        if apply(program.tick()) { return 0 }
      }
    }
  }

  /// Renders a frame at the backend's size and sends the cells that changed (none: nothing is sent).
  public func drawFrame() {
    needsFrame = false
    let theme = program.theme
    backend.draw(frames.changes(to: program.render(size: backend.size), theme: theme), theme: theme)
  }

  /// Records what an action asks for; true when it is `.quit`.
  private func apply(_ action: TerminalAction) -> Bool {
    switch action {
    case .unchanged: return false
    case .redraw:
      needsFrame = true
      return false
    case .quit: return true
    }
  }
}
