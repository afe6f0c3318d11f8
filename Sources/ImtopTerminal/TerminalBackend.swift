import ImtopUI

/// What `TerminalRunLoop` needs from a terminal: its size and capabilities, a way to show the cells
/// that changed, the input waiting, and a way to sleep until there is something to do.
///
/// `TerminalScreen` is the ncurses one; tests drive the loop with a recording backend that applies
/// the changes to a `Buffer`, so the loop and the dashboard run without a pseudo-terminal.
public protocol TerminalBackend: AnyObject {
  /// The window size in cells.
  var size: Size { get }
  var capabilities: TerminalCapabilities { get }

  /// Shows `changes`, the cells that differ from what the terminal shows; when `theme` differs from
  /// the one of the previous call, `changes` holds every cell. Returns the number of cells written.
  @discardableResult
  func draw(_ changes: [CellChange], theme: Theme) -> Int

  /// Every input event already waiting (at most `limit`), without blocking.
  func pendingEvents(limit: Int) -> [InputEvent]

  /// Sleeps until input is waiting, `wakeDescriptor` is readable, a signal arrives, or the timeout
  /// passes (-1: no timeout). Returns the signals received since the last call, in order.
  func wait(wakeDescriptor: Int32, timeoutMilliseconds: Int32) throws(TerminalError) -> [Int32]

  /// Reads the window size again (after SIGWINCH): the resize event when it changed, nil otherwise.
  func updateSize() -> InputEvent?

  /// Gives the terminal back as it was. Safe to call more than once; nothing is drawn afterwards.
  func restore()
}
