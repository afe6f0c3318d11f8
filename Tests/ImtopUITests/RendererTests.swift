import Testing
import ImtopCore
@testable import ImtopUI

@Suite struct RendererTests {
  func look(_ foreground: Color, _ background: Color = .terminalDefault, attributes: Attributes = []) -> CellAppearance {
    CellAppearance(foreground: foreground, background: background, attributes: attributes)
  }

  @Test func sgrCodes() {
    let serializer = ANSISerializer(theme: ThemeCatalog.fallback, depth: .truecolor)
    #expect(serializer.sgr(look(.ansi(1))) == "\u{1B}[0;31m")
    #expect(serializer.sgr(look(.ansi(9), .ansi(12))) == "\u{1B}[0;91;104m")
    #expect(serializer.sgr(look(.indexed(208), attributes: [.bold, .underline])) == "\u{1B}[0;1;4;38;5;208m")
    #expect(serializer.sgr(look(.rgb(1, 2, 3), .indexed(7))) == "\u{1B}[0;38;2;1;2;3;48;5;7m")
    #expect(serializer.sgr(CellAppearance(foreground: .terminalDefault, background: .terminalDefault, attributes: [])) == "\u{1B}[0m")
  }

  @Test func ansiOutputChangesStyleOnlyWhereItChanges() {
    var buffer = Buffer(size: Size(width: 4, height: 1))
    buffer.put("ab", x: 0, y: 0, foreground: .crit)
    buffer.put("漢", x: 2, y: 0)
    let theme = Theme(name: "t", styles: [.crit: Style(foreground: .ansi(1), attributes: .bold)])
    let text = ANSISerializer(theme: theme, depth: .sixteen).serialize(buffer)
    // Bold red "ab", reset for 漢 (its continuation cell writes nothing), reset at the end of the line.
    #expect(text == "\u{1B}[0;1;31mab\u{1B}[0m漢\u{1B}[0m")
    // Without colour crit adds its monochrome emphasis (underline), as on the ncurses screen.
    let plain = ANSISerializer(theme: theme, depth: .none).serialize(buffer)
    #expect(plain == "\u{1B}[0;1;4mab\u{1B}[0m漢\u{1B}[0m")
  }

  @Test func cellStyleCombinesRoles() {
    let theme = Theme(name: "t", styles: [
      .crit: Style(foreground: .ansi(15), background: .ansi(1), attributes: .bold),
      .selection: Style(background: .indexed(236), attributes: .reverse),
      .ok: Style(foreground: .ansi(2)),
    ])
    // A crit badge keeps its own background; attributes of both roles and the cell add up.
    let badge = CellAppearance(Cell("x", foreground: .crit, background: .selection, attributes: .underline), theme: theme, depth: .truecolor)
    #expect(badge == look(.ansi(15), .ansi(1), attributes: [.bold, .reverse, .underline]))
    let selected = CellAppearance(Cell("x", foreground: .ok, background: .selection), theme: theme, depth: .truecolor)
    #expect(selected == look(.ansi(2), .indexed(236), attributes: .reverse))
  }

  @Test func screenRendererMatchesTheLiveView() {
    let snapshot = Fixtures.snapshot()
    let size = Size(width: 100, height: 30)
    let text = ScreenRenderer.text(snapshot, page: .budget, size: size)
    #expect(text.contains("Planned vs actual by month"))
    #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == 30)
    // Kiosk by default: no key hints in a one-off rendering.
    #expect(!text.contains("? help"))
    let ansi = ScreenRenderer.ansi(snapshot, page: .budget, size: size, theme: ThemeCatalog.fallback, depth: .truecolor)
    #expect(ansi.contains("\u{1B}[0;"))
    #expect(ScreenRenderer.parseSize("120x40") == Size(width: 120, height: 40))
    #expect(ScreenRenderer.parseSize("120×40") == Size(width: 120, height: 40))
    #expect(ScreenRenderer.parseSize("0x40") == nil)
    #expect(ScreenRenderer.parseSize("wide") == nil)
  }

  @Test func redactedCostsShowNoMoney() {
    var options = ScreenRenderer.Options()
    options.redactCosts = true
    for page in PageName.allCases {
      let text = ScreenRenderer.text(Fixtures.snapshot(), page: page, size: Size(width: 160, height: 48), options: options)
      #expect(!text.contains("€"), "money on \(page)")
    }
    let overview = ScreenRenderer.text(Fixtures.snapshot(), page: .overview, size: Size(width: 160, height: 48), options: options)
    #expect(overview.contains("•••"))
  }

  @Test func staleDataIsMarkedOnEveryPanel() {
    // The status file stopped 20 minutes ago: panels fed by it say "stale 20 min".
    let snapshot = Fixtures.snapshot(files: Fixtures.files(age: .minutes(20)))
    let text = ScreenRenderer.text(snapshot, page: .overview, size: Size(width: 120, height: 40))
    #expect(text.contains("stale 20 min"))
    let buffer = ScreenRenderer.render(snapshot, page: .overview, size: Size(width: 120, height: 40))
    #expect(buffer.cells.contains { $0.foreground == .stale && $0.grapheme == "s" })
  }

  @Test func missingFilesAreNamed() {
    let snapshot = Fixtures.snapshot(missing: [.budget])
    let text = ScreenRenderer.text(snapshot, page: .budget, size: Size(width: 80, height: 24))
    #expect(text.contains("No data: add budget.csv"))
  }
}
