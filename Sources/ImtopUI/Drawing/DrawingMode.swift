import ImtopCore

/// Which characters the screen may use: Unicode box drawing, braille and symbols (`unicode`); box
/// drawing and the few block elements the Linux console's fonts have, symbols in ASCII (`blocks`);
/// or plain ASCII only (`--ascii`, a non-UTF-8 locale, a serial console).
public enum DrawingMode: String, Sendable, Hashable, CaseIterable {
  case unicode, blocks, ascii

  public var glyphs: Glyphs {
    switch self {
    case .unicode: return .unicode
    case .blocks: return .blocks
    case .ascii: return .ascii
    }
  }

  /// The mode of a `--glyphs` or `display.glyphs` value.
  public init(_ set: GlyphSet) {
    switch set {
    case .braille: self = .unicode
    case .blocks: self = .blocks
    case .ascii: self = .ascii
    }
  }

  /// The mode the screen draws with. A locale that cannot encode Unicode allows only ASCII; else
  /// the command line's choice (`--ascii`, `--glyphs`), else `display.glyphs`, else what the
  /// terminal can show: a font cannot be asked what it has, so the Linux console (`TERM=linux*`)
  /// gets the set its fonts have, every other terminal braille. `terminal` is nil when the output
  /// goes to no terminal (`imtop snapshot`).
  public static func choose(requested: DrawingMode?, configured: GlyphSet?, terminal: String?, unicodeLocale: Bool) -> DrawingMode {
    guard unicodeLocale else { return .ascii }
    if let requested { return requested }
    if let configured { return DrawingMode(configured) }
    return terminal?.hasPrefix("linux") == true ? .blocks : .unicode
  }
}
