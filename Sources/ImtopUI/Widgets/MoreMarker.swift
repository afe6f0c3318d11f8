/// The `+N more` row that ends a list cut by the screen's size, so nothing is hidden without a word,
/// and the `21–40 of 62` position of a table that scrolls.
public enum MoreMarker {
  /// How many of `count` items a list of `rows` rows draws: all of them when they fit, else one row
  /// fewer, the last row going to the marker.
  public static func shown(_ count: Int, rows: Int) -> Int {
    count <= rows ? count : max(0, rows - 1)
  }

  /// `+3 more`.
  public static func text(hidden: Int) -> String { "+\(hidden) more" }

  /// Draws `+N more` for `hidden` items in the row at (`x`, `y`), `width` cells wide, in the muted role.
  public static func draw(hidden: Int, x: Int, y: Int, width: Int, glyphs: Glyphs, buffer: inout Buffer) {
    guard hidden > 0, width > 0 else { return }
    buffer.put(text(hidden: hidden), x: x, y: y, width: width, alignment: .left, ellipsis: glyphs.ellipsis, foreground: .muted)
  }

  /// Draws the first `count` items of a list in `area` with `drawItem(index, row)`, and the marker in
  /// the last row when they do not all fit.
  public static func drawList(
    count: Int, in area: Rect, glyphs: Glyphs, buffer: inout Buffer, drawItem: (Int, Rect, inout Buffer) -> Void
  ) {
    guard !area.isEmpty else { return }
    let shown = shown(count, rows: area.height)
    for index in 0..<shown { drawItem(index, area.row(index), &buffer) }
    if shown < count {
      draw(hidden: count - shown, x: area.x, y: area.y + shown, width: area.width, glyphs: glyphs, buffer: &buffer)
    }
  }

  /// `21–40 of 62` for rows `first` (0-based) onwards when `visible` of `total` rows show; nil when
  /// every row shows.
  public static func position(first: Int, visible: Int, total: Int, glyphs: Glyphs) -> String? {
    guard total > visible, visible > 0 else { return nil }
    let last = min(total, first + visible)
    return "\(first + 1)\(glyphs.isASCII ? "-" : "–")\(last) of \(total)"
  }
}
