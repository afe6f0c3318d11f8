extension SafeText {
  /// `text` cut to at most `width` cells, ending in `ellipsis` when something was cut.
  /// - Complexity: O(width) graphemes, however long the text (a 1 MB name costs what a short one does).
  public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
    guard width > 0 else { return "" }
    let ellipsisWidth = SafeText.width(ellipsis)
    // Most labels and figures are plain one-cell scalars (`isSimple`), each its own grapheme and
    // shown as it is: counted and cut by scalars, without copying them grapheme by grapheme (a
    // fifth of a frame's time went here). Only the first `width + 1` are looked at.
    var plain = 0
    for scalar in text.unicodeScalars {
      guard isSimple(scalar) else {
        plain = -1
        break
      }
      plain += 1
      if plain > width { break }
    }
    if plain >= 0 {
      if plain <= width { return text }
      guard width > ellipsisWidth else { return String(ellipsis.prefix(width)) }
      // A slice of the scalars copies their bytes at once; building a new view appended them one
      // by one (15,000 instructions a label).
      let scalars = text.unicodeScalars
      return String(scalars[..<scalars.index(scalars.startIndex, offsetBy: width - ellipsisWidth)]) + ellipsis
    }
    return truncateGraphemes(text, to: width, ellipsis: ellipsis, ellipsisWidth: ellipsisWidth)
  }

  /// `truncate` grapheme by grapheme, sanitising as it goes: for any text.
  static func truncateGraphemes(_ text: String, to width: Int, ellipsis: String, ellipsisWidth: Int) -> String {
    var kept = ""  // what fits beside the ellipsis
    var keptWidth = 0
    var whole = ""  // everything so far, while it fits
    var used = 0
    var cut = false
    var keptFull = false
    forEachGrapheme(text) { grapheme in
      if used + grapheme.width > width {
        cut = true
        return false
      }
      if !keptFull, keptWidth + grapheme.width <= width - ellipsisWidth {
        kept += grapheme.text
        keptWidth += grapheme.width
      } else {
        keptFull = true
      }
      whole += grapheme.text
      used += grapheme.width
      return true
    }
    guard cut else { return whole }
    guard width > ellipsisWidth else { return String(ellipsis.prefix(width)) }
    return kept + ellipsis
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
