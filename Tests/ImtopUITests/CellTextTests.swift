import PropertyBased
import Testing

@testable import ImtopUI

/// A cell keeps its grapheme's bytes in place (`CellText`): every grapheme comes back as it went in,
/// and two cells are equal exactly when their texts' bytes are.
@Suite struct CellTextTests {
  static let samples: [String] = [
    "", " ", "a", "é", "e\u{301}", "漢", "🚀", "👍🏽", "👩\u{200D}💻", "🇫🇷", "\u{25CC}\u{301}", "␛",
    // 23 bytes, the most held in place; then 24 and more, kept in the shared table.
    String(repeating: "x", count: 23), "e" + String(repeating: "\u{301}", count: 11),
    String(repeating: "y", count: 24), "e" + String(repeating: "\u{301}", count: 40),
    "👨\u{200D}👩\u{200D}👧\u{200D}👦",
  ]

  @Test(arguments: samples)
  func aGraphemeComesBackByteForByte(text: String) {
    let cell = Cell(text, foreground: .accent)
    #expect(Array(cell.grapheme.utf8) == Array(text.utf8))
    #expect(cell.isContinuation == text.isEmpty)
    var changed = cell
    changed.grapheme = "z"
    #expect(changed.grapheme == "z" && changed != cell)
  }

  @Test func cellsAreEqualExactlyWhenTheirBytesAre() {
    for a in Self.samples {
      for b in Self.samples {
        #expect((Cell(a) == Cell(b)) == (Array(a.utf8) == Array(b.utf8)), "\(a.debugDescription) \(b.debugDescription)")
      }
    }
    // Canonically equivalent, different bytes: the terminal is sent different bytes, so they differ.
    #expect(Cell("é") != Cell("e\u{301}"))
    #expect(Cell(scalar: "q", attributes: .bold) == Cell("q", attributes: .bold))
  }

  @Test func randomTextsComeBackByteForByte() async {
    await propertyCheck(count: 500, input: Gen.unicodeScalar(in: "\u{0}"..."\u{D7FF}").array(of: 0...30)) { scalars in
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars)
      let text = String(view)
      #expect(Array(Cell(text).grapheme.utf8) == Array(text.utf8))
      if let first = scalars.first {
        #expect(Array(Cell(scalar: first).grapheme.utf8) == Array(String(first).utf8))
      }
    }
  }

  /// Once the shared table is full, a new long text keeps the whole scalars that fit in place.
  @Test func aLongTextCutKeepsWholeScalars() {
    let marks = "e" + String(repeating: "\u{301}", count: 40)
    #expect(CellText(prefixOf: marks).string == "e" + String(repeating: "\u{301}", count: 11))
    #expect(CellText(prefixOf: "👨\u{200D}👩\u{200D}👧\u{200D}👦").string == "👨\u{200D}👩\u{200D}👧\u{200D}")
    #expect(CellText(prefixOf: "abc").string == "abc")
  }
}
