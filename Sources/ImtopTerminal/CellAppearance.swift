import ImtopUI

/// How one cell looks once its roles went through the theme and the terminal's colour depth.
///
/// Cells carry roles, not colours, so a theme switch or a monochrome terminal changes the look of a
/// frame without the widgets knowing.
public struct CellAppearance: Hashable, Sendable {
  public var foreground: Color
  public var background: Color
  public var attributes: Attributes

  public init(foreground: Color, background: Color, attributes: Attributes) {
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }

  /// The appearance of a cell with these roles and attributes under `theme` at `depth`.
  ///
  /// The foreground colour comes from the foreground role's style and the background colour from the
  /// background role's style; both styles' attributes apply. Without colour each role adds its
  /// monochrome emphasis so every state stays visible. With 8 colours a bright foreground becomes
  /// its base colour in bold, the way 8-colour terminals have always shown brightness.
  public init(foreground: Role, background: Role, attributes: Attributes, theme: Theme, depth: ColorDepth) {
    let foregroundStyle = theme.style(for: foreground)
    let backgroundStyle = theme.style(for: background)
    var combined = attributes.union(foregroundStyle.attributes).union(backgroundStyle.attributes)
    if depth == .none {
      combined.formUnion(foreground.monochromeForegroundEmphasis)
      combined.formUnion(background.monochromeBackgroundEmphasis)
    }
    if depth == .eight, case .ansi(let index) = foregroundStyle.foreground.degraded(to: .sixteen), index >= 8 {
      combined.insert(.bold)
    }
    self.init(
      foreground: foregroundStyle.foreground.degraded(to: depth),
      background: backgroundStyle.background.degraded(to: depth),
      attributes: combined
    )
  }
}
