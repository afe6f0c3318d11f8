import Testing
@testable import ImtopUI

@Suite struct TableTests {
  let columns = [Table.Column("Name", width: 6, priority: 0), Table.Column("Val", width: 4, alignment: .right, priority: 1)]
  let rows: [[Table.Cell]] = [
    [Table.Cell("alpha"), Table.Cell("1")],
    [Table.Cell("Customer Relations"), Table.Cell("22")],
    [Table.Cell("漢字漢字"), Table.Cell("3", role: .crit)],
  ]

  @Test func headerSortTruncationWideTextAndScrolledSelection() {
    var backend = TestBackend(width: 11, height: 3)
    // Two data rows fit; selecting the third scrolls one row down.
    let table = Table(columns: columns, rows: rows, selection: 2, sortColumn: 0, sortAscending: true)
    let buffer = backend.draw { area, buffer in table.render(in: area, buffer: &buffer) }
    expectRows(buffer, [
      "Name▲   Val",
      "Custo…   22",
      // 漢字 is 4 cells, the ellipsis 1: 5 of the 6 name cells.
      "漢字…     3",
    ])
    #expect(buffer[0, 0].foreground == .header)
    #expect((0..<11).allSatisfy { buffer[$0, 2].background == .selection })
    #expect(buffer[0, 1].background == .background)
    #expect(buffer[10, 2].foreground == .crit)
  }

  @Test func descendingSortIndicatorAndASCII() {
    var backend = TestBackend(width: 11, height: 2)
    let table = Table(columns: columns, rows: rows, sortColumn: 1, sortAscending: false, glyphs: .ascii)
    let buffer = backend.draw { area, buffer in table.render(in: area, buffer: &buffer) }
    // The ASCII marker stands apart from the title (`Val v`, not `Valv`), cutting the title first.
    expectRows(buffer, ["Name   V~ v", "alpha     1"])
  }

  @Test func lowPriorityColumnsDropWhenNarrow() {
    // 8 cells: Name (6) + gap + Val (4) = 11 does not fit, so Val (priority 1) goes.
    let table = Table(columns: columns, rows: rows)
    #expect(table.placements(width: 8).map(\.column) == [0])
    #expect(table.placements(width: 11).map(\.column) == [0, 1])
    #expect(table.placements(width: 0).isEmpty)
  }

  @Test func theSortColumnIsNeverDroppedSoItIsAlwaysMarked() {
    // 8 cells: sorted by Val, Val stays (with its mark) and the name narrows to what is left.
    let table = Table(columns: columns, rows: rows, sortColumn: 1, sortAscending: false)
    #expect(table.placements(width: 8).map(\.column) == [1])
    var backend = TestBackend(width: 8, height: 2)
    let buffer = backend.draw { area, buffer in table.render(in: area, buffer: &buffer) }
    expectRows(buffer, ["Val▼    ", "   1    "])
  }

  @Test func scrollOffsetMovesAsLittleAsPossible() {
    // 10 rows, 4 visible: selection 5 from offset 0 scrolls to 2 (rows 2-5 visible).
    #expect(Table.scrollOffset(selection: 5, offset: 0, visibleRows: 4, rowCount: 10) == 2)
    // Moving back up to row 3 keeps offset 2 (still visible).
    #expect(Table.scrollOffset(selection: 3, offset: 2, visibleRows: 4, rowCount: 10) == 2)
    // Above the window: the window starts at the selection.
    #expect(Table.scrollOffset(selection: 1, offset: 2, visibleRows: 4, rowCount: 10) == 1)
    // An offset past the end is pulled back so the last page is full.
    #expect(Table.scrollOffset(selection: nil, offset: 50, visibleRows: 4, rowCount: 10) == 6)
    #expect(Table.scrollOffset(selection: 0, offset: 0, visibleRows: 0, rowCount: 0) == 0)
  }

  @Test func rowHitTestingFollowsScroll() {
    let table = Table(columns: columns, rows: rows, selection: 2)
    let area = Rect(x: 0, y: 5, width: 11, height: 3)
    // Header at y 5; rows start at 6 with offset 1, so y 6 is row 1 and y 7 is row 2.
    #expect(table.row(atY: 5, in: area) == nil)
    #expect(table.row(atY: 6, in: area) == 1)
    #expect(table.row(atY: 7, in: area) == 2)
    #expect(table.row(atY: 8, in: area) == nil)
  }

  @Test func shorterFormsReplaceTextThatDoesNotFit() {
    let cell = Table.Cell("▲ degraded", shorter: ["▲ degr", "▲"])
    #expect(cell.text(fitting: 10) == "▲ degraded")
    #expect(cell.text(fitting: 7) == "▲ degr")
    #expect(cell.text(fitting: 3) == "▲")
    #expect(cell.text(fitting: 0) == "▲")
  }
}
