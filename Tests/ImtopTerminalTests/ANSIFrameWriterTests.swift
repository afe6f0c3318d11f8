import ImtopCore
import ImtopUI
import Testing

@testable import ImtopTerminal

@Suite struct ANSIFrameWriterTests {
  static let theme = Theme(
    name: "plain",
    styles: [.crit: Style(foreground: .ansi(1), attributes: .bold), .ok: Style(foreground: .ansi(2))]
  )

  static func glyph(_ cell: Cell) -> TerminalGlyph {
    TerminalGlyph(grapheme: cell.grapheme, utf8: true, maxScalars: 5, terminalWidth: { SafeText.width(String($0)) })
  }

  /// Writes the cells of `frame` that differ from `previous` (all of them without one).
  static func write(_ frame: Buffer, since previous: Buffer?, writer: inout ANSIFrameWriter, theme: Theme, depth: ColorDepth) -> [UInt8] {
    var bytes: [UInt8] = []
    let items = frame.changes(since: previous).map { change in
      ANSIFrameWriter.Item(
        cell: change.cell, glyph: glyph(change.cell), style: CellAppearance(change.cell, theme: theme, depth: depth), x: change.x,
        y: change.y)
    }
    writer.write(items, size: frame.size, into: &bytes) { cell in (glyph(cell), CellAppearance(cell, theme: theme, depth: depth)) }
    return bytes
  }

  /// Random frames, each a few random strokes on the one before, some with a band of rows moved a
  /// place up or down, written as their changes (now and then after `invalidate`, as after a
  /// resize): a terminal reading the bytes shows every cell of every frame, text and rendition, at
  /// every colour depth.
  @Test(arguments: [ColorDepth.none, .eight, .sixteen, .palette256, .truecolor])
  func aTerminalReadingTheBytesShowsEveryFrame(depth: ColorDepth) throws {
    let theme = ThemeCatalog.fallback
    let size = Size(width: 24, height: 6)
    let texts = ["a", "Z", " ", "7", "é", "人", "⣿", "─", "ok", "down", "12:00", "表示"]
    let roles: [Role] = [.normal, .muted, .crit, .ok, .warn, .selection, .statusBar, .header, .background]
    let attributeSets: [Attributes] = [[], .bold, .dim, [.bold, .dim], .underline, .reverse, [.italic, .underline], [.bold, .reverse]]
    var random = SeededGenerator(seed: 16)
    var scrolledDown = 0
    var scrolledUp = 0
    defer {
      // Rows that moved a place were scrolled, both ways, not only written again.
      #expect(scrolledDown > 0 && scrolledUp > 0, "scrolled down \(scrolledDown), up \(scrolledUp) times")
    }
    for round in 0..<20 {
      var writer = ANSIFrameWriter(utf8: true, plainControls: round % 2 == 0)
      var terminal = ANSIScreenModel(size: size)
      var shown: Buffer?
      var frame = Buffer(size: size)
      for step in 0..<12 {
        for _ in 0..<Int.random(in: 1...12, using: &random) {
          frame.put(
            texts.randomElement(using: &random)!, x: Int.random(in: 0..<size.width, using: &random),
            y: Int.random(in: 0..<size.height, using: &random), foreground: roles.randomElement(using: &random)!,
            background: roles.randomElement(using: &random)!, attributes: attributeSets.randomElement(using: &random)!)
        }
        if step % 3 == 1 {
          // Rows move a place, as a sorted table's do: a band shifted down or up, a new row in the gap.
          let top = Int.random(in: 0..<(size.height - 2), using: &random)
          let bottom = Int.random(in: (top + 2)..<size.height, using: &random)
          let down = Bool.random(using: &random)
          let rows = down ? Array(stride(from: bottom, to: top, by: -1)) : Array(top..<bottom)
          for row in rows {
            for x in 0..<size.width { frame.set(frame[x, down ? row - 1 : row + 1], x: x, y: row) }
          }
          frame.put(texts.randomElement(using: &random)!, x: 0, y: down ? top : bottom, foreground: roles.randomElement(using: &random)!)
        }
        if step == 6 {
          writer.invalidate()
          shown = nil
        }
        let bytes = Self.write(frame, since: shown, writer: &writer, theme: theme, depth: depth)
        let text = String(decoding: bytes, as: UTF8.self)
        if text.contains("\u{1B}M") { scrolledDown += 1 }
        if text.contains("\u{1B}D") { scrolledUp += 1 }
        try terminal.feed(bytes)
        shown = frame
        for y in 0..<size.height {
          for x in 0..<size.width {
            let cell = frame[x, y]
            let owner = cell.isContinuation ? frame[x - 1, y] : cell
            let expected = ANSIScreenModel.Shown(
              text: cell.isContinuation ? "" : cell.grapheme, look: CellAppearance(owner, theme: theme, depth: depth))
            #expect(terminal[x, y] == expected, "frame \(step), cell \(x),\(y)")
          }
        }
      }
    }
  }

  /// A clock's last digit changing, then the clock and two ages: the first frame's styles come in
  /// the order that switches least (plain, green, then bold red), so the tick after it needs only a
  /// move and the digit; the next one switches once, to the ages' green.
  @Test func aTickSendsOnlyWhatChangedAndKeepsTheRendition() {
    func frame(_ clock: String, age: String) -> Buffer {
      var frame = Buffer(size: Size(width: 80, height: 3))
      frame.put(clock, x: 72, y: 0, foreground: .crit)
      frame.put(age, x: 10, y: 1, foreground: .ok)
      frame.put(age, x: 20, y: 1, foreground: .ok)
      return frame
    }
    var writer = ANSIFrameWriter(utf8: true)
    let first = frame("12:00:00", age: "1 s")
    _ = Self.write(first, since: nil, writer: &writer, theme: Self.theme, depth: .palette256)
    let second = frame("12:00:01", age: "1 s")
    let tick = Self.write(second, since: first, writer: &writer, theme: Self.theme, depth: .palette256)
    // Row 1, column 80, in the bold red the first frame ended with; the digit.
    #expect(String(decoding: tick, as: UTF8.self) == "\u{1B}[1;80H1")
    let third = frame("12:00:02", age: "2 s")
    let next = Self.write(third, since: second, writer: &writer, theme: Self.theme, depth: .palette256)
    // The clock first (row order), in the rendition it left; then the ages: row 2, column 11, out
    // of bold red into green (a reset and green is shorter than ending bold and setting green);
    // then 9 columns on, in the same style.
    #expect(String(decoding: next, as: UTF8.self) == "\u{1B}[1;80H2\u{1B}[2;11H\u{1B}[0;32m2\u{1B}[9C2")
  }

  /// Two changed cells with one unchanged cell of the same style between: the cell is written again
  /// (one byte) instead of a step forward (three); with another style between, the step it is.
  @Test func aShortGapOfPlainCellsIsWrittenAgainInsteadOfMovingOver() {
    func frame(_ digit: String, middle: Role) -> Buffer {
      var frame = Buffer(size: Size(width: 20, height: 2))
      frame.put("a\(digit)", x: 0, y: 0, foreground: .ok)
      frame.put("b", x: 2, y: 0, foreground: middle)
      frame.put("\(digit)c", x: 3, y: 0, foreground: .ok)
      return frame
    }
    let green = CellAppearance(Cell("x", foreground: .ok), theme: Self.theme, depth: .palette256)
    // The cursor stands below the first digit: one row up (ESC [ A), then the digits.
    for (middle, expected) in [(Role.ok, "\u{1B}[A2b2"), (.crit, "\u{1B}[A2\u{1B}[C2")] {
      var writer = ANSIFrameWriter(utf8: true)
      let first = frame("1", middle: middle)
      var bytes = Self.write(first, since: nil, writer: &writer, theme: Self.theme, depth: .palette256)
      // A green cell on the next row leaves the rendition the digits' own.
      writer.write(
        Cell("x", foreground: .ok), glyph: Self.glyph(Cell("x")), style: green, x: 0, y: 1, size: first.size, into: &bytes)
      let tick = Self.write(frame("2", middle: middle), since: first, writer: &writer, theme: Self.theme, depth: .palette256)
      #expect(String(decoding: tick, as: UTF8.self) == expected, "\(middle)")
    }
  }

  /// Every change of rendition, between random appearances, leaves the terminal with the new one,
  /// and is never longer than a full reset to it.
  @Test func aRenditionChangeReachesItsTargetAndIsNeverLongerThanAReset() throws {
    let colors: [Color] = [.terminalDefault, .ansi(1), .ansi(12), .indexed(245), .indexed(3), .rgb(10, 200, 30)]
    let attributes: [Attributes] = [[], .bold, .dim, [.bold, .dim], .italic, .underline, .reverse, [.bold, .underline, .reverse]]
    var random = SeededGenerator(seed: 7)
    func appearance() -> CellAppearance {
      CellAppearance(
        foreground: colors.randomElement(using: &random)!, background: colors.randomElement(using: &random)!,
        attributes: attributes.randomElement(using: &random)!)
    }
    for _ in 0..<2_000 {
      let old = appearance()
      let new = appearance()
      var terminal = ANSIScreenModel(size: Size(width: 2, height: 1))
      try terminal.feed(Array((SGR.full(old) + SGR.change(from: old, to: new) + "x").utf8))
      #expect(terminal[0, 0].look == new, "\(old) → \(new)")
      #expect(SGR.change(from: old, to: new).utf8.count <= SGR.full(new).utf8.count)
      #expect(SGR.change(from: old, to: new).isEmpty == (old == new))
    }
  }
}
