import ImtopTerminal
import ImtopUI

/// What frames cost on the wire: drawn by the real ncurses path on a pseudo-terminal, the bytes that
/// came out counted on the other side. For the benchmark's bytes-per-frame and bytes-per-cell figures.
public enum FrameCost {
  /// One frame's cost.
  public struct Sample: Hashable, Sendable {
    /// Cells the diff wrote into ncurses' window.
    public var cellsWritten: Int
    /// Bytes the terminal received for the frame.
    public var bytes: Int
  }

  /// Draws `frames` in order on a fresh screen the size of the first one and measures each.
  ///
  /// ncurses keeps global state: call this from one thread, with no other `TerminalScreen` open.
  public static func measure(
    _ frames: [Buffer], theme: Theme, terminalName: String = "xterm-256color", environment: [String: String] = [:]
  ) throws(TerminalError) -> [Sample] {
    guard let first = frames.first else { return [] }
    let terminal = try PseudoTerminal(size: first.size)
    var options = terminal.screenOptions(terminalName: terminalName, environment: environment)
    options.enableMouse = false
    let screen = try TerminalScreen(options: options)
    defer { screen.restore() }
    // The start-up sequences (alternate screen, keypad mode) are not part of any frame.
    _ = terminal.drainOutput()
    var samples: [Sample] = []
    for frame in frames {
      let cells = screen.draw(frame, theme: theme)
      let bytes = terminal.drainOutput()?.count ?? 0
      samples.append(Sample(cellsWritten: cells, bytes: bytes))
    }
    return samples
  }
}
