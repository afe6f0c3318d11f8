import Testing
@testable import ImtopUI

@Suite struct BufferTests {
  @Test func putClipsAtTheRightEdgeAndMaxWidth() {
    var buffer = Buffer(size: Size(width: 6, height: 2))
    #expect(buffer.put("abcdefgh", x: 2, y: 0) == 4)
    #expect(buffer.put("xyz", x: 0, y: 1, maxWidth: 2) == 2)
    expectRows(buffer, ["  abcd", "xy    "])
    // Outside the buffer nothing is written and nothing crashes.
    #expect(buffer.put("q", x: 0, y: 5) == 0)
    #expect(buffer.put("q", x: 9, y: 0) == 0)
  }

  @Test func wideCharactersTakeTwoCells() {
    var buffer = Buffer(size: Size(width: 5, height: 1))
    // "a漢b": a(1) 漢(2) b(1) = 4 cells; the continuation cell is empty.
    #expect(buffer.put("a漢b", x: 0, y: 0) == 4)
    #expect(buffer[1, 0].grapheme == "漢")
    #expect(buffer[2, 0].isContinuation)
    #expect(buffer[3, 0].grapheme == "b")
    #expect(buffer.plainText() == "a漢b")
  }

  @Test func wideCharacterCutAtTheLimitBecomesASpace() {
    var buffer = Buffer(size: Size(width: 4, height: 1))
    // "ab漢": 漢 would need cells 2-3 but only cell 2 is allowed: a space fills it.
    #expect(buffer.put("ab漢", x: 0, y: 0, maxWidth: 3) == 3)
    #expect(buffer.line(0) == "ab  ")
    #expect(buffer[2, 0].grapheme == " ")
  }

  @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
    var buffer = Buffer(size: Size(width: 4, height: 1))
    buffer.put("漢字", x: 0, y: 0)
    // Writing "x" over the right half of 漢 (cell 1) must not leave 漢's left half behind.
    buffer.put("x", x: 1, y: 0)
    #expect(buffer.line(0) == " x字")
    // Writing over the left half of 字 (cell 2) blanks its continuation.
    buffer.put("y", x: 2, y: 0)
    #expect(buffer.line(0) == " xy ")
    #expect(!buffer.cells.contains { $0.isContinuation })
  }

  /// A run of plain text repairs the wide graphemes cut at its two ends (a continuation at its
  /// start, a left half at its end), also when cut short by its width.
  @Test(arguments: [Int.max, 4])
  func aPlainRunRepairsWideCharactersAtBothEnds(maxWidth: Int) {
    var buffer = Buffer(size: Size(width: 8, height: 1))
    buffer.put("漢字漢字", x: 0, y: 0)
    buffer.put(maxWidth == .max ? "abcd" : "abcdef", x: 1, y: 0, maxWidth: maxWidth)
    #expect(buffer.line(0) == " abcd 字")
    #expect(buffer.cells.filter(\.isContinuation).count == 1)
  }

  @Test func fillClipsAndRepairsWideCharacters() {
    var buffer = Buffer(size: Size(width: 4, height: 2))
    buffer.put("漢字", x: 0, y: 0)
    buffer.fill(Rect(x: 1, y: 0, width: 10, height: 10), with: Cell("."))
    expectRows(buffer, [" ...", " ..."])
  }

  @Test func changesReportOnlyDifferencesAndCarryWideCharacters() {
    var before = Buffer(size: Size(width: 4, height: 1))
    before.put("abcd", x: 0, y: 0)
    var after = before
    after.put("漢", x: 1, y: 0)
    let changes = after.changes(since: before)
    // Cells 1 (漢) and 2 (its continuation) changed; only the wide grapheme is reported.
    #expect(changes == [CellChange(x: 1, y: 0, cell: Cell("漢"))])
    #expect(after.changes(since: after).isEmpty)
  }

  @Test func textIsAlwaysSanitised() {
    var buffer = Buffer(size: Size(width: 12, height: 1))
    buffer.put("\u{1B}[2Jhi\u{202E}", x: 0, y: 0)
    // ␛ [ 2 J h i � are 7 cells; 5 blanks remain.
    #expect(buffer.line(0) == "\u{241B}[2Jhi\u{FFFD}     ")
    expectNoControlCharacters(buffer)
  }

  @Test func alignedPutAndRestyle() {
    var buffer = Buffer(size: Size(width: 8, height: 3))
    buffer.put("ab", x: 0, y: 0, width: 8, alignment: .right)
    buffer.put("ab", x: 0, y: 1, width: 8, alignment: .center)
    buffer.put("abcdefghij", x: 0, y: 2, width: 8, alignment: .left)
    expectRows(buffer, ["      ab", "   ab   ", "abcdefg…"])
    buffer.restyle(Rect(x: 0, y: 0, width: 2, height: 1), foreground: .crit, adding: .bold)
    #expect(buffer[0, 0].foreground == .crit)
    #expect(buffer[0, 0].attributes == .bold)
    #expect(buffer[2, 0].foreground == .normal)
  }
}
