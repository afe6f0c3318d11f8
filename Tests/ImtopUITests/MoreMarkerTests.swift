import Testing
import ImtopCore
@testable import ImtopUI

/// Lists cut by the screen's size end with `+N more`; tables that scroll show their position.
@Suite struct MoreMarkerTests {
  func pairs(_ count: Int) -> [TextBlock.Line] {
    (1...count).map { TextBlock.Line.pair("item \($0)", String($0)) }
  }

  @Test func aCutTextBlockSaysHowManyLinesAreHidden() {
    var backend = TestBackend(width: 12, height: 3)
    let buffer = backend.draw { area, buffer in TextBlock(lines: pairs(5)).render(in: area, buffer: &buffer) }
    // Two lines and the marker for the other three.
    expectRows(buffer, ["item 1     1", "item 2     2", "+3 more     "])
    #expect((0..<7).allSatisfy { buffer[$0, 2].foreground == .muted })
  }

  @Test func aTextBlockThatFitsHasNoMarker() {
    var backend = TestBackend(width: 12, height: 3)
    let buffer = backend.draw { area, buffer in TextBlock(lines: pairs(3)).render(in: area, buffer: &buffer) }
    expectRows(buffer, ["item 1     1", "item 2     2", "item 3     3"])
    #expect(TextBlock(lines: pairs(3)).fits(height: 3))
    #expect(!TextBlock(lines: pairs(4)).fits(height: 3))
  }

  @Test func aScrolledTextBlockCountsOnlyWhatFollows() {
    var backend = TestBackend(width: 12, height: 2)
    let buffer = backend.draw { area, buffer in TextBlock(lines: pairs(5), offset: 2).render(in: area, buffer: &buffer) }
    expectRows(buffer, ["item 3     3", "+2 more     "])
  }

  @Test func anEventLogCountsEntriesItWasNotGiven() {
    let entries = (1...2).map { EventLog.Entry(time: "10:0\($0)", symbol: "●", role: .ok, text: "event \($0)") }
    var backend = TestBackend(width: 20, height: 2)
    // Two entries built out of 9: one row for an entry, the last for the other eight.
    let buffer = backend.draw { area, buffer in EventLog(entries: entries, total: 9).render(in: area, buffer: &buffer) }
    expectRows(buffer, ["10:01 ● event 1     ", "+8 more             "])
    #expect(buffer[0, 1].foreground == .muted)
  }

  @Test func anEventLogThatFitsHasNoMarker() {
    let entries = (1...2).map { EventLog.Entry(time: "10:0\($0)", symbol: "●", role: .ok, text: "event \($0)") }
    var backend = TestBackend(width: 20, height: 2)
    let buffer = backend.draw { area, buffer in EventLog(entries: entries).render(in: area, buffer: &buffer) }
    expectRows(buffer, ["10:01 ● event 1     ", "10:02 ● event 2     "])
  }

  func table(rows count: Int, offset: Int = 0) -> Table {
    Table(columns: [Table.Column("Name", width: 6), Table.Column("N", width: 3, alignment: .right)],
          rows: (1...count).map { [Table.Cell("row \($0)"), Table.Cell(String($0))] }, offset: offset)
  }

  @Test func aTableThatDoesNotScrollMarksItsHiddenRows() {
    var backend = TestBackend(width: 10, height: 4)
    var cut = table(rows: 5)
    cut.marksHidden = true
    let buffer = backend.draw { area, buffer in cut.render(in: area, buffer: &buffer) }
    // Header, two rows, and the marker for rows 3 to 5.
    expectRows(buffer, ["Name     N", "row 1    1", "row 2    2", "+3 more   "])
    #expect(buffer[0, 3].foreground == .muted)
  }

  @Test func aTableWithRoomForItsHeaderOnlyDrawsNoMarker() {
    var backend = TestBackend(width: 10, height: 2)
    var cut = table(rows: 5)
    cut.marksHidden = true
    // The table gets the first row only; the row below it belongs to someone else.
    let buffer = backend.draw { _, buffer in cut.render(in: Rect(x: 0, y: 0, width: 10, height: 1), buffer: &buffer) }
    expectRows(buffer, ["Name     N", "          "])
  }

  @Test func aScrolledTableGivesItsPosition() {
    // 3 data rows under the header; offset 2 shows rows 3–5 of 7.
    #expect(table(rows: 7, offset: 2).position(height: 4) == "3–5 of 7")
    #expect(table(rows: 3).position(height: 4) == nil)
    #expect(MoreMarker.position(first: 20, visible: 20, total: 62, glyphs: .unicode) == "21–40 of 62")
    #expect(MoreMarker.position(first: 60, visible: 20, total: 62, glyphs: .unicode) == "61–62 of 62")
    #expect(MoreMarker.position(first: 0, visible: 20, total: 62, glyphs: .ascii) == "1-20 of 62")
  }

  @Test func thePositionSitsOnThePanelsBottomEdge() {
    var backend = TestBackend(width: 20, height: 3)
    let buffer = backend.draw { area, buffer in
      Panel(title: "T").render(in: area, buffer: &buffer)
      Panel.footnote("3–5 of 7", in: area, buffer: &buffer)
    }
    // " 3–5 of 7 " is 10 cells, ending one cell before the corner, as the age does on the top edge.
    expectRows(buffer, ["┌ T ───────────────┐", "│                  │", "└─────── 3–5 of 7 ─┘"])
    #expect(buffer[9, 2].grapheme == "3")
    #expect((8...17).allSatisfy { buffer[$0, 2].foreground == .muted })
    #expect(buffer[18, 2].foreground == .border)
  }
}
