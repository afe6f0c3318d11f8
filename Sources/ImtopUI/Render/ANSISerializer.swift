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

  /// `ESC[0;1;38;5;202;48;2;0;0;0m`: a full reset then every attribute and colour of a cell's
  /// appearance (already at this depth: see `CellAppearance`, the rule the ncurses screen follows too).
  func sgr(_ style: CellAppearance) -> String {
    var codes = ["0"]
    if style.attributes.contains(.bold) { codes.append("1") }
    if style.attributes.contains(.dim) { codes.append("2") }
    if style.attributes.contains(.italic) { codes.append("3") }
    if style.attributes.contains(.underline) { codes.append("4") }
    if style.attributes.contains(.reverse) { codes.append("7") }
    codes += Self.codes(style.foreground, background: false)
    codes += Self.codes(style.background, background: true)
    return "\u{1B}[" + codes.joined(separator: ";") + "m"
  }

  static func codes(_ color: Color, background: Bool) -> [String] {
    switch color {
    case .terminalDefault: return []
    case .ansi(let n):
      let index = max(0, min(15, n))
      let base = index < 8 ? (background ? 40 : 30) : (background ? 100 : 90)
      return [String(base + index % 8)]
    case .indexed(let n): return [background ? "48" : "38", "5", String(max(0, min(255, n)))]
    case .rgb(let r, let g, let b): return [background ? "48" : "38", "2", String(r), String(g), String(b)]
    }
  }
}
