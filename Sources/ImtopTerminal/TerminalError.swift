/// Why the dashboard could not take over the terminal, worded for the person who typed the command.
public enum TerminalError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Standard input or output is a file or a pipe: drawing there would fill it with escape codes.
  case notATerminal
  /// `TERM` is unset or empty, so there is no way to know which escape codes the terminal speaks.
  case terminalTypeUnset
  /// No terminfo entry describes this `TERM`.
  case unknownTerminalType(String)
  /// The terminal cannot move its cursor (`TERM=dumb`): no full screen to draw on.
  case noCursorAddressing(String)
  /// A system call failed (`operation` names it, `code` is errno).
  case systemCallFailed(operation: String, code: Int32)

  /// The process exit status the command line should use: 2 for a usage problem (no terminal),
  /// 1 for everything else.
  public var exitStatus: Int32 {
    switch self {
    case .notATerminal: return 2
    default: return 1
    }
  }

  public var description: String {
    switch self {
    case .notATerminal:
      return "imtop: the dashboard needs a terminal (standard input and output are not both one); "
        + "use `imtop snapshot` to print it to a file or pipe"
    case .terminalTypeUnset:
      return "imtop: TERM is not set, so the terminal type is unknown; set it (for example "
        + "TERM=xterm-256color) or use `imtop snapshot`"
    case .unknownTerminalType(let name):
      return "imtop: unknown terminal type \"\(name)\" (no terminfo entry); set TERM to a known type "
        + "such as xterm-256color, or install its terminfo entry"
    case .noCursorAddressing(let name):
      return "imtop: the terminal type \"\(name)\" cannot move the cursor, so the dashboard cannot be drawn; "
        + "use a full-screen terminal (TERM=xterm-256color, linux...) or `imtop snapshot --format text` to print a page"
    case .systemCallFailed(let operation, let code):
      return "imtop: \(operation) failed (errno \(code))"
    }
  }
}
