import ImtopUI

/// What the terminal turned out to support, so the program can adapt its drawing.
public struct TerminalCapabilities: Hashable, Sendable {
  /// The terminal type ncurses is driving (`TERM` or the name given in the options).
  public var terminalName: String
  /// The colour depth frames are drawn with: what the terminal claims, capped by what its terminfo
  /// entry lets ncurses send (24-bit colour needs a direct-colour entry such as `xterm-direct`).
  public var colorDepth: ColorDepth
  /// What the terminal claims (`COLORS`, `COLORTERM`), before that cap.
  public var reportedColorDepth: ColorDepth
  /// Whether the locale's character set is UTF-8; when it is not, the program should draw with ASCII
  /// (box drawing, braille and symbols would come out blank or as garbage).
  public var isUTF8: Bool
  /// The locale's character set as `nl_langinfo(CODESET)` names it, for messages.
  public var codeset: String
  /// `COLORS` and `COLOR_PAIRS` as ncurses reports them (0 without colour).
  public var colors: Int
  public var colorPairs: Int

  public init(
    terminalName: String, colorDepth: ColorDepth, reportedColorDepth: ColorDepth, isUTF8: Bool,
    codeset: String, colors: Int, colorPairs: Int
  ) {
    self.terminalName = terminalName
    self.colorDepth = colorDepth
    self.reportedColorDepth = reportedColorDepth
    self.isUTF8 = isUTF8
    self.codeset = codeset
    self.colors = colors
    self.colorPairs = colorPairs
  }
}
