/// Turns untrusted text into graphemes that are safe to send to a terminal, with their display width.
///
/// Written by hand because no maintained Swift package gives wcwidth-style widths without a terminal:
/// control characters (C0, DEL, C1) become visible `␛`/`�`-style placeholders, format characters
/// that reorder or hide text (bidi overrides, zero-width joiners on their own) become `�`, CJK and emoji
/// take two cells, combining marks stay attached to their base.
public enum SafeText {
  public struct Grapheme: Hashable, Sendable {
    public var text: String
    public var width: Int
  }

  /// The graphemes of `text` after sanitising, each of width 1 or 2.
  public static func graphemes(_ text: String) -> [Grapheme] {
    var result: [Grapheme] = []
    result.reserveCapacity(text.utf8.count)
    for character in text {
      result.append(contentsOf: sanitize(character))
    }
    return result
  }

  /// Total display width of `text` once sanitised.
  public static func width(_ text: String) -> Int {
    var total = 0
    for character in text {
      for grapheme in sanitize(character) { total += grapheme.width }
    }
    return total
  }

  private static func sanitize(_ character: Character) -> [Grapheme] {
    if character.isASCII, let ascii = character.asciiValue {
      if ascii >= 0x20 && ascii < 0x7F { return [Grapheme(text: String(character), width: 1)] }
      return [Grapheme(text: controlPicture(ascii), width: 1)]
    }
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return [] }
    if isUnsafe(first) || scalars.contains(where: { isUnsafe($0) && $0.value != 0x200D && $0.value != 0xFE0F }) {
      return [Grapheme(text: "\u{FFFD}", width: 1)]
    }
    if isCombining(first) || first.value == 0x200D || first.value == 0xFE0F {
      // A combining mark with no base of its own: show it on a dotted circle so it takes its cell.
      return [Grapheme(text: "\u{25CC}" + String(character), width: 1)]
    }
    let width = ScalarWidth.of(first, inEmojiSequence: scalars.count > 1 && scalars.contains { $0.value == 0xFE0F || $0.value == 0x200D })
    return [Grapheme(text: String(character), width: width)]
  }

  /// `␀`..`␟` for C0 controls, `␡` for DEL: visible, one cell, never interpreted.
  private static func controlPicture(_ byte: UInt8) -> String {
    if byte == 0x7F { return "\u{2421}" }
    if byte == 0x1B { return "\u{241B}" }
    return String(Character(Unicode.Scalar(0x2400 + UInt32(byte)) ?? "?"))
  }

  /// C1 controls, bidi embeddings/overrides/isolates, line and paragraph separators, and other
  /// invisible format characters that could reorder, hide or spoof text.
  static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) { return true }
    switch v {
    case 0x200B, 0x200C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069,
      0xFEFF, 0xFFF9...0xFFFB, 0x061C, 0x00AD:
      return true
    default:
      return false
    }
  }

  static func isCombining(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .spacingMark: return true
    default: return false
    }
  }
}
