/// The SGR ("select graphic rendition") codes of a cell's appearance: the one rule for how an
/// appearance becomes escape codes, for `snapshot --format ansi` (`ANSISerializer`) and for the
/// dashboard's frames on an ANSI terminal, which send only what changed from the cell before.
public enum SGR {
  /// `ESC[0;1;38;5;202;48;2;0;0;0m`: a full reset then every attribute and colour of an appearance
  /// (already at its depth: see `CellAppearance`).
  public static func full(_ style: CellAppearance) -> String {
    sequence(["0"] + attributeCodes(style.attributes) + codes(style.foreground, background: false)
      + codes(style.background, background: true))
  }

  /// The shortest sequence that turns the terminal's rendition from `old` into `new`: the codes that
  /// differ (an attribute turned off by its own code, a colour back to the default by 39 or 49), or
  /// a full reset when that is shorter. Empty when nothing differs; `full(new)` when `old` is not known.
  public static func change(from old: CellAppearance?, to new: CellAppearance) -> String {
    guard let old else { return full(new) }
    guard old != new else { return "" }
    var delta: [String] = []
    let removed = old.attributes.subtracting(new.attributes)
    var added = new.attributes.subtracting(old.attributes)
    if !removed.isDisjoint(with: [.bold, .dim]) {
      // One code ends both bold and dim: the one that stays is set again after it.
      delta.append("22")
      added.formUnion(new.attributes.intersection([.bold, .dim]))
    }
    if removed.contains(.italic) { delta.append("23") }
    if removed.contains(.underline) { delta.append("24") }
    if removed.contains(.reverse) { delta.append("27") }
    delta += attributeCodes(added)
    if old.foreground != new.foreground {
      delta += new.foreground == .terminalDefault ? ["39"] : codes(new.foreground, background: false)
    }
    if old.background != new.background {
      delta += new.background == .terminalDefault ? ["49"] : codes(new.background, background: true)
    }
    let changed = sequence(delta)
    let reset = full(new)
    return reset.utf8.count < changed.utf8.count ? reset : changed
  }

  static func attributeCodes(_ attributes: Attributes) -> [String] {
    var codes: [String] = []
    if attributes.contains(.bold) { codes.append("1") }
    if attributes.contains(.dim) { codes.append("2") }
    if attributes.contains(.italic) { codes.append("3") }
    if attributes.contains(.underline) { codes.append("4") }
    if attributes.contains(.reverse) { codes.append("7") }
    return codes
  }

  /// A colour's codes: none for the terminal's default, 30-37/90-97 (40-47/100-107) for the 16 ANSI
  /// colours, `38;5;n` for the 256-colour palette, `38;2;r;g;b` for direct colour.
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

  private static func sequence(_ codes: [String]) -> String {
    "\u{1B}[" + codes.joined(separator: ";") + "m"
  }
}
