import CNCursesW
import FoundationEssentials
import ImtopUI

/// The dashboard's event loop: one thread that sleeps until the terminal has input, the mailbox has
/// messages, the clock ticks, a signal arrives or the terminal takes pending output
/// (`TerminalBackend.wait`), never otherwise.
///
/// Before the first frame the program gets the terminal's capabilities and its real size (as a
/// resize), so nothing is laid out for a size the terminal does not have. Each wake-up then gives
/// the program its input, messages or tick; when any of them asks for a redraw, it renders a frame
/// and the backend gets only the cells that changed. The terminal is restored on every way out:
/// quit, SIGINT/SIGTERM/SIGHUP, the terminal hanging up, or an error. Job control gives it back
/// while the process is stopped: Ctrl-Z (the program's `.suspend`) or SIGTSTP stop the process with
/// the terminal restored, and once continued the screen is taken again and repainted in full, as
/// after a SIGCONT that follows any other stop.
///
/// The loop never waits on the terminal's output (README, Commands: a terminal that stops reading).
/// While a frame's output is pending no other frame is drawn: input, messages and ticks keep
/// changing the program's state, and the newest state is drawn once the terminal has taken the
/// frame. A frame the terminal takes nothing of for `outputStallTimeout` is dropped; once the
/// terminal takes output again, the next frame repaints the whole screen.
public final class TerminalRunLoop<Program: TerminalProgram> {
  /// What happened to the frames drawn.
  public struct OutputStatistics: Hashable, Sendable {
    /// Frames that reached the backend.
    public var framesDrawn = 0
    /// Frames dropped because the terminal took none of their output in time.
    public var framesDropped = 0
    /// Frames that repainted the whole screen after a dropped one.
    public var fullRepaints = 0
    /// Times a frame was due while the previous one was still being sent (drawn later, merged).
    public var framesDeferred = 0
  }

  /// The exit status when the terminal goes away: as for SIGHUP, 128 + 1.
  public static var hangUpStatus: Int32 { 128 + SIGHUP }

  public private(set) var program: Program
  public let backend: any TerminalBackend
  /// Where other threads post messages for the program.
  public let mailbox: TerminalMailbox<Program.Message>
  public private(set) var statistics = OutputStatistics()
  private let clock: @Sendable () -> Int64
  /// When freed memory was last given back to the system (`run`), on `clock`.
  private var lastMemoryRelease: Int64 = 0
  /// When the code pages are next let go of (`run`), on `clock`, and how many times they were.
  private var nextCodeTrim: Int64 = 0
  private var codeTrims = 0
  private let trimCode: () -> Void
  private let stallNanoseconds: Int64
  private var needsFrame = true
  private var frames = FrameDiff()
  /// A frame was dropped: nothing is drawn until the terminal takes output again.
  private var awaitingTerminal = false
  private var repaintsNext = false
  /// When the terminal last took some output (or a frame was queued), on `clock`.
  private var lastProgress: Int64 = 0
  /// Work that waits for the first frame (the dashboard's poller), called once it is sent.
  private var afterFirstFrame: (() -> Void)?

  /// - Parameters:
  ///   - clock: wall-clock nanoseconds since the epoch, for the tick schedule and the stall timeout.
  ///   - outputStallTimeout: how long a frame may wait with the terminal taking none of it.
  ///   - afterFirstFrame: called once, on the loop's thread, when the first frame has been handed to
  ///     the terminal (or could not be): slow work started there never delays it.
  ///   - trimCode: gives back freed memory and lets go of the code pages, at `codeTrimDelays` (the
  ///     tests count the calls).
  public init(
    backend: any TerminalBackend, program: Program, mailbox: TerminalMailbox<Program.Message>,
    clock: @escaping @Sendable () -> Int64 = TickSchedule.wallClock, outputStallTimeout: Duration = .seconds(1),
    afterFirstFrame: (() -> Void)? = nil, trimCode: @escaping () -> Void = {
      ProcessHeap.releaseFreeMemory()
      _ = imtop_trim_code_pages()
    }
  ) {
    self.afterFirstFrame = afterFirstFrame
    self.trimCode = trimCode
    self.backend = backend
    self.program = program
    self.mailbox = mailbox
    self.clock = clock
    self.stallNanoseconds = TickSchedule(interval: outputStallTimeout).intervalNanoseconds
  }

  /// Runs until the program quits, a signal arrives or the terminal goes away, then restores the
  /// terminal.
  ///
  /// - Returns: the exit status: 0 after `.quit`, 128 + the signal number after a signal (130 for
  ///   SIGINT, 143 for SIGTERM, 129 for SIGHUP), as shells report it; 129 when the terminal hung up.
  /// - Throws: `TerminalError.systemCallFailed` if waiting fails; the terminal is restored first.
  public func run() throws(TerminalError) -> Int32 {
    defer { backend.restore() }
    let schedule = program.tickInterval.map(TickSchedule.init(interval:))
    var nextTick = schedule?.nextTick(after: clock())
    if apply(program.start(backend.capabilities)) { return 0 }
    if apply(program.handle(.resize(backend.size))) { return 0 }
    nextCodeTrim = clock() + Self.codeTrimDelays[0]

    while true {
      if backend.hasPendingOutput, !send() { return Self.hangUpStatus }
      if needsFrame {
        if backend.hasPendingOutput || awaitingTerminal {
          statistics.framesDeferred += 1
        } else {
          drawFrame()
          if backend.hasPendingOutput, !send() { return Self.hangUpStatus }
        }
      }
      if let first = afterFirstFrame {
        afterFirstFrame = nil
        first()
      }
      var timeout = nextTick.map { TickSchedule.timeoutMilliseconds(from: clock(), until: $0) } ?? -1
      if backend.hasPendingOutput {
        let stall = TickSchedule.timeoutMilliseconds(from: clock(), until: lastProgress + stallNanoseconds)
        timeout = timeout < 0 ? stall : min(timeout, stall)
      }
      let wake = try backend.wait(
        wakeDescriptor: mailbox.wakeDescriptor, timeoutMilliseconds: timeout,
        watchOutput: backend.hasPendingOutput || awaitingTerminal)
      if wake.hungUp { return Self.hangUpStatus }
      if wake.outputReady && awaitingTerminal {
        awaitingTerminal = false
        lastProgress = clock()
      }
      var events: [InputEvent] = []
      for signal in wake.signals {
        switch signal {
        case SIGWINCH: break
        case SIGTSTP: backend.suspend()
        case SIGCONT: backend.resume()
        default: return 128 + signal
        }
        if signal != SIGWINCH { invalidateFrames() }
        if let resize = backend.updateSize() { events.append(resize) }
      }
      for event in events + backend.pendingEvents(limit: 256) {
        if case .resize = event { invalidateFrames() }
        if apply(program.handle(event)) { return 0 }
      }
      let messages = mailbox.takeAll()
      for message in messages {
        if apply(program.receive(message)) { return 0 }
      }
      // The figures just replaced were built on the feed's thread, in memory the allocator keeps for
      // that thread once freed: given back here, so a large portfolio's resident memory is what its
      // newest figures hold rather than the most any two of them ever did. At most every 30 s, as
      // giving back costs system calls and figures come as often as every second.
      if !messages.isEmpty, clock() - lastMemoryRelease >= 30_000_000_000 {
        lastMemoryRelease = clock()
        ProcessHeap.releaseFreeMemory()
      }
      if clock() >= nextCodeTrim {
        codeTrims += 1
        nextCodeTrim = clock() + Self.codeTrimDelays[min(codeTrims, Self.codeTrimDelays.count - 1)]
        trimCode()
      }
      if let schedule, let due = nextTick, clock() >= due {
        nextTick = schedule.nextTick(after: clock())
        if apply(program.tick()) { return 0 }
      }
    }
  }

  /// When the code pages (and read-only file data) are let go of, each after the one before (the
  /// first after the start): the code that only starting ran (parsing the command line, a demo's
  /// history, the first load) stops counting as resident, and what stays is what the dashboard
  /// still runs, about 10 MB of 24 in the live demo. Then every 10 minutes, for whatever a resize,
  /// the help or a rare page ran since.
  static var codeTrimDelays: [Int64] { [2_000_000_000, 8_000_000_000, 50_000_000_000, 600_000_000_000] }

  /// Renders a frame at the backend's size and sends the cells that changed (none: nothing is sent).
  /// After a dropped frame every cell is sent, and the backend repaints the whole screen.
  public func drawFrame() {
    needsFrame = false
    let theme = program.theme
    if repaintsNext { frames.invalidate() }
    let written = backend.draw(frames.changes(to: program.render(size: backend.size), theme: theme), theme: theme)
    guard written > 0 else { return }
    statistics.framesDrawn += 1
    if repaintsNext {
      repaintsNext = false
      statistics.fullRepaints += 1
    }
    lastProgress = clock()
  }

  /// Sends pending output; drops the frame when the terminal took none of it for the stall timeout.
  /// False when the terminal is gone.
  private func send() -> Bool {
    switch backend.sendOutput() {
    case .gone:
      return false
    case .sent:
      lastProgress = clock()
    case .blocked(let progressed):
      if progressed {
        lastProgress = clock()
      } else if clock() - lastProgress >= stallNanoseconds {
        backend.dropPendingOutput()
        statistics.framesDropped += 1
        awaitingTerminal = true
        repaintsNext = true
        needsFrame = true
      }
    }
    return true
  }

  /// Records what an action asks for; true when it is `.quit`.
  private func apply(_ action: TerminalAction) -> Bool {
    switch action {
    case .unchanged: return false
    case .redraw:
      needsFrame = true
      return false
    case .repaint:
      frames.invalidate()
      backend.invalidate()
      needsFrame = true
      return false
    case .suspend:
      backend.suspend()
      invalidateFrames()
      // The window may have changed size while the process was stopped.
      if let resize = backend.updateSize() { return apply(program.handle(resize)) }
      return false
    case .quit: return true
    }
  }

  /// The next frame sends every cell.
  private func invalidateFrames() {
    frames.invalidate()
    needsFrame = true
  }
}
