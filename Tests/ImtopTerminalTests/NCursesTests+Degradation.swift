import ImtopUI
import Testing

@testable import ImtopTerminal
import ImtopTerminalTestSupport

extension NCursesTests {
  @Test func eightColourTerminalShowsNearestColoursAndBrightAsBold() throws {
    try withScreen(terminalName: "xterm") { screen, _ in
      var theme = Self.theme
      theme.styles[.warn] = Style(foreground: .ansi(11))
      var frame = Buffer(size: screen.size)
      frame.put("crit", x: 0, y: 0, foreground: .crit)
      frame.put("warn", x: 0, y: 1, foreground: .warn)
      screen.draw(frame, theme: theme)
      // crit (255,0,0): nearest of 8 is red 1 (205,0,0), bold from the theme.
      let crit = try #require(screen.inspect(x: 0, y: 0))
      #expect(crit.foreground == 1 && crit.attributes == [.bold])
      // warn, bright yellow 11: yellow 3 made bold.
      let warn = try #require(screen.inspect(x: 0, y: 1))
      #expect(warn.foreground == 3 && warn.attributes == [.bold])
    }
  }

  @Test func whenPairsRunOutColouredBackgroundsBecomeReverse() throws {
    // xterm has 64 pairs: 63 besides the default. The first half of the roles get a foreground only
    // (the 8 colours or the terminal's own) and the second half a background too; drawn as
    // foregrounds and backgrounds of each other, their 12 x 12 combinations need 64 pairs even with
    // text in its own background colour repaired (9 foregrounds less that one, times 8 backgrounds).
    let roles = Role.allCases
    let half = roles.count / 2
    let foregrounds = Array(roles[..<half])
    let backgrounds = Array(roles[half...])
    var styles: [Role: Style] = [:]
    for (index, role) in roles.enumerated() {
      let foreground: Color = index % 9 == 8 ? .terminalDefault : .ansi(index % 9)
      styles[role] = index < half ? Style(foreground: foreground) : Style(foreground: .ansi(7), background: .ansi(index * 3 % 8))
    }
    let theme = Theme(name: "many", styles: styles)
    try withScreen(size: Size(width: foregrounds.count, height: backgrounds.count), terminalName: "xterm") { screen, _ in
      var frame = Buffer(size: screen.size)
      for (row, background) in backgrounds.enumerated() {
        for (column, foreground) in foregrounds.enumerated() {
          frame[column, row] = Cell("x", foreground: foreground, background: background)
        }
      }
      screen.draw(frame, theme: theme)
      var coloured = 0
      var reversed = 0
      for (row, background) in backgrounds.enumerated() {
        for (column, foreground) in foregrounds.enumerated() {
          let cell = try #require(screen.inspect(x: column, y: row))
          // The colours the one styling rule gives (text in its own background colour is repaired).
          let look = CellAppearance(foreground: foreground, background: background, attributes: [], theme: theme, depth: .eight)
          let expected = (look.foreground.terminalNumber(directColor: false), look.background.terminalNumber(directColor: false))
          if cell.foreground == -1 && cell.background == -1 {
            // No pair left: attributes only, and the background stands out as reverse.
            #expect(cell.attributes.contains(.reverse))
            reversed += 1
          } else {
            #expect(cell.foreground == expected.0 && cell.background == expected.1)
            coloured += 1
          }
        }
      }
      #expect(coloured > 0 && reversed > 0)
      #expect(coloured + reversed == foregrounds.count * backgrounds.count)
    }
  }

  @Test func nonUTF8LocaleDrawsASCIIOnly() throws {
    let terminal = try PseudoTerminal(size: Size(width: 20, height: 4))
    var options = terminal.screenOptions()
    options.locale = "C"
    let screen = try TerminalScreen(options: options)
    defer { screen.restore() }
    #expect(!screen.capabilities.isUTF8)
    _ = terminal.drainOutput()
    var frame = Buffer(size: screen.size)
    frame.put("a人é", x: 0, y: 0)
    screen.draw(frame, theme: Self.theme)
    // 人 takes two columns in the frame: "?" and a blank; é becomes "?".
    #expect(screen.inspect(x: 0, y: 0)?.text == "a")
    #expect(screen.inspect(x: 1, y: 0)?.text == "?")
    #expect(screen.inspect(x: 2, y: 0)?.text == " ")
    #expect(screen.inspect(x: 3, y: 0)?.text == "?")
    let bytes = try #require(terminal.drainOutput())
    #expect(bytes.allSatisfy { $0 < 0x80 })
  }

  @Test func keysTheDashboardIgnoresAreSkipped() throws {
    try withScreen { screen, terminal in
      // A C1 control (U+0085 as UTF-8) and NUL (Ctrl-Space) mean nothing here; "x" comes next.
      terminal.type("\u{85}\u{0}x")
      #expect(screen.nextEvent(timeoutMilliseconds: 5_000) == .key(.character("x")))
    }
  }
}
