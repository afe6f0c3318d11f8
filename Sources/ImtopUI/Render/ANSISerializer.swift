/// Writes a buffer as text with ANSI SGR colour codes, for `imtop snapshot --format ansi` (e-mail,
/// `less -R`, CI logs). Each line starts clean and ends with a reset, so lines can be cut apart.
public struct ANSISerializer: Sendable {
  public var theme: Theme
  public var depth: ColorDepth

  public init(theme: Theme, depth: ColorDepth) {
    self.theme = theme
    self.depth = depth
  }

  public func serialize(_ buffer: Buffer) -> String {
    var out = ""
    for y in 0..<buffer.size.height {
      var current: CellAppearance?
      var line = ""
      for x in 0..<buffer.size.width {
        let cell = buffer[x, y]
        if cell.isContinuation { continue }
        let style = CellAppearance(cell, theme: theme, depth: depth)
        if style != current {
          line += sgr(style)
          current = style
        }
        line += cell.grapheme
      }
      out += line + "\u{1B}[0m"
      if y < buffer.size.height - 1 { out += "\n" }
    }
    return out
  }

  /// A full reset then every attribute and colour of a cell's appearance (`SGR.full`).
  func sgr(_ style: CellAppearance) -> String { SGR.full(style) }
}
