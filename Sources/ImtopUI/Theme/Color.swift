/// A colour as a theme file writes it: `#rrggbb`, a 0-255 palette index, an ANSI name, or the
/// terminal's default.
public enum Color: Hashable, Sendable {
  case terminalDefault
  /// One of the 16 ANSI colours (0 black ... 7 white, 8-15 bright).
  case ansi(Int)
  /// An xterm 256-colour palette index.
  case indexed(Int)
  case rgb(UInt8, UInt8, UInt8)
}

/// How a role looks: colours and attributes.
public struct Style: Hashable, Sendable {
  public var foreground: Color
  public var background: Color
  public var attributes: Attributes

  public init(foreground: Color = .terminalDefault, background: Color = .terminalDefault, attributes: Attributes = []) {
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }
}

/// What colours a terminal can show, best first; themes degrade down this list.
public enum ColorDepth: Int, Comparable, CaseIterable, Sendable {
  case none = 0, eight = 8, sixteen = 16, palette256 = 256, truecolor = 16_777_216
  public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }
}
