/// Every non-letter character the widgets draw, in one place so the ASCII mode swaps them all.
public struct Glyphs: Sendable, Hashable {
  public var topLeft, topRight, bottomLeft, bottomRight, horizontal, vertical: String
  public var ellipsis: String
  public var sortAscending, sortDescending: String
  public var up, degraded, down, unknown, maintenance: String
  public var gaugeFull, gaugeEmpty: String
  /// Eighths of a cell, from empty to full, for vertical bars and block sparklines.
  public var blockLevels: [String]
  public var usesBraille: Bool
  public var dash: String
  public var redacted: String
  public var separator: String
  public var arrowRight: String

  /// Whether every glyph is ASCII (currency symbols become codes, `×` becomes `x`).
  public var isASCII: Bool { !usesBraille }

  public static let unicode = Glyphs(
    topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", horizontal: "─", vertical: "│",
    ellipsis: "…", sortAscending: "▲", sortDescending: "▼",
    up: "●", degraded: "▲", down: "✖", unknown: "?", maintenance: "◆",
    gaugeFull: "█", gaugeEmpty: "░",
    blockLevels: [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], usesBraille: true,
    dash: "—", redacted: "•••", separator: "·", arrowRight: "→"
  )

  public static let ascii = Glyphs(
    topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|",
    ellipsis: "~", sortAscending: "^", sortDescending: "v",
    up: "o", degraded: "^", down: "x", unknown: "?", maintenance: "=",
    gaugeFull: "#", gaugeEmpty: ".",
    blockLevels: [" ", " ", ".", ".", "-", "-", "=", "=", "#"], usesBraille: false,
    dash: "-", redacted: "***", separator: "|", arrowRight: "->"
  )
}
