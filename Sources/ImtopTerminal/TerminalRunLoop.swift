import CNCursesW
import Foundation
import ImtopUI

/// The dashboard's event loop: one thread that sleeps in `poll(2)` on the terminal, the mailbox's
/// wake-up pipe and the signal pipe, and wakes for input, background messages, the clock tick or a
/// signal, never otherwise.
///
/// Each wake-up gives the program its input, messages or tick; when any of them asks for a redraw,
/// it renders a frame and the screen sends only the cells that changed. The terminal is restored on
/// every way out: quit, SIGINT/SIGTERM/SIGHUP, or an error.
public final class TerminalRunLoop<Program: TerminalProgram> {
  public private(set) var program: Program
  public let screen: TerminalScreen
  /// Where other threads post messages for the program.
  public let mailbox: TerminalMailbox<Program.Message>
  private let clock: @Sendable () -> Int64
  private var needsFrame = true

  /// - Parameter clock: wall-clock nanoseconds since the epoch, for the tick schedule.
  public init(
    screen: TerminalScreen, program: Program, mailbox: TerminalMailbox<Program.Message>,
    clock: @escaping @Sendable () -> Int64 = TickSchedule.wallClock
  ) {
    self.screen = screen
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
    defer { screen.restore() }
    let schedule = program.tickInterval.map(TickSchedule.init(interval:))
    var nextTick = schedule?.nextTick(after: clock())
    if apply(program.start(screen.capabilities)) { return 0 }

    while true {
      if needsFrame { drawFrame() }
      let timeout = nextTick.map { TickSchedule.timeoutMilliseconds(from: clock(), until: $0) } ?? -1
      var events: [InputEvent] = []
      for signal in try wait(timeoutMilliseconds: timeout) {
        guard signal == SIGWINCH else { return 128 + signal }
        if let resize = screen.updateSize() { events.append(resize) }
      }
      for event in events + screen.pendingEvents() {
        if case .resize = event { needsFrame = true }
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

  /// Renders and draws a frame now (the screen skips it when no cell changed).
  public func drawFrame() {
    needsFrame = false
    let frame = program.render(size: screen.size)
    screen.draw(frame, theme: program.theme)
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

  /// Sleeps until input, a message, a signal or the timeout; returns the signals received.
  private func wait(timeoutMilliseconds: Int32) throws(TerminalError) -> [Int32] {
    var descriptors = [
      pollfd(fd: screen.inputDescriptor, events: Int16(POLLIN), revents: 0),
      pollfd(fd: mailbox.wakeDescriptor, events: Int16(POLLIN), revents: 0),
    ]
    if let signals = screen.signals {
      descriptors.append(pollfd(fd: signals.readEnd, events: Int16(POLLIN), revents: 0))
    }
    let result = poll(&descriptors, nfds_t(descriptors.count), timeoutMilliseconds)
    // A signal interrupts the wait (EINTR); its byte is in the signal pipe by then.
    if result < 0 && errno != EINTR { throw .systemCallFailed(operation: "poll", code: errno) }
    return screen.signals?.takeSignals() ?? []
  }
}
