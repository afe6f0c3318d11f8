import ImtopUI

/// What woke `TerminalBackend.wait`.
public struct TerminalWake: Hashable, Sendable {
  /// The signals received since the last wait, in order.
  public var signals: [Int32]
  /// The terminal is gone: a hang-up or an error on it (a closed pseudo-terminal, without SIGHUP).
  public var hungUp: Bool
  /// The terminal accepts output again (reported only when the wait watched output).
  public var outputReady: Bool

  public init(signals: [Int32] = [], hungUp: Bool = false, outputReady: Bool = false) {
    self.signals = signals
    self.hungUp = hungUp
    self.outputReady = outputReady
  }
}

/// What `TerminalRunLoop` needs from a terminal: its size and capabilities, a way to show the cells
/// that changed, the input waiting, and a way to sleep until there is something to do.
///
/// `TerminalScreen` is the ncurses one; tests drive the loop with a recording backend that applies
/// the changes to a `Buffer`, so the loop and the dashboard run without a pseudo-terminal.
///
/// Drawing never blocks: a frame's output is queued and sent as the terminal takes it
/// (`sendOutput`); while some is pending the loop draws no other frame, and a frame the terminal
/// does not take is dropped (`dropPendingOutput`) and followed by a full repaint.
public protocol TerminalBackend: AnyObject {
  /// The window size in cells.
  var size: Size { get }
  var capabilities: TerminalCapabilities { get }

  /// Shows `changes`, the cells that differ from what the terminal shows; when `theme` differs from
  /// the one of the previous call, `changes` holds every cell. Queues the frame's output and sends
  /// what the terminal takes at once, without waiting. Returns the number of cells written.
  @discardableResult
  func draw(_ changes: [CellChange], theme: Theme) -> Int

  /// Whether output drawn is still waiting for the terminal.
  var hasPendingOutput: Bool { get }

  /// Sends what the terminal takes now of the pending output, without waiting.
  func sendOutput() -> OutputProgress

  /// Forgets the pending output: the terminal shows part of a frame, so the next `draw` starts from
  /// a reset and repaints the whole screen (the caller sends every cell).
  func dropPendingOutput()

  /// Forgets what the terminal shows, so the next `draw` repaints the whole screen (the caller
  /// sends every cell): Ctrl-L, after something else wrote over it.
  func invalidate()

  /// Every input event already waiting (at most `limit`), without blocking.
  func pendingEvents(limit: Int) -> [InputEvent]

  /// Sleeps until input is waiting, `wakeDescriptor` is readable, a signal arrives, the terminal
  /// hangs up, it takes output again (with `watchOutput`), or the timeout passes (-1: none).
  func wait(wakeDescriptor: Int32, timeoutMilliseconds: Int32, watchOutput: Bool) throws(TerminalError) -> TerminalWake

  /// Reads the window size again (after SIGWINCH): the resize event when it changed, nil otherwise.
  func updateSize() -> InputEvent?

  /// Job control: gives the terminal back to the shell (as `restore` does, but keeping everything
  /// needed to come back), stops the process as SIGTSTP's default action does, and once it is
  /// continued takes the terminal again (`resume`). The next `draw` repaints the whole screen.
  func suspend()

  /// Takes the terminal again after the process was stopped and continued (SIGCONT): the program's
  /// terminal modes back, and the next `draw` repaints the whole screen, since the shell or another
  /// program drew over it meanwhile.
  func resume()

  /// Gives the terminal back as it was, without blocking on a terminal that stopped reading. Safe to
  /// call more than once; nothing is drawn afterwards.
  func restore()
}
