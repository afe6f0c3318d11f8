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
  public init(foreground: Role, background: Role, attributes: Attributes, theme: Theme, depth: ColorDepth) {
    let front = theme.style(for: foreground)
    let back = theme.style(for: background)
    let backgroundColor = front.background != .terminalDefault ? front.background : back.background
    var combined = attributes.union(front.attributes).union(back.attributes)
    if depth == .none {
      combined.formUnion(foreground.monochromeForegroundEmphasis)
      combined.formUnion(background.monochromeBackgroundEmphasis)
    }
    if depth == .eight, case .ansi(let index) = front.foreground.degraded(to: .sixteen), index >= 8 {
      combined.insert(.bold)
    }
    self.init(foreground: front.foreground.degraded(to: depth), background: backgroundColor.degraded(to: depth), attributes: combined)
  }
}
