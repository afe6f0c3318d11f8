import ImtopUI
import Testing

@testable import ImtopTerminal

@Suite struct CellAppearanceTests {
  let theme = Theme(
    name: "test",
    styles: [
      .normal: Style(foreground: .ansi(7)),
      .crit: Style(foreground: .rgb(255, 0, 0), attributes: .bold),
      .warn: Style(foreground: .ansi(11)),
      .selection: Style(foreground: .ansi(0), background: .indexed(24), attributes: .underline),
    ]
  )

  @Test func foregroundFromTheForegroundRoleAndBackgroundFromTheBackgroundRole() {
    let look = CellAppearance(foreground: .crit, background: .selection, attributes: .italic, theme: theme, depth: .palette256)
    // crit's (255,0,0) is 196; selection's background 24 stays; both roles' attributes and the cell's.
    #expect(look == CellAppearance(foreground: .indexed(196), background: .indexed(24), attributes: [.bold, .underline, .italic]))
  }

  @Test func aRoleTheThemeOmitsUsesTheNormalStyle() {
    let look = CellAppearance(foreground: .ok, background: .background, attributes: [], theme: theme, depth: .sixteen)
    #expect(look == CellAppearance(foreground: .ansi(7), background: .terminalDefault, attributes: []))
  }

  @Test func withoutColourRolesAddTheirEmphasis() {
    let crit = CellAppearance(foreground: .crit, background: .background, attributes: [], theme: theme, depth: .none)
    #expect(crit == CellAppearance(foreground: .terminalDefault, background: .terminalDefault, attributes: [.bold, .underline]))
    let selected = CellAppearance(foreground: .normal, background: .selection, attributes: [], theme: theme, depth: .none)
    // The theme's underline for selection stays; the highlighted background becomes reverse.
    #expect(selected.attributes == [.underline, .reverse])
    let stale = CellAppearance(foreground: .stale, background: .background, attributes: [], theme: theme, depth: .none)
    #expect(stale.attributes == [.dim])
  }

  @Test func eightColoursShowBrightForegroundsInBold() {
    // warn is ANSI 11 (bright yellow): yellow 3 in bold.
    let warn = CellAppearance(foreground: .warn, background: .background, attributes: [], theme: theme, depth: .eight)
    #expect(warn == CellAppearance(foreground: .ansi(3), background: .terminalDefault, attributes: [.bold]))
    // normal is ANSI 7, not bright: no bold.
    let normal = CellAppearance(foreground: .normal, background: .background, attributes: [], theme: theme, depth: .eight)
    #expect(normal.attributes == [])
  }

  @Test func statusRolesStayDistinctWithoutColour() {
    let ok = Role.ok.monochromeForegroundEmphasis
    let warn = Role.warn.monochromeForegroundEmphasis
    let crit = Role.crit.monochromeForegroundEmphasis
    #expect(ok != warn && warn != crit && ok != crit)
    #expect(crit.isSuperset(of: warn))
    #expect(Role.selection.monochromeBackgroundEmphasis == .reverse)
    #expect(Role.background.monochromeBackgroundEmphasis == [])
  }

  @Test func terminalColourNumbers() {
    #expect(Color.terminalDefault.terminalNumber(directColor: false) == -1)
    #expect(Color.ansi(3).terminalNumber(directColor: false) == 3)
    #expect(Color.indexed(200).terminalNumber(directColor: false) == 200)
    #expect(Color.indexed(300).terminalNumber(directColor: false) == -1)
    // Direct colour: ANSI 0-7 stay indexes; the rest become packed RGB.
    #expect(Color.ansi(3).terminalNumber(directColor: true) == 3)
    #expect(Color.ansi(9).terminalNumber(directColor: true) == 0xFF0000)
    #expect(Color.indexed(196).terminalNumber(directColor: true) == 0xFF0000)
    #expect(Color.rgb(0x12, 0x34, 0x56).terminalNumber(directColor: true) == 0x123456)
    // Below 8 a direct-colour entry would send an ANSI colour: nudged to 8.
    #expect(Color.rgb(0, 0, 5).terminalNumber(directColor: true) == 8)
  }
}
