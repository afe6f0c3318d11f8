/// The display width of a grapheme's first scalar, after Unicode's East Asian Width and emoji
/// presentation properties (the same answer wcwidth gives in a UTF-8 terminal).
///
/// An emoji sequence (a base with U+FE0F, or joined by U+200D) is two cells whatever its base, as
/// terminals that render emoji draw it: `❤️`, `©️` and the keycap `1️⃣` included, whose bases alone
/// are one cell.
enum ScalarWidth {
  static func of(_ scalar: Unicode.Scalar, inEmojiSequence: Bool) -> Int {
    let v = scalar.value
    if inEmojiSequence && scalar.properties.isEmoji { return 2 }
    if v < 0x1100 { return 1 }
    if scalar.properties.isEmojiPresentation { return 2 }
    switch v {
    case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
      0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
      0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
      0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return 2
    default:
      return 1
    }
  }
}
