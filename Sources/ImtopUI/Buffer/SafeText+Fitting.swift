extension SafeText {
  /// `text` cut to at most `width` cells, ending in `ellipsis` when something was cut.
  public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
    guard width > 0 else { return "" }
    let graphemes = graphemes(text)
    var total = 0
    for grapheme in graphemes { total += grapheme.width }
    if total <= width { return graphemes.map(\.text).joined() }
    let ellipsisWidth = SafeText.width(ellipsis)
    guard width > ellipsisWidth else { return String(ellipsis.prefix(width)) }
    var out = ""
    var used = 0
    for grapheme in graphemes {
      if used + grapheme.width > width - ellipsisWidth { break }
      out += grapheme.text
      used += grapheme.width
    }
    return out + ellipsis
  }

  /// `text` padded with spaces (or cut) to exactly `width` cells.
  public static func pad(_ text: String, to width: Int, alignment: Alignment = .left, ellipsis: String = "…") -> String {
    let fitted = truncate(text, to: width, ellipsis: ellipsis)
    let gap = max(0, width - SafeText.width(fitted))
    switch alignment {
    case .left: return fitted + String(repeating: " ", count: gap)
    case .right: return String(repeating: " ", count: gap) + fitted
    case .center: return String(repeating: " ", count: gap / 2) + fitted + String(repeating: " ", count: gap - gap / 2)
    }
  }
}
