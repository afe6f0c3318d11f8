import Foundation
import ImtopTerminal
import ImtopUI

/// A terminal in memory for driving `TerminalRunLoop` in tests: it applies the changes it is given to
/// a `Buffer` (what a real terminal would show), and plays a script of input, resizes, signals, a
/// terminal that stops reading or hangs up, and time passing, one step each time the loop waits.
/// With the script played out, it waits on the mailbox (and the loop's tick timeout) like a quiet
/// terminal.
///
/// While its output is blocked, frames drawn wait (unapplied) until it is unblocked; a dropped frame
/// leaves the screen unknown (every cell "?", as a half-sent frame would), so only a full repaint
/// makes it right again.
public final class RecordingBackend: TerminalBackend {
  /// One thing that happens while the loop waits.
  public enum Step {
    /// Keys or mouse presses typed at once.
    case input([InputEvent])
    /// Input chosen when the step comes, from what the screen shows then (a click on a row).
    case look((Buffer) -> [InputEvent])
    /// The window is resized; the loop hears of it by SIGWINCH, as from a terminal emulator.
    case resize(Size)
    /// A signal arrives (SIGTERM, SIGINT...), without sending one to the process.
    case signal(Int32)
    /// The terminal stops taking output (a hung SSH link).
    case blockOutput
    /// It takes output again.
    case unblockOutput
    /// The terminal goes away without a signal (POLLHUP, EIO).
    case hangUp
    /// Time passes on `clock` (for the loop's stall timeout).
    case elapse(Duration)
  }

  public private(set) var size: Size
  public let capabilities: TerminalCapabilities
  /// What the terminal shows: every change drawn so far applied to a buffer of the window's size.
  public private(set) var screen: Buffer
  /// Calls to `draw` that wrote at least one cell, and the cells they wrote.
  public private(set) var frames = 0
  public private(set) var cellsWritten = 0
  /// The name of the theme the last frame was drawn with.
  public private(set) var themeName: String?
  public private(set) var isRestored = false
  /// Times the terminal was given back for a stop (`suspend`), and taken again after a continue.
  public private(set) var suspensions = 0
  public private(set) var resumptions = 0
  /// The clock to give the run loop, moved by `.elapse` steps.
  public let clock = SteppedClock()
  public private(set) var isOutputBlocked = false
  public private(set) var isHungUp = false
  /// Frames drawn and not yet shown, and the most that ever waited at once.
  public private(set) var pendingFrames: [[CellChange]] = []
  public private(set) var mostPendingFrames = 0
  /// Frames dropped, and the draws after a drop that covered every cell.
  public private(set) var framesDropped = 0
  public private(set) var fullRepaints = 0
  private var repaintDue = false
  private var script: [Step]
  private var pending: [InputEvent] = []
  private var reportedSize: Size?

  public init(size: Size, capabilities: TerminalCapabilities = RecordingBackend.capabilities(), script: [Step] = []) {
    self.size = size
    self.capabilities = capabilities
    self.screen = Buffer(size: size)
    self.script = script
  }

  /// A UTF-8 truecolor terminal, unless told otherwise.
  public static func capabilities(
    colorDepth: ColorDepth = .truecolor, isUTF8: Bool = true, terminalName: String = "recording"
  ) -> TerminalCapabilities {
    TerminalCapabilities(
      terminalName: terminalName, colorDepth: colorDepth, reportedColorDepth: colorDepth, isUTF8: isUTF8,
      codeset: isUTF8 ? "UTF-8" : "ANSI_X3.4-1968", colors: colorDepth == .none ? 0 : 256, colorPairs: 65_536)
  }

  /// Adds steps to the script.
  public func append(_ steps: Step...) {
    script += steps
  }

  @discardableResult
  public func draw(_ changes: [CellChange], theme: Theme) -> Int {
    guard !isRestored else { return 0 }
    themeName = theme.name
    let shown = changes.filter { $0.x < size.width && $0.y < size.height }
    guard !shown.isEmpty else { return 0 }
    frames += 1
    cellsWritten += shown.count
    if repaintDue {
      repaintDue = false
      // Every cell, a wide grapheme covering the cell to its right.
      var covered = Set(shown.map { $0.y * size.width + $0.x })
      for change in shown where SafeText.width(change.cell.grapheme) == 2 && change.x + 1 < size.width {
        covered.insert(change.y * size.width + change.x + 1)
      }
      if covered.count == size.width * size.height { fullRepaints += 1 }
    }
    pendingFrames.append(shown)
    mostPendingFrames = max(mostPendingFrames, pendingFrames.count)
    _ = sendOutput()
    return shown.count
  }

  public var hasPendingOutput: Bool { !pendingFrames.isEmpty }

  public func sendOutput() -> OutputProgress {
    if isHungUp { return .gone }
    if isOutputBlocked { return pendingFrames.isEmpty ? .sent : .blocked(progressed: false) }
    for frame in pendingFrames { apply(frame) }
    pendingFrames.removeAll()
    return .sent
  }

  /// Forgets what is shown (a repaint on demand): the next frame must cover every cell.
  public func invalidate() {
    repaintDue = true
    for y in 0..<size.height {
      for x in 0..<size.width { screen[x, y] = Cell("?") }
    }
  }

  public func dropPendingOutput() {
    pendingFrames.removeAll()
    framesDropped += 1
    repaintDue = true
    for y in 0..<size.height {
      for x in 0..<size.width { screen[x, y] = Cell("?") }
    }
  }

  private func apply(_ changes: [CellChange]) {
    for change in changes where change.x < size.width && change.y < size.height {
      screen[change.x, change.y] = change.cell
      // The right half of a wide grapheme: the terminal fills it with the same colours.
      if SafeText.width(change.cell.grapheme) == 2, change.x + 1 < size.width {
        var half = change.cell
        half.grapheme = ""
        screen[change.x + 1, change.y] = half
      }
    }
  }

  public func pendingEvents(limit: Int) -> [InputEvent] {
    let taken = Array(pending.prefix(limit))
    pending.removeFirst(taken.count)
    return taken
  }

  public func wait(wakeDescriptor: Int32, timeoutMilliseconds: Int32, watchOutput: Bool) throws(TerminalError) -> TerminalWake {
    guard !script.isEmpty else {
      if watchOutput && !isOutputBlocked { return TerminalWake(outputReady: true) }
      var descriptor = pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0)
      _ = poll(&descriptor, 1, timeoutMilliseconds)
      return TerminalWake()
    }
    switch script.removeFirst() {
    case .input(let events):
      pending += events
    case .look(let choose):
      pending += choose(screen)
    case .resize(let newSize):
      reportedSize = newSize
      return TerminalWake(signals: [SIGWINCH])
    case .signal(let number):
      return TerminalWake(signals: [number])
    case .blockOutput:
      isOutputBlocked = true
    case .unblockOutput:
      isOutputBlocked = false
      return TerminalWake(outputReady: watchOutput)
    case .hangUp:
      isHungUp = true
      return TerminalWake(hungUp: true)
    case .elapse(let duration):
      clock.advance(by: duration)
    }
    return TerminalWake()
  }

  public func updateSize() -> InputEvent? {
    guard let newSize = reportedSize, newSize != size else { return nil }
    reportedSize = nil
    size = newSize
    // A terminal emulator's resize leaves nothing dependable on screen: start from blank.
    screen = Buffer(size: newSize)
    return .resize(newSize)
  }

  /// Job control without stopping anything: counted, and the screen is left unknown (the shell drew
  /// over it), so only a full repaint makes it right again.
  public func suspend() {
    suspensions += 1
    resume()
  }

  public func resume() {
    resumptions += 1
    invalidate()
  }

  public func restore() {
    isRestored = true
  }
}
