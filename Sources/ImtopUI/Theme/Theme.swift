/// A named mapping from roles to styles, as a `themes/*.toml` file defines it.
public struct Theme: Hashable, Sendable {
  public var name: String
  public var styles: [Role: Style]

  public init(name: String, styles: [Role: Style]) {
    self.name = name
    self.styles = styles
  }

  /// The style of a role; the `normal` style (or the terminal's default) for a role the theme omits.
  public func style(for role: Role) -> Style {
    styles[role] ?? styles[.normal] ?? Style()
  }
}
