import ImtopUI
import Testing

@testable import ImtopTerminal
import ImtopTerminalTestSupport

extension NCursesTests {
  /// A frame like a dashboard's: a title row and a few table rows, most of the screen blank.
  func sampleFrame(size: Size) -> Buffer {
    var frame = Buffer(size: size)
    frame.put("imtop  Overview  12:00:00", x: 0, y: 0, foreground: .normal)
    frame.put("● ERP      up    99.95%", x: 0, y: 2)
    frame.put("▲ CRM      warn  98.10%", x: 0, y: 3, foreground: .crit)
    frame.put("✖ 人事      down  91.00%", x: 0, y: 4, background: .selection)
    return frame
  }

  @Test func drawnCellsReadBackFromTheWindow() throws {
    try withScreen { screen, terminal in
      let written = screen.draw(sampleFrame(size: screen.size), theme: Self.theme)
      // 40x10 = 400 cells; the wide 人 and 事 each hide one continuation cell: 398 written.
      #expect(written == 398)
      #expect(screen.inspect(x: 0, y: 2)?.text == "●")
      #expect(screen.inspect(x: 2, y: 2)?.text == "E")
      #expect(screen.inspect(x: 2, y: 4)?.text == "人")
      #expect(screen.inspect(x: 4, y: 4)?.text == "事")
      // "▲ CRM": crit is rgb(255,0,0) -> xterm 196 at 256 colours, bold from the theme.
      let crit = try #require(screen.inspect(x: 2, y: 3))
      #expect(crit.foreground == 196 && crit.background == -1)
      #expect(crit.attributes == [.bold])
      // Selection background: ANSI cyan (6) behind ANSI black (0) text... the fg role is normal (7).
      let selected = try #require(screen.inspect(x: 0, y: 4))
      #expect(selected.foreground == 7 && selected.background == 6)
      let bytes = try #require(terminal.drainOutput())
      #expect(occurrences(of: Array("ERP".utf8), in: bytes) == 1)
      #expect(occurrences(of: Array("人".utf8), in: bytes) == 1)
    }
  }

  @Test func unchangedFrameSendsNothing() throws {
    try withScreen { screen, terminal in
      let frame = sampleFrame(size: screen.size)
      screen.draw(frame, theme: Self.theme)
      _ = try #require(terminal.drainOutput())
      #expect(screen.draw(frame, theme: Self.theme) == 0)
      #expect(try #require(terminal.drainOutput()).isEmpty)
      #expect(screen.statistics.frames == 1)
    }
  }

  @Test func oneChangedCellSendsAFewBytes() throws {
    try withScreen(size: Size(width: 100, height: 30)) { screen, terminal in
      var frame = sampleFrame(size: screen.size)
      screen.draw(frame, theme: Self.theme)
      let first = try #require(terminal.drainOutput())
      frame.put("5", x: 23, y: 0)
      #expect(screen.draw(frame, theme: Self.theme) == 1)
      let second = try #require(terminal.drainOutput())
      // A cursor move (ESC [ 1 ; 24 H, 7 bytes) and the digit: well under 40, and nothing like the
      // first frame's full paint.
      #expect(second.count > 0 && second.count < 40)
      #expect(second.contains(UInt8(ascii: "5")))
      #expect(first.count > 10 * second.count)
    }
  }

  @Test func changedCellsCostAtMostAFewBytesEach() throws {
    try withScreen(size: Size(width: 160, height: 48)) { screen, terminal in
      var frame = sampleFrame(size: screen.size)
      screen.draw(frame, theme: Self.theme)
      _ = try #require(terminal.drainOutput())
      // One system changes state: its light and word change colour and text (a row of 10 cells).
      frame.put("✖ ERP      down", x: 0, y: 2, foreground: .crit)
      let cells = screen.draw(frame, theme: Self.theme)
      let bytes = try #require(terminal.drainOutput())
      // "✖ ERP      down" against "● ERP      up   ": the first cell, and 11-15 ("down"/"up  ")
      // differ in text, and every cell in colour: 15 changed cells.
      #expect(cells == 15)
      #expect(bytes.count <= 200)
    }
  }

  @Test func controlCharactersInCellsNeverReachTheTerminalRaw() throws {
    try withScreen { screen, terminal in
      var frame = Buffer(size: screen.size)
      screen.draw(frame, theme: Self.theme)
      _ = try #require(terminal.drainOutput())
      // The Buffer would sanitise text given to `put`; a cell set directly bypasses it.
      frame[3, 1] = Cell("\u{1B}[2J")
      frame[4, 1] = Cell("\u{9B}31m")
      frame[5, 1] = Cell("\u{7}")
      screen.draw(frame, theme: Self.theme)
      let bytes = try #require(terminal.drainOutput())
      #expect(screen.inspect(x: 3, y: 1)?.text == "\u{241B}")
      #expect(screen.inspect(x: 4, y: 1)?.text == "\u{FFFD}")
      #expect(screen.inspect(x: 5, y: 1)?.text == "\u{2407}")
      #expect(occurrences(of: Array("[2J".utf8), in: bytes) == 0)
      let scalars = String(decoding: bytes, as: UTF8.self).unicodeScalars.map(\.value)
      #expect(!scalars.contains(0x9B) && !scalars.contains(0x07))
      #expect(occurrences(of: Array("\u{241B}".utf8), in: bytes) == 1)
      // The only ESC bytes are ncurses' own: CSI sequences (cursor move, colour, reset) and the
      // character-set designation `ESC ( B` that ends its attribute reset.
      for (index, byte) in bytes.enumerated() where byte == 0x1B {
        #expect(index + 1 < bytes.count && [UInt8(ascii: "["), UInt8(ascii: "(")].contains(bytes[index + 1]))
      }
    }
  }

  @Test func wideGraphemeReplacedByNarrowOnesRedrawsBothColumns() throws {
    try withScreen { screen, _ in
      var frame = Buffer(size: screen.size)
      frame.put("宽", x: 0, y: 0)
      screen.draw(frame, theme: Self.theme)
      frame.put("ab", x: 0, y: 0)
      #expect(screen.draw(frame, theme: Self.theme) == 2)
      #expect(screen.inspect(x: 0, y: 0)?.text == "a")
      #expect(screen.inspect(x: 1, y: 0)?.text == "b")
    }
  }

  @Test func themeSwitchRepaintsEveryCell() throws {
    try withScreen(size: Size(width: 10, height: 2)) { screen, _ in
      var frame = Buffer(size: screen.size)
      frame.put("ok", x: 0, y: 0, foreground: .crit)
      screen.draw(frame, theme: Self.theme)
      var other = Self.theme
      other.name = "other"
      other.styles[.crit] = Style(foreground: .indexed(33))
      // Same cells, new colours: all 20 cells are written again.
      #expect(screen.draw(frame, theme: other) == 20)
      #expect(screen.inspect(x: 0, y: 0)?.foreground == 33)
      #expect(screen.inspect(x: 0, y: 0)?.attributes == [])
    }
  }
}
