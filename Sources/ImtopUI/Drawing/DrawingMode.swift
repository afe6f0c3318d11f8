/// Whether the screen may use Unicode box drawing, braille and symbols, or plain ASCII only
/// (`--ascii`, a non-UTF-8 locale, a serial console).
public enum DrawingMode: String, Sendable, Hashable, CaseIterable {
  case unicode, ascii

  public var glyphs: Glyphs { self == .ascii ? .ascii : .unicode }
}
