import Testing

@testable import ImtopUI

/// Every shipped theme at every colour depth, every pair of roles a cell can carry: what the
/// terminal is told to draw must stay readable once the colours are degraded.
@Suite struct ThemeReadabilityTests {
  static let themes = ThemeCatalog.shippedNames.compactMap(ThemeCatalog.shipped)
  static let depths = ColorDepth.allCases

  @Test func theShippedThemesAreAllHere() {
    #expect(Self.themes.count == ThemeCatalog.shippedNames.count)
    #expect(Self.themes.count >= 5)
  }

  @Test(arguments: themes, depths)
  func noTextIsDrawnInItsOwnBackground(theme: Theme, depth: ColorDepth) {
    for background in Role.allCases {
      for foreground in Role.allCases {
        let look = CellAppearance(foreground: foreground, background: background, attributes: [], theme: theme, depth: depth)
        // Two terminal defaults are the terminal's own pair, which differ.
        let same = look.foreground == look.background && look.foreground != .terminalDefault
        #expect(!same, "\(theme.name) at \(depth): \(foreground) on \(background) is \(look.foreground) on \(look.background)")
      }
    }
  }

  @Test(arguments: themes, depths)
  func aHighlightDiffersFromTheScreenOrIsReversed(theme: Theme, depth: ColorDepth) {
    let screen = CellAppearance(foreground: .normal, background: .background, attributes: [], theme: theme, depth: depth)
    // The selection always; the status bar where the theme gives it a colour of its own.
    let highlights = [Role.selection] + (theme.styles[.statusBar].map { $0.background != .terminalDefault } == true ? [.statusBar] : [])
    for highlight in highlights {
      for foreground in Role.allCases where theme.style(for: foreground).background == .terminalDefault {
        let look = CellAppearance(foreground: foreground, background: highlight, attributes: [], theme: theme, depth: depth)
        let visible = look.attributes.contains(.reverse) && !screen.attributes.contains(.reverse)
          || !CellAppearance.highlightIsLost(look.background, over: screen.background)
        #expect(visible, "\(theme.name) at \(depth): \(foreground) on \(highlight) is \(look) over \(screen)")
      }
    }
  }

  @Test(arguments: themes, depths.filter { $0 >= .eight })
  func okWarnAndCritHaveTheirOwnColours(theme: Theme, depth: ColorDepth) {
    // mono is the theme without colour: its states differ by symbol, word and attributes only.
    guard theme.name != "mono" else {
      #expect([Role.ok, .warn, .crit].allSatisfy { theme.style(for: $0).foreground == .terminalDefault })
      return
    }
    let colours = [Role.ok, .warn, .crit].map {
      CellAppearance(foreground: $0, background: .background, attributes: [], theme: theme, depth: depth).foreground
    }
    #expect(Set(colours).count == 3, "\(theme.name) at \(depth): ok, warn, crit are \(colours)")
  }

  @Test func theHighContrastSelectionIsBlackOnWhite() throws {
    let theme = try #require(ThemeCatalog.shipped("high-contrast"))
    for depth in [ColorDepth.palette256, .sixteen] {
      let look = CellAppearance(foreground: .normal, background: .selection, attributes: [], theme: theme, depth: depth)
      #expect(look.foreground == .ansi(0) && look.background == .ansi(15))
    }
    let eight = CellAppearance(foreground: .normal, background: .selection, attributes: [], theme: theme, depth: .eight)
    #expect(eight.foreground == .ansi(0) && eight.background == .ansi(7))
    // Bright white text stays bright (bold at 8 colours) where it is not on the selection.
    let normal = CellAppearance(foreground: .normal, background: .background, attributes: [], theme: theme, depth: .eight)
    #expect(normal == CellAppearance(foreground: .ansi(7), background: .ansi(0), attributes: .bold))
  }

  @Test func theDefaultSelectionAtEightColoursIsReverseVideo() throws {
    let theme = try #require(ThemeCatalog.shipped("default"))
    let look = CellAppearance(foreground: .normal, background: .selection, attributes: [], theme: theme, depth: .eight)
    #expect(look.background == .terminalDefault && look.attributes.contains(.reverse))
    // A border on the selection (240 becomes black at 8 colours) is no longer black on black.
    let border = CellAppearance(foreground: .border, background: .selection, attributes: [], theme: theme, depth: .eight)
    #expect(border.foreground != border.background || border.foreground == .terminalDefault)
    // At 256 colours the selection keeps its own colour.
    let rich = CellAppearance(foreground: .normal, background: .selection, attributes: [], theme: theme, depth: .palette256)
    #expect(rich.background == .indexed(237) && !rich.attributes.contains(.reverse))
  }
}

extension Theme: CustomTestStringConvertible {
  public var testDescription: String { name }
}
