/// How one cell looks once its roles went through the theme and the terminal's colour depth.
///
/// Cells carry roles, not colours, so a theme switch or a monochrome terminal changes the look of a
/// frame without the widgets knowing. `init(_:theme:depth:)` is the one rule every backend follows:
/// the ncurses screen and the ANSI text of `imtop snapshot --format ansi` both draw what it says.
public struct CellAppearance: Hashable, Sendable {
  public var foreground: Color
  public var background: Color
  public var attributes: Attributes

  public init(foreground: Color, background: Color, attributes: Attributes) {
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }

  /// The appearance of `cell` under `theme` at `depth`.
  public init(_ cell: Cell, theme: Theme, depth: ColorDepth) {
    self.init(foreground: cell.foreground, background: cell.background, attributes: cell.attributes, theme: theme, depth: depth)
  }

  /// The appearance of a cell with these roles and attributes under `theme` at `depth`.
  ///
  /// The text colour is the foreground role's. The background is the foreground role's own when it
  /// has one (a `crit` badge stays a badge on a selected row), else the background role's (a role
  /// the theme leaves out takes the `normal` style, as `Theme.style(for:)` says). The
  /// attributes of the cell and of both roles add up. Without colour each role adds its monochrome
  /// emphasis so every state stays visible. With 8 colours a bright foreground becomes its base
  /// colour in bold, the way 8-colour terminals have always shown brightness.
  ///
  /// Degradation must never make a theme unreadable, so two repairs follow:
  /// - A highlight (the selection, the status bar, an active tab: the roles that reverse the cell
  ///   without colour) whose background became the screen's background shows in reverse video
  ///   instead. The terminal's own background is taken to be black or white, so a highlight that
  ///   became black or white over it counts as gone too.
  /// - Text whose colour became its background's takes the background role's own text colour
  ///   (high-contrast's black on its white selection), else the screen's background colour, else the
  ///   terminal's default.
  public init(foreground: Role, background: Role, attributes: Attributes, theme: Theme, depth: ColorDepth) {
    let front = theme.style(for: foreground)
    let back = theme.style(for: background)
    let ownBackground = front.background != .terminalDefault
    let backgroundRole = ownBackground ? foreground : background
    var combined = attributes.union(front.attributes).union(back.attributes)
    if depth == .none {
      combined.formUnion(foreground.monochromeForegroundEmphasis)
      combined.formUnion(background.monochromeBackgroundEmphasis)
    }
    var text = front.foreground.degraded(to: depth)
    let themeFill = ownBackground ? front.background : back.background
    var fill = themeFill.degraded(to: depth)
    let screen = theme.style(for: .background).background.degraded(to: depth)
    if depth > .none, themeFill != .terminalDefault, backgroundRole.monochromeBackgroundEmphasis.contains(.reverse),
      CellAppearance.highlightIsLost(fill, over: screen)
    {
      fill = screen
      combined.insert(.reverse)
    }
    var brightened = depth == .eight && front.foreground.degraded(to: .sixteen).isBrightANSI
    if text == fill, text != .terminalDefault {
      let candidates = [theme.style(for: backgroundRole).foreground.degraded(to: depth), screen]
      text = candidates.first { $0 != fill && $0 != .terminalDefault } ?? .terminalDefault
      brightened = false
    }
    if brightened { combined.insert(.bold) }
    self.init(foreground: text, background: fill, attributes: combined)
  }

  /// Whether a highlight's background, once degraded, can no longer be told from the screen's:
  /// the same colour, or black or white over the terminal's own (unknown) background.
  static func highlightIsLost(_ highlight: Color, over screen: Color) -> Bool {
    if highlight == screen { return true }
    guard screen == .terminalDefault else { return false }
    switch highlight {
    case .ansi(let index): return [0, 7, 15].contains(index)
    case .indexed(let index): return [0, 7, 15, 16, 231].contains(index)
    case .rgb(let r, let g, let b): return (r, g, b) == (0, 0, 0) || (r, g, b) == (255, 255, 255)
    case .terminalDefault: return false
    }
  }
}

extension Color {
  /// An ANSI colour 8-15 (bright black ... bright white).
  var isBrightANSI: Bool {
    if case .ansi(let index) = self { return index >= 8 }
    return false
  }
}
