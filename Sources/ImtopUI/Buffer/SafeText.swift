/// Turns untrusted text into graphemes that are safe to send to a terminal, with their display width.
///
/// Written by hand because no maintained Swift package gives wcwidth-style widths without a terminal.
/// Text from data files is hostile until proven otherwise, so:
/// - C0 controls and DEL become their Control Pictures (`␛`, `␊`, `␡`), C1 controls `�`: one visible
///   cell each, never interpreted, so no escape sequence, OSC or cursor movement reaches the terminal;
/// - format characters that reorder, hide or spoof text (bidi embeddings, overrides and isolates,
///   zero-width spaces and joiners on their own, invisible fillers, tag characters outside an emoji
///   flag) become a visible `�` in their own cell, and the base character they were attached to is kept;
/// - CJK and emoji take two cells, combining marks stay on their base (a mark with no base is drawn on
///   a dotted circle `◌` so it takes a cell).
public enum SafeText {
  public struct Grapheme: Hashable, Sendable {
    public var text: String
    public var width: Int

    public init(text: String, width: Int) {
      self.text = text
      self.width = width
    }
  }

  /// The visible stand-in for an invisible or dangerous character.
  public static let placeholder = "\u{FFFD}"

  /// The graphemes of `text` after sanitising, each of width 1 or 2.
  public static func graphemes(_ text: String) -> [Grapheme] {
    if isSimple(text) { return text.unicodeScalars.map { Grapheme(text: String($0), width: 1) } }
    var result: [Grapheme] = []
    result.reserveCapacity(text.utf8.count)
    for character in text {
      sanitize(character, into: &result)
    }
    return result
  }

  /// Calls `body` with each sanitised grapheme in order until it returns false, so a caller that
  /// only needs the start of a very long string does not sanitise all of it.
  public static func forEachGrapheme(_ text: String, _ body: (Grapheme) -> Bool) {
    var scratch: [Grapheme] = []
    for character in text {
      scratch.removeAll(keepingCapacity: true)
      sanitize(character, into: &scratch)
      for grapheme in scratch where !body(grapheme) { return }
    }
  }

  /// Total display width of `text` once sanitised.
  public static func width(_ text: String) -> Int {
    if let count = simpleCount(text) { return count }
    var total = 0
    var scratch: [Grapheme] = []
    for character in text {
      if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F {
        total += 1
        continue
      }
      scratch.removeAll(keepingCapacity: true)
      sanitize(character, into: &scratch)
      for grapheme in scratch { total += grapheme.width }
    }
    return total
  }

  /// The text as it will be shown: every grapheme sanitised (for plain-text output and tests).
  public static func sanitized(_ text: String) -> String {
    graphemes(text).map(\.text).joined()
  }

  private static func sanitize(_ character: Character, into result: inout [Grapheme]) {
    if character.isASCII {
      // "\r\n" is one Character but two controls: show both.
      for scalar in character.unicodeScalars {
        let byte = UInt8(truncatingIfNeeded: scalar.value)
        if byte >= 0x20 && byte < 0x7F {
          result.append(Grapheme(text: String(scalar), width: 1))
        } else {
          result.append(Grapheme(text: controlPicture(byte), width: 1))
        }
      }
      return
    }
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return }
    let emojiBase = first.properties.isEmoji
    let isUnsafeHere: (Unicode.Scalar) -> Bool = { scalar in
      if isUnsafe(scalar) { return true }
      if isJoinerOrSelector(scalar) || isTag(scalar) { return !emojiBase }
      return false
    }
    guard scalars.contains(where: isUnsafeHere) else {
      appendSafe(character, first: first, into: &result)
      return
    }
    // Split the cluster: keep the safe scalars as text, give each unsafe one a placeholder cell.
    var pending = ""
    for scalar in scalars {
      if isUnsafeHere(scalar) {
        flush(&pending, into: &result)
        result.append(Grapheme(text: placeholder, width: 1))
      } else {
        pending.unicodeScalars.append(scalar)
      }
    }
    flush(&pending, into: &result)
  }

  private static func flush(_ pending: inout String, into result: inout [Grapheme]) {
    guard !pending.isEmpty else { return }
    for character in pending {
      if let first = character.unicodeScalars.first { appendSafe(character, first: first, into: &result) }
    }
    pending = ""
  }

  private static func appendSafe(_ character: Character, first: Unicode.Scalar, into result: inout [Grapheme]) {
    if isCombining(first) {
      result.append(Grapheme(text: "\u{25CC}" + String(character), width: 1))
      return
    }
    let scalars = character.unicodeScalars
    let inEmojiSequence = scalars.count > 1 && scalars.contains { $0.value == 0xFE0F || $0.value == 0x200D }
    let width = ScalarWidth.of(first, inEmojiSequence: inEmojiSequence)
    result.append(Grapheme(text: String(character), width: width))
  }

  /// Whether every scalar of `text` is one printable, single-width grapheme on its own: printable
  /// ASCII and Latin, and the punctuation, arrows, box drawing, shapes and braille the screens draw
  /// themselves. Such text needs no grapheme breaking (nothing in it combines), which keeps drawing
  /// cheap; anything else takes the careful path.
  static func isSimple(_ text: String) -> Bool { simpleCount(text) != nil }

  /// The number of scalars (each one cell) of simple text; nil when the text is not simple.
  static func simpleCount(_ text: String) -> Int? {
    // Printable ASCII, most text: one byte a cell, read straight from the UTF-8.
    let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
      for byte in bytes where byte < 0x20 || byte >= 0x7F { return nil }
      return bytes.count
    }
    if let ascii, let count = ascii { return count }
    var count = 0
    for scalar in text.unicodeScalars {
      guard isSimple(scalar) else { return nil }
      count += 1
    }
    return count
  }

  @inline(__always)
  static func isSimple(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v >= 0x20 && v < 0x7F { return true }
    if v < 0xA0 { return false }
    if v < 0x300 { return v != 0xAD }
    switch v {
    case 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20BF, 0x2190...0x21FF, 0x2200...0x22FF, 0x2400...0x2426,
      0x2500...0x25FC, 0x2716, 0x2800...0x28FF, 0xFFFD:
      return true
    default:
      return false
    }
  }

  /// `␀`..`␟` for C0 controls, `␡` for DEL: visible, one cell, never interpreted.
  private static func controlPicture(_ byte: UInt8) -> String {
    if byte == 0x7F { return "\u{2421}" }
    guard let scalar = Unicode.Scalar(0x2400 + UInt32(byte & 0x1F)) else { return placeholder }
    return String(Character(scalar))
  }

  /// C0 and C1 controls, bidi embeddings/overrides/isolates/marks, line and paragraph separators,
  /// zero-width and invisible characters that could reorder, hide or spoof text.
  static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) { return true }
    switch v {
    case 0x00AD, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180F, 0x200B, 0x200C, 0x200E, 0x200F,
      0x2028...0x202E, 0x2060...0x206F, 0x3164, 0xFEFF, 0xFFA0, 0xFFF9...0xFFFB, 0x1BCA0...0x1BCA3,
      0x1D173...0x1D17A, 0xE0000:
      return true
    default:
      return false
    }
  }

  /// Zero-width joiner and variation selectors: legitimate inside emoji sequences, invisible elsewhere.
  static func isJoinerOrSelector(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    return v == 0x200D || (0xFE00...0xFE0F).contains(v) || (0xE0100...0xE01EF).contains(v)
  }

  /// Tag characters: part of subdivision flags, otherwise a way to smuggle invisible text.
  static func isTag(_ scalar: Unicode.Scalar) -> Bool {
    (0xE0001...0xE007F).contains(scalar.value)
  }

  static func isCombining(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .spacingMark: return true
    default: return false
    }
  }
}
