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
  /// Whether symbols in text are ASCII: currency codes instead of `€`, `x` for `×`, `<=` for `≤`.
  public var isASCII: Bool
  /// The sparkline a widget draws instead of the one it prefers when braille is not allowed.
  public var sparkline: Sparkline.Variant
  public var dash: String
  public var redacted: String
  public var separator: String
  public var arrowRight: String

  /// A marker written after a word or figure (`State▼`, `99.12%▼`): an ASCII marker (`v`, `^`)
  /// would read as part of it (`Statev`), so it stands apart (`State v`, `99.12% v`).
  public func trailingMarker(_ marker: String) -> String { (isASCII ? " " : "") + marker }

  public static let unicode = Glyphs(
    topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", horizontal: "─", vertical: "│",
    ellipsis: "…", sortAscending: "▲", sortDescending: "▼",
    up: "●", degraded: "▲", down: "✖", unknown: "?", maintenance: "◆",
    gaugeFull: "█", gaugeEmpty: "░",
    blockLevels: [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], usesBraille: true, isASCII: false, sparkline: .block,
    dash: "—", redacted: "•••", separator: "·", arrowRight: "→"
  )

  public static let ascii = Glyphs(
    topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|",
    ellipsis: "~", sortAscending: "^", sortDescending: "v",
    up: "o", degraded: "^", down: "x", unknown: "?", maintenance: "=",
    gaugeFull: "#", gaugeEmpty: ".",
    blockLevels: [" ", " ", ".", ".", "-", "-", "=", "=", "#"], usesBraille: false, isASCII: true, sparkline: .ascii,
    dash: "-", redacted: "***", separator: "|", arrowRight: "->"
  )

  /// What the Linux console's default fonts can show: box drawing and `█ ▄ ▀ ░ ▒ ▓` (no braille, no
  /// eighth blocks); every symbol is ASCII, as in `ascii`.
  public static let blocks = Glyphs(
    topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", horizontal: "─", vertical: "│",
    ellipsis: ascii.ellipsis, sortAscending: ascii.sortAscending, sortDescending: ascii.sortDescending,
    up: ascii.up, degraded: ascii.degraded, down: ascii.down, unknown: ascii.unknown, maintenance: ascii.maintenance,
    gaugeFull: "█", gaugeEmpty: "░",
    blockLevels: [" ", " ", "▄", "▄", "▄", "▄", "█", "█", "█"], usesBraille: false, isASCII: true, sparkline: .halves,
    dash: ascii.dash, redacted: ascii.redacted, separator: ascii.separator, arrowRight: ascii.arrowRight
  )

  /// Every character the Linux console's default fonts are known to have, beside printable ASCII:
  /// the light box drawing lines and `█ ▄ ▀ ░ ▒ ▓`. `blocks` draws nothing else.
  public static let consoleCharacters: Set<Unicode.Scalar> = [
    "─", "│", "┌", "┐", "└", "┘", "├", "┤", "┬", "┴", "┼", "█", "▄", "▀", "░", "▒", "▓",
  ]
}
