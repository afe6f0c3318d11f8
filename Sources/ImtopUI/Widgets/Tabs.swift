/// The page tabs: `1 Overview  2 Systems ...`, the active one highlighted. Titles shorten to their
/// short form, then to numbers alone, when the row is narrow.
public struct Tabs: Sendable {
  public struct Tab: Sendable, Hashable {
    public var title: String
    public var shortTitle: String

    public init(title: String, shortTitle: String) {
      self.title = title
      self.shortTitle = shortTitle
    }
  }

  public var tabs: [Tab]
  public var selected: Int

  public init(tabs: [Tab], selected: Int) {
    self.tabs = tabs
    self.selected = selected
  }

  /// The label of each tab at this width, and where it goes (x offset, width), in tab order.
  public func placements(width: Int) -> [(label: String, x: Int, width: Int)] {
    let variants: [(Tab, Int) -> String] = [
      { " \($1 + 1) \($0.title) " }, { " \($1 + 1) \($0.shortTitle) " }, { " \($1 + 1) " },
    ]
    for (number, variant) in variants.enumerated() {
      let labels = tabs.enumerated().map { variant($0.element, $0.offset) }
      let total = labels.reduce(0) { $0 + SafeText.width($1) }
      if total <= width || number == variants.count - 1 {
        var x = 0
        return labels.map { label in
          defer { x += SafeText.width(label) }
          return (label, x, SafeText.width(label))
        }
      }
    }
    return []
  }

  public func render(in area: Rect, buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    for (index, placement) in placements(width: area.width).enumerated() {
      let active = index == selected
      buffer.put(placement.label, x: area.x + placement.x, y: area.y, maxWidth: max(0, area.maxX - area.x - placement.x),
                 foreground: active ? .tabActive : .tabInactive, background: active ? .tabActive : .background,
                 attributes: active ? .bold : [])
    }
  }

  /// The tab under column `x` of a tab bar drawn from `originX` with `width` cells.
  public func tab(atX x: Int, originX: Int, width: Int) -> Int? {
    for (index, placement) in placements(width: width).enumerated()
    where x >= originX + placement.x && x < originX + placement.x + placement.width {
      return index
    }
    return nil
  }
}
