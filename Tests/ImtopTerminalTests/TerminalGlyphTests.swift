import Testing

@testable import ImtopTerminal

@Suite struct TerminalGlyphTests {
  /// CJK ideographs and emoji are 2 columns, the rest 1: what glibc's wcwidth says for these.
  static func width(_ scalar: Unicode.Scalar) -> Int {
    (0x4E00...0x9FFF).contains(scalar.value) || (0x1F300...0x1FAFF).contains(scalar.value) ? 2 : 1
  }

  func glyph(_ text: String, utf8: Bool = true, width: @escaping (Unicode.Scalar) -> Int = width) -> TerminalGlyph {
    TerminalGlyph(grapheme: text, utf8: utf8, maxScalars: 4, terminalWidth: width)
  }

  @Test func plainTextPassesThrough() {
    #expect(glyph("a") == TerminalGlyph(scalars: ["a"], padsSecondColumn: false, columns: 1))
    #expect(glyph("é") == TerminalGlyph(scalars: ["é"], padsSecondColumn: false, columns: 1))
    #expect(glyph("e\u{301}") == TerminalGlyph(scalars: ["e", "\u{301}"], padsSecondColumn: false, columns: 1))
    #expect(glyph("人") == TerminalGlyph(scalars: ["人"], padsSecondColumn: false, columns: 2))
    #expect(glyph("") == TerminalGlyph(scalars: [" "], padsSecondColumn: false, columns: 1))
  }

  @Test func controlCharactersBecomeVisiblePictures() {
    #expect(glyph("\u{1B}") == TerminalGlyph(scalars: ["\u{241B}"], padsSecondColumn: false, columns: 1))
    // Only the first grapheme of a cell is drawn: an escape sequence stuffed into one cell is ␛.
    #expect(glyph("\u{1B}[2J") == TerminalGlyph(scalars: ["\u{241B}"], padsSecondColumn: false, columns: 1))
    #expect(glyph("\u{7F}") == TerminalGlyph(scalars: ["\u{2421}"], padsSecondColumn: false, columns: 1))
    #expect(glyph("\u{9B}") == TerminalGlyph(scalars: ["\u{FFFD}"], padsSecondColumn: false, columns: 1))
    #expect(glyph("\u{202E}") == TerminalGlyph(scalars: ["\u{FFFD}"], padsSecondColumn: false, columns: 1))
    // CR LF is one grapheme: still a control, shown as ␍.
    #expect(glyph("\r\n").scalars == ["\u{240D}"])
    // A control after a letter is a grapheme of its own, so it is never drawn in this cell.
    #expect(glyph("a\u{301}\u{7}").scalars == ["a", "\u{301}"])
  }

  @Test func withoutUTF8OnlyASCIIIsWritten() {
    #expect(glyph("é", utf8: false) == TerminalGlyph(scalars: ["?"], padsSecondColumn: false, columns: 1))
    // A wide grapheme's placeholder is narrow: the second column is blanked.
    #expect(glyph("人", utf8: false) == TerminalGlyph(scalars: ["?"], padsSecondColumn: true, columns: 2))
    #expect(glyph("a", utf8: false) == TerminalGlyph(scalars: ["a"], padsSecondColumn: false, columns: 1))
  }

  @Test func widthDisagreementsNeverShiftTheLine() {
    // The frame says 2 columns, the terminal 1: draw it and blank the second column.
    #expect(glyph("人", width: { _ in 1 }) == TerminalGlyph(scalars: ["人"], padsSecondColumn: true, columns: 2))
    // The terminal cannot print it at all.
    #expect(glyph("人", width: { _ in -1 }) == TerminalGlyph(scalars: ["\u{FFFD}"], padsSecondColumn: true, columns: 2))
    // The frame says 1, the terminal 2: it would eat the next cell, so a placeholder.
    #expect(glyph("✓", width: { _ in 2 }) == TerminalGlyph(scalars: ["\u{FFFD}"], padsSecondColumn: false, columns: 1))
  }

  /// glibc's wcwidth: the heart, the sun, the check mark and digits are one column each.
  @Test func emojiWithSelectorIsDrawnNarrowAndPadded() {
    let narrow: (Unicode.Scalar) -> Int = { _ in 1 }
    #expect(glyph("\u{2764}\u{FE0F}", width: narrow) == TerminalGlyph(scalars: ["\u{2764}"], padsSecondColumn: true, columns: 2))
    #expect(glyph("\u{2600}\u{FE0F}", width: narrow) == TerminalGlyph(scalars: ["\u{2600}"], padsSecondColumn: true, columns: 2))
    #expect(glyph("\u{2714}\u{FE0F}", width: narrow) == TerminalGlyph(scalars: ["\u{2714}"], padsSecondColumn: true, columns: 2))
    #expect(glyph("1\u{FE0F}\u{20E3}", width: narrow) == TerminalGlyph(scalars: ["1", "\u{20E3}"], padsSecondColumn: true, columns: 2))
    // A base the terminal already draws two columns wide keeps its selector.
    #expect(glyph("\u{1F600}\u{FE0F}") == TerminalGlyph(scalars: ["\u{1F600}", "\u{FE0F}"], padsSecondColumn: false, columns: 2))
  }

  @Test func longSequencesKeepTheirFirstScalar() {
    // A family emoji is 7 scalars (4 people, 3 joiners); a cell holds 4: the first person stays.
    let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}"
    #expect(glyph(family) == TerminalGlyph(scalars: ["\u{1F468}"], padsSecondColumn: false, columns: 2))
  }
}
