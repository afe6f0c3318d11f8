import ImtopCore
import Testing
@testable import ImtopUI

/// Emoji with a variation selector are two cells in the buffer, as terminals draw them, so the
/// cells a frame changes are exactly the cells a terminal must redraw: nothing stale is left after
/// moving from one detail view to another.
@Suite struct EmojiWidthTests {
  static let emoji = ["\u{2764}\u{FE0F}", "\u{2600}\u{FE0F}", "\u{2714}\u{FE0F}", "1\u{FE0F}\u{20E3}", "#\u{FE0F}\u{20E3}", "\u{00A9}\u{FE0F}"]

  @Test(arguments: emoji)
  func selectorMakesTwoCells(text: String) {
    #expect(SafeText.width(text) == 2)
    #expect(SafeText.graphemes(text) == [SafeText.Grapheme(text: text, width: 2)])
    // The text presentation selector and a bare base stay one cell.
    #expect(SafeText.width("\u{2764}") == 1)
    #expect(SafeText.width("1\u{20E3}") == 1)
  }

  /// A terminal as the changes reach it: each write lands at its cell, and a grapheme with U+FE0F or
  /// a wide scalar covers the next cell too, blanking whatever wide character it cuts in half.
  struct EmulatedTerminal {
    var rows: [[String]]

    init(size: Size) { rows = Array(repeating: Array(repeating: " ", count: size.width), count: size.height) }

    static func width(_ grapheme: String) -> Int {
      let scalars = grapheme.unicodeScalars
      if scalars.contains("\u{FE0F}") { return 2 }
      guard let first = scalars.first else { return 1 }
      return first.properties.isEmojiPresentation || (0x1100...0x115F).contains(first.value)
        || (0x2E80...0xA4CF).contains(first.value) || (0xAC00...0xD7A3).contains(first.value) ? 2 : 1
    }

    mutating func apply(_ changes: [CellChange]) {
      for change in changes { write(change.cell.grapheme, x: change.x, y: change.y) }
    }

    mutating func write(_ grapheme: String, x: Int, y: Int) {
      let width = Self.width(grapheme)
      clear(x: x, y: y)
      if width == 2, x + 1 < rows[y].count { clear(x: x + 1, y: y) }
      rows[y][x] = grapheme
      if width == 2, x + 1 < rows[y].count { rows[y][x + 1] = "" }
    }

    /// Overwriting either half of a wide character blanks the other half.
    private mutating func clear(x: Int, y: Int) {
      if rows[y][x].isEmpty, x > 0 { rows[y][x - 1] = " " }
      if Self.width(rows[y][x]) == 2, x + 1 < rows[y].count { rows[y][x + 1] = " " }
      rows[y][x] = " "
    }

    func line(_ y: Int) -> String { rows[y].joined() }
  }

  func state(detail: String, width: Int) -> AppState {
    var snapshot = Fixtures.snapshot()
    for (index, system) in snapshot.systems.enumerated() {
      let mark = Self.emoji[index % Self.emoji.count]
      snapshot.systems[index].record.name = "\(mark)\(system.record.name) \(mark)\(mark)x"
      snapshot.systems[index].record.owner = "\(mark) \(system.record.owner)"
      snapshot.systems[index].lastMessage = index.isMultiple(of: 2) ? "ok \(mark) fine" : "slow"
    }
    var state = AppState(size: Size(width: width, height: 30), themeNames: ["default"])
    _ = state.update(.tick(Fixtures.now))
    _ = state.update(.snapshot(snapshot, Fixtures.events))
    _ = state.update(.show(.systems, detail: detail))
    return state
  }

  @Test(arguments: [80, 101, 120])
  func movingBetweenDetailViewsLeavesNoStaleCells(width: Int) {
    let size = Size(width: width, height: 30)
    var terminal = EmulatedTerminal(size: size)
    var previous: Buffer?
    for id in ["erp", "crm", "wan", "rms", "erp", "sensors", "crm"] {
      let frame = state(detail: id, width: width).view()
      terminal.apply(frame.changes(since: previous))
      previous = frame
      for y in 0..<size.height {
        #expect(terminal.line(y) == frame.line(y), "\(id) row \(y)")
      }
    }
  }
}
