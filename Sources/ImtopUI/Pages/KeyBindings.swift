/// Every key the dashboard answers to, as the help overlay lists them.
enum KeyBindings {
  static let all: [HelpOverlay.Binding] = [
    HelpOverlay.Binding("1 .. 6", "go to a page"),
    HelpOverlay.Binding("Tab / Shift-Tab", "next / previous page"),
    HelpOverlay.Binding("Up Down  j k", "move the selection, scroll"),
    HelpOverlay.Binding("PgUp PgDn", "a screen up / down"),
    HelpOverlay.Binding("Home End  g G", "first / last row"),
    HelpOverlay.Binding("Enter", "open the selected system"),
    HelpOverlay.Binding("Esc", "back, clear the filter"),
    HelpOverlay.Binding("d / D", "dependency tree: detail / beside table"),
    HelpOverlay.Binding("/", "filter systems or incidents"),
    HelpOverlay.Binding("s / S", "next sort column / reverse"),
    HelpOverlay.Binding("c", "choose the systems table's columns"),
    HelpOverlay.Binding("p", "pause / resume updates"),
    HelpOverlay.Binding("r", "re-read the data now"),
    HelpOverlay.Binding("t", "next theme"),
    HelpOverlay.Binding("Ctrl-L / Ctrl-Z", "repaint / suspend (fg resumes)"),
    HelpOverlay.Binding("?", "this help"),
    HelpOverlay.Binding("q  Ctrl-C", "quit"),
    HelpOverlay.Binding("mouse", "click tabs and rows, wheel scrolls"),
  ]

  /// Every symbol the pages draw, in the glyphs drawn with (`▼` is `v` on the Linux console).
  static func legend(_ glyphs: Glyphs, compact: Bool = false) -> [HelpOverlay.Binding] {
    let lights = [glyphs.up, glyphs.degraded, glyphs.down, glyphs.unknown, glyphs.maintenance].joined(separator: " ")
    let sort = "\(glyphs.sortAscending) \(glyphs.sortDescending)"
    // (symbol, meaning, the meaning in few words)
    let entries = [
      (lights, "up, degraded, down, unknown, maintenance", "up degr down ? maint"),
      (sort, "the sort column, ascending / descending", "sort column up/down"),
      ("99.12%" + glyphs.trailingMarker(glyphs.sortDescending), "availability below the system's SLA", "below its SLA"),
      ("via X", "impacted: depends on X, which is down", "impacted by down X"),
      ("!", "budget: actuals over plan", "over plan"),
      ("cov", "coverage: share of the window with samples", "window with samples"),
    ]
    return entries.map { HelpOverlay.Binding($0.0, compact ? $0.2 : $0.1) }
  }

  /// The same keys in few words, for a terminal too small for `all` (two columns fit in 60×16).
  static let compact: [HelpOverlay.Binding] = [
    HelpOverlay.Binding("1..6", "page"),
    HelpOverlay.Binding("Tab S-Tab", "next/prev page"),
    HelpOverlay.Binding("Up Dn j k", "move, scroll"),
    HelpOverlay.Binding("PgUp PgDn", "page up/down"),
    HelpOverlay.Binding("Home End", "first/last row"),
    HelpOverlay.Binding("Enter", "open system"),
    HelpOverlay.Binding("Esc", "back, clear"),
    HelpOverlay.Binding("d D", "dependency tree"),
    HelpOverlay.Binding("/", "filter"),
    HelpOverlay.Binding("s S", "sort, reverse"),
    HelpOverlay.Binding("c", "columns"),
    HelpOverlay.Binding("p", "pause/resume"),
    HelpOverlay.Binding("r", "re-read now"),
    HelpOverlay.Binding("t", "next theme"),
    HelpOverlay.Binding("^L ^Z", "repaint, suspend"),
    HelpOverlay.Binding("?", "this help"),
    HelpOverlay.Binding("q Ctrl-C", "quit"),
    HelpOverlay.Binding("mouse", "click, wheel"),
  ]
}
