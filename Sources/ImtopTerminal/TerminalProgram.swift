import ImtopUI

/// What the program asks the run loop to do after it handled something.
public enum TerminalAction: Hashable, Sendable {
  /// Nothing visible changed: no frame is rendered.
  case unchanged
  /// State changed: render a frame (only the cells that differ reach the terminal).
  case redraw
  /// Render a frame and repaint every cell (Ctrl-L: something else wrote over the screen).
  case repaint
  /// Give the terminal back and stop the process, as Ctrl-Z does in a shell; when it is continued
  /// (`fg`), take the terminal again and repaint every cell.
  case suspend
  /// Restore the terminal and end the loop with exit status 0.
  case quit
}

/// The program a `TerminalRunLoop` drives: it renders frames, reacts to input, receives messages from
/// background work, and says when it quits. It never touches the terminal itself.
///
/// The methods are `mutating` so a value type (state + update + view) can conform as well as a class.
public protocol TerminalProgram {
  /// What background work (the file poller, a simulator) sends to the program.
  associatedtype Message: Sendable

  /// The theme frames are drawn with; read before each frame, so a theme switch shows at once.
  var theme: Theme { get }

  /// How often the program wants `tick()` called, aligned to the wall clock (every whole second for a
  /// header clock); nil for never. Between ticks, input and messages, the loop sleeps.
  var tickInterval: Duration? { get }

  /// Called once before the first frame with what the terminal supports (colour depth, UTF-8), so
  /// the program can, say, switch to ASCII drawing.
  mutating func start(_ capabilities: TerminalCapabilities) -> TerminalAction

  /// The whole frame at this size. The loop compares it with the last one and sends the difference.
  func render(size: Size) -> Buffer

  /// A key press, mouse press or resize. The terminal's size arrives as a resize after `start` and
  /// before the first frame, then again whenever it changes.
  mutating func handle(_ event: InputEvent) -> TerminalAction

  /// A message posted to the loop's mailbox by another thread.
  mutating func receive(_ message: Message) -> TerminalAction

  /// The clock ticked (see `tickInterval`).
  mutating func tick() -> TerminalAction
}

extension TerminalProgram {
  public var tickInterval: Duration? { .seconds(1) }
  public mutating func start(_ capabilities: TerminalCapabilities) -> TerminalAction { .redraw }
  public mutating func tick() -> TerminalAction { .redraw }
}
