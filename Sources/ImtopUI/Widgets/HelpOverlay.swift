/// A centred box listing every key, then what each symbol means, drawn over the page. The first of
/// the keys with the legend, their compact wording with the compact legend, the keys alone, their
/// compact wording, that fits the area is drawn (the legend goes only where nothing else would fit).
public struct HelpOverlay: Sendable {
  public struct Binding: Sendable, Hashable {
    public var keys: String
    public var action: String

    public init(_ keys: String, _ action: String) {
      self.keys = keys
      self.action = action
    }
  }

  public var bindings: [Binding]
  /// Shorter wording of the same keys, used when `bindings` do not fit the area.
  public var compactBindings: [Binding]?
  /// What the symbols on the pages mean, in full and in few words.
  public var legend: [Binding]
  public var compactLegend: [Binding]
  public var glyphs: Glyphs
  public var title: String

  public init(
    bindings: [Binding], compactBindings: [Binding]? = nil, legend: [Binding] = [], compactLegend: [Binding] = [],
    glyphs: Glyphs = .unicode, title: String = "Keys"
  ) {
    self.bindings = bindings
    self.compactBindings = compactBindings
    self.legend = legend
    self.compactLegend = compactLegend
    self.glyphs = glyphs
    self.title = title
  }

  /// Whether a list fits the area in one or two columns.
  static func fits(_ bindings: [Binding], in area: Rect) -> Bool {
    let entry = (bindings.map { SafeText.width($0.keys) }.max() ?? 0) + (bindings.map { SafeText.width($0.action) }.max() ?? 0) + 3
    if bindings.count + 4 <= area.height && entry + 3 <= area.width { return true }
    return (bindings.count + 1) / 2 + 4 <= area.height && 2 * entry + 3 <= area.width
  }

  /// Draws the box centred in `area`; in two columns when one would be taller than the area.
  public func render(in area: Rect, buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    let compact = compactBindings ?? self.bindings
    let candidates = [self.bindings + legend, compact + compactLegend, self.bindings, compact]
    let bindings = candidates.first { Self.fits($0, in: area) } ?? compact
    let keyWidth = bindings.map { SafeText.width($0.keys) }.max() ?? 0
    let actionWidth = bindings.map { SafeText.width($0.action) }.max() ?? 0
    // Per entry: the keys, two spaces, the action, one space before the next column.
    let entryWidth = keyWidth + actionWidth + 3
    let columns = bindings.count + 4 > area.height && area.width >= 2 * entryWidth + 3 ? 2 : 1
    let perColumn = (bindings.count + columns - 1) / columns
    let box = area.centered(width: entryWidth * columns + 3, height: perColumn + 4)
    let inner = Panel(title: title, glyphs: glyphs, focused: true).render(in: box, buffer: &buffer)
    guard !inner.isEmpty else { return }
    let keyColumn = min(keyWidth, max(0, inner.width / 2))
    for (index, binding) in bindings.enumerated() {
      let column = index / max(1, perColumn)
      let x = inner.x + 1 + column * entryWidth
      let y = inner.y + index % max(1, perColumn)
      guard y < inner.maxY - 1 else { continue }
      buffer.put(binding.keys, x: x, y: y, width: keyColumn, alignment: .left, ellipsis: glyphs.ellipsis,
                 foreground: .accent, attributes: .bold)
      buffer.put(binding.action, x: x + keyColumn + 2, y: y, width: max(0, min(actionWidth, inner.maxX - x - keyColumn - 2)),
                 alignment: .left, ellipsis: glyphs.ellipsis)
    }
    buffer.put("? or Esc closes", x: inner.x + 1, y: inner.maxY - 1, width: max(0, inner.width - 2),
               alignment: .right, ellipsis: glyphs.ellipsis, foreground: .muted)
  }
}
