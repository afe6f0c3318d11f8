extension Theme {
  /// How one cell looks: the foreground role's text colour; the foreground role's own background when
  /// it has one (a `crit` badge), else the background role's; and the attributes of the cell and of
  /// both roles together. The single rule every backend (ncurses, ANSI text) follows.
  public func style(of cell: Cell) -> Style {
    let front = style(for: cell.foreground)
    let back = styles[cell.background] ?? Style()
    let background = front.background != .terminalDefault ? front.background : back.background
    return Style(foreground: front.foreground, background: background,
                 attributes: cell.attributes.union(front.attributes).union(back.attributes))
  }
}
