import CNCursesW
import FoundationEssentials

/// Sending what was drawn: ncurses writes into memory (see `TerminalOutput`), and these move it to
/// the terminal as fast as the terminal takes it, never waiting on it.
extension TerminalScreen {
  /// Whether drawn output is still waiting for the terminal.
  public var hasPendingOutput: Bool {
    guard !isRestored else { return false }
    absorbCursesOutput()
    return output.pendingCount > 0
  }

  /// Sends what the terminal takes now, without waiting.
  public func sendOutput() -> OutputProgress {
    guard !isRestored else { return .sent }
    absorbCursesOutput()
    return output.send()
  }

  /// Forgets what the terminal has not taken; the next `draw` starts with a reset (CAN, then the
  /// attributes) and ncurses repaints the whole screen.
  public func dropPendingOutput() {
    guard !isRestored else { return }
    output.discard()
    statistics.framesDropped += 1
    needsReset = true
    invalidate()
  }

  /// Sends everything pending, waiting while the terminal keeps taking bytes (for tests and the
  /// benchmark, which read what was drawn; the run loop never waits). True when all was sent.
  @discardableResult
  public func finishOutput(timeoutMilliseconds: Int32 = 5_000) -> Bool {
    guard !isRestored else { return true }
    absorbCursesOutput()
    return output.finish(idleMilliseconds: timeoutMilliseconds, totalMilliseconds: timeoutMilliseconds)
  }

  /// Takes what ncurses wrote into the pending output; when the ANSI writer draws, drops it instead
  /// (a refresh ncurses made on its own, of a window the writer already sent).
  func absorbCursesOutput() {
    if ansiWriter != nil { output.discardCaptured() } else { output.collect() }
  }

  /// Bytes drawn and never sent, because their frame was dropped.
  public var bytesDropped: Int { output.bytesDropped }
}
