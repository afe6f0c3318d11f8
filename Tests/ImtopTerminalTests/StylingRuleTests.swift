import CNCursesW
import ImtopUI
import Testing

@testable import ImtopTerminal

/// The ncurses screen and `imtop snapshot --format ansi` turn a cell's roles into the same colours
/// and attributes: for every shipped theme, every pair of roles and every colour depth, the SGR codes
/// the ANSI text carries, read back, equal what the screen gives ncurses.
@Suite struct StylingRuleTests {
  static let depths: [ColorDepth] = [.truecolor, .palette256, .sixteen, .eight, .none]

  /// The attributes and colours one SGR sequence (`ESC [ ... m`) sets after its reset.
  static func parse(_ sequence: Substring) -> (attributes: Attributes, foreground: Color, background: Color)? {
    guard sequence.hasPrefix("\u{1B}["), sequence.hasSuffix("m") else { return nil }
    var codes = sequence.dropFirst(2).dropLast().split(separator: ";").compactMap { Int($0) }[...]
    var attributes: Attributes = []
    var colors: [Bool: Color] = [:]
    while let code = codes.popFirst() {
      switch code {
      case 0: continue
      case 1: attributes.insert(.bold)
      case 2: attributes.insert(.dim)
      case 3: attributes.insert(.italic)
      case 4: attributes.insert(.underline)
      case 7: attributes.insert(.reverse)
      case 30...37, 40...47: colors[code >= 40] = .ansi(code % 10)
      case 90...97, 100...107: colors[code >= 100] = .ansi(code % 10 + 8)
      case 38, 48:
        let kind = codes.popFirst()
        if kind == 5, let index = codes.popFirst() {
          colors[code == 48] = .indexed(index)
        } else if kind == 2, let r = codes.popFirst(), let g = codes.popFirst(), let b = codes.popFirst() {
          colors[code == 48] = .rgb(UInt8(clamping: r), UInt8(clamping: g), UInt8(clamping: b))
        } else {
          return nil
        }
      default: return nil
      }
    }
    return (attributes, colors[false] ?? .terminalDefault, colors[true] ?? .terminalDefault)
  }

  @Test(arguments: ThemeCatalog.shippedNames)
  func ansiTextAndTheScreenAgree(themeName: String) throws {
    let theme = try #require(ThemeCatalog.shipped(themeName))
    var mismatches: [String] = []
    for depth in Self.depths {
      let direct = depth == .truecolor
      for foreground in Role.allCases {
        for background in Role.allCases {
          var buffer = Buffer(size: Size(width: 1, height: 1))
          buffer.set(Cell("x", foreground: foreground, background: background), x: 0, y: 0)
          let text = ANSISerializer(theme: theme, depth: depth).serialize(buffer)
          guard let end = text.firstIndex(of: "m"), let ansi = Self.parse(text[...end]) else {
            mismatches.append("\(depth) \(foreground)/\(background): no SGR sequence in \(text.debugDescription)")
            continue
          }
          let screen = TerminalScreen.cursesStyle(
            CellAppearance(foreground: foreground, background: background, attributes: [], theme: theme, depth: depth), depth: depth)
          let fromText = (
            attributes: TerminalScreen.cursesAttributes(ansi.attributes),
            foreground: depth == .none ? -1 : ansi.foreground.terminalNumber(directColor: direct),
            background: depth == .none ? -1 : ansi.background.terminalNumber(directColor: direct))
          if fromText != screen {
            mismatches.append("\(depth) \(foreground)/\(background): text \(fromText), screen \(screen)")
          }
        }
      }
    }
    #expect(mismatches.isEmpty, "\(themeName): \(mismatches.count) differ, first \(mismatches.prefix(3))")
  }

  @Test func highContrastCritBadgeIsRedOnBothPaths() throws {
    let theme = try #require(ThemeCatalog.shipped("high-contrast"))
    // The theme gives crit a red background: a badge, whatever row it is drawn on.
    #expect(theme.style(for: .crit).background == .ansi(1))
    let screen = TerminalScreen.cursesStyle(
      CellAppearance(foreground: .crit, background: .background, attributes: [], theme: theme, depth: .sixteen), depth: .sixteen)
    #expect(screen.background == 1)
    var buffer = Buffer(size: Size(width: 1, height: 1))
    buffer.set(Cell("x", foreground: .crit, background: .background), x: 0, y: 0)
    #expect(ANSISerializer(theme: theme, depth: .sixteen).serialize(buffer).contains(";41m"))
  }
}
