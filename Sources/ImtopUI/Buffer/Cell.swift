/// Text attributes a terminal can show without colour.
public struct Attributes: OptionSet, Hashable, Sendable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  public static let bold = Attributes(rawValue: 1 << 0)
  public static let dim = Attributes(rawValue: 1 << 1)
  public static let underline = Attributes(rawValue: 1 << 2)
  public static let reverse = Attributes(rawValue: 1 << 3)
  public static let italic = Attributes(rawValue: 1 << 4)
}

/// One screen cell: a grapheme (already sanitised and of display width 1 or 2), the roles of its
/// colours, and attributes. The cell to the right of a wide grapheme is a continuation with an empty
/// grapheme, which the diff skips.
public struct Cell: Hashable, Sendable {
  public var grapheme: String
  public var foreground: Role
  public var background: Role
  public var attributes: Attributes

  public init(_ grapheme: String = " ", foreground: Role = .normal, background: Role = .background, attributes: Attributes = []) {
    self.grapheme = grapheme
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }

  public static let blank = Cell()

  /// The right half of a wide grapheme.
  public var isContinuation: Bool { grapheme.isEmpty }
}
