import PropertyBased
import Testing
@testable import ImtopUI

@Suite struct SafeTextTests {
  @Test func widthsOfWideAndCombiningText() {
    // "漢字" is two CJK ideographs, two cells each.
    #expect(SafeText.width("漢字") == 4)
    // "e" + U+0301 combining acute is one grapheme, one cell.
    #expect(SafeText.width("e\u{301}") == 1)
    #expect(SafeText.graphemes("e\u{301}").count == 1)
    // An emoji with default emoji presentation takes two cells.
    #expect(SafeText.width("🚀") == 2)
    // A ZWJ family sequence is one grapheme of two cells, its joiners kept inside the emoji.
    let family = "👩\u{200D}👩\u{200D}👧"
    #expect(SafeText.graphemes(family) == [SafeText.Grapheme(text: family, width: 2)])
    // A text symbol turned emoji by VS16 takes two cells.
    #expect(SafeText.width("☀\u{FE0F}") == 2)
    // Hangul syllables are wide; Latin with diacritics precomposed is narrow.
    #expect(SafeText.width("한국") == 4)
    #expect(SafeText.width("Zürich") == 6)
  }

  @Test func controlCharactersBecomePictures() {
    // ESC [ 3 1 m: the escape becomes ␛ (U+241B), the rest is plain text.
    #expect(SafeText.sanitized("\u{1B}[31mred") == "\u{241B}[31mred")
    // Tab, newline, carriage return and bell: ␉ ␊ ␍ ␇.
    #expect(SafeText.sanitized("a\tb\nc\rd\u{07}") == "a\u{2409}b\u{240A}c\u{240D}d\u{2407}")
    // CRLF is one Character but both controls show.
    #expect(SafeText.sanitized("x\r\ny") == "x\u{240D}\u{240A}y")
    // DEL and a C1 control (U+009B, CSI).
    #expect(SafeText.sanitized("a\u{7F}b\u{9B}c") == "a\u{2421}b\u{FFFD}c")
  }

  @Test func osc52ClipboardWriteIsDefused() {
    let osc = "\u{1B}]52;c;ZWNobyBwd25lZA==\u{07}"
    let shown = SafeText.sanitized(osc)
    #expect(!shown.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
    #expect(shown == "\u{241B}]52;c;ZWNobyBwd25lZA==\u{2407}")
  }

  @Test func invisibleAndReorderingCharactersAreShown() {
    // U+202E RIGHT-TO-LEFT OVERRIDE, U+2066 LRI, U+200B ZWSP, U+FEFF BOM each get a placeholder cell.
    #expect(SafeText.sanitized("abc\u{202E}def") == "abc\u{FFFD}def")
    #expect(SafeText.sanitized("a\u{2066}b") == "a\u{FFFD}b")
    #expect(SafeText.sanitized("pay\u{200B}pal") == "pay\u{FFFD}pal")
    #expect(SafeText.sanitized("\u{FEFF}id") == "\u{FFFD}id")
    // A lone ZWJ and ZWNJ attached to a letter: the letter is kept, the joiner shown.
    #expect(SafeText.sanitized("a\u{200D}b") == "a\u{FFFD}b")
    #expect(SafeText.sanitized("a\u{200C}b") == "a\u{FFFD}b")
    // Tag characters outside a flag (invisible "ASCII smuggling").
    #expect(SafeText.sanitized("ok\u{E0041}\u{E0042}") == "ok\u{FFFD}\u{FFFD}")
    // Hangul filler U+3164, which renders as nothing.
    #expect(SafeText.sanitized("x\u{3164}y") == "x\u{FFFD}y")
  }

  @Test func combiningMarkWithoutBaseGetsDottedCircle() {
    // A string that starts with U+0301: shown on ◌ so it takes its own cell.
    #expect(SafeText.graphemes("\u{301}x") == [
      SafeText.Grapheme(text: "\u{25CC}\u{301}", width: 1), SafeText.Grapheme(text: "x", width: 1),
    ])
  }

  @Test func everyGraphemeIsOneOrTwoCellsAndSafe() {
    let hostile = "\u{1B}]0;title\u{07}\u{1B}[2J\u{202E}\u{200B}漢🚀e\u{301}\u{0}\u{9F}\u{2028}\u{E0001}"
    for grapheme in SafeText.graphemes(hostile) {
      #expect(grapheme.width == 1 || grapheme.width == 2)
      #expect(!grapheme.text.unicodeScalars.contains { SafeText.isUnsafe($0) })
    }
  }

  @Test func truncationKeepsWidthAndAddsEllipsis() {
    #expect(SafeText.truncate("Customer Relations", to: 10) == "Customer …")
    #expect(SafeText.truncate("short", to: 10) == "short")
    // "漢字漢字" is 8 cells; in 5 cells two ideographs (4) and the ellipsis (1) fit.
    #expect(SafeText.truncate("漢字漢字", to: 5) == "漢字…")
    // In 4 cells: one ideograph (2) + ellipsis (1) = 3; a second would make 5.
    #expect(SafeText.truncate("漢字漢字", to: 4) == "漢…")
    #expect(SafeText.truncate("abc", to: 0) == "")
    // "abc漢de" in 5: a b c (3) then 漢 would make 5 with no room for the ellipsis; "d" must not
    // jump the queue, so the result is "abc…".
    #expect(SafeText.truncate("abc漢de", to: 5) == "abc…")
    // A megabyte of text costs no more than its first cells.
    #expect(SafeText.truncate(String(repeating: "x", count: 1_000_000), to: 4) == "xxx…")
    #expect(SafeText.truncate("abcdef", to: 3, ellipsis: "~") == "ab~")
    #expect(SafeText.pad("ab", to: 5, alignment: .right) == "   ab")
  }
}

/// `truncate`'s path for plain one-cell text cuts exactly as the grapheme-by-grapheme path does.
@Suite struct TruncateFastPathTests {
  /// Plain one-cell scalars, and the kinds of character that are not: wide, combining, emoji with
  /// modifiers and joiners, controls, a soft hyphen.
  static let alphabet: [String] = [
    "a", "Z", " ", "7", "é", "\u{00A0}", "€", "─", "⣿", "→", "…", "✖",
    "漢", "e\u{0301}", "👍🏽", "👩\u{200D}💻", "\n", "\u{00AD}", "\u{0301}", "🇫🇷",
  ]

  @Test func plainAndMixedTextCutAsGraphemeByGrapheme() async {
    let text = Gen<String?>.element(of: Self.alphabet).array(of: 0...24).map { $0.compactMap { $0 }.joined() }
    await propertyCheck(count: 3_000, input: text, Gen.int(in: 0...26), Gen.int(in: 0...2)) { text, width, style in
      let ellipsis = ["…", "", "..."][style]
      let expected = SafeText.truncateGraphemes(text, to: width, ellipsis: ellipsis, ellipsisWidth: SafeText.width(ellipsis))
      #expect(SafeText.truncate(text, to: width, ellipsis: ellipsis) == (width > 0 ? expected : ""), "\(text.debugDescription) to \(width)")
    }
  }
}
