import Foundation
import ImtopTerminal
import ImtopUI

/// A terminal in memory for driving `TerminalRunLoop` in tests: it applies the changes it is given to
/// a `Buffer` (what a real terminal would show), and plays a script of input, resizes and signals,
/// one step each time the loop waits. With the script played out, it waits on the mailbox (and the
/// loop's tick timeout) like a quiet terminal.
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
  public static func capabilities(colorDepth: ColorDepth = .truecolor, isUTF8: Bool = true) -> TerminalCapabilities {
    TerminalCapabilities(
      terminalName: "recording", colorDepth: colorDepth, reportedColorDepth: colorDepth, isUTF8: isUTF8,
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
    var written = 0
    for change in changes where change.x < size.width && change.y < size.height {
      screen[change.x, change.y] = change.cell
      // The right half of a wide grapheme: the terminal fills it with the same colours.
      if SafeText.width(change.cell.grapheme) == 2, change.x + 1 < size.width {
        var half = change.cell
        half.grapheme = ""
        screen[change.x + 1, change.y] = half
      }
      written += 1
    }
    if written > 0 { frames += 1 }
    cellsWritten += written
    return written
  }

  public func pendingEvents(limit: Int) -> [InputEvent] {
    let taken = Array(pending.prefix(limit))
    pending.removeFirst(taken.count)
    return taken
  }

  public func wait(wakeDescriptor: Int32, timeoutMilliseconds: Int32) throws(TerminalError) -> [Int32] {
    guard !script.isEmpty else {
      var descriptor = pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0)
      _ = poll(&descriptor, 1, timeoutMilliseconds)
      return []
    }
    switch script.removeFirst() {
    case .input(let events):
      pending += events
      return []
    case .look(let choose):
      pending += choose(screen)
      return []
    case .resize(let newSize):
      reportedSize = newSize
      return [SIGWINCH]
    case .signal(let number):
      return [number]
    }
  }

  public func updateSize() -> InputEvent? {
    guard let newSize = reportedSize, newSize != size else { return nil }
    reportedSize = nil
    size = newSize
    // A terminal emulator's resize leaves nothing dependable on screen: start from blank.
    screen = Buffer(size: newSize)
    return .resize(newSize)
  }

  public func restore() {
    isRestored = true
  }
}
