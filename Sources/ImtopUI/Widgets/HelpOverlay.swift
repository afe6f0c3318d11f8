/// A centred box listing every key, drawn over the page.
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
  public var glyphs: Glyphs
  public var title: String

  public init(bindings: [Binding], glyphs: Glyphs = .unicode, title: String = "Keys") {
    self.bindings = bindings
    self.glyphs = glyphs
    self.title = title
  }

  public func render(in area: Rect, buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    let keyWidth = bindings.map { SafeText.width($0.keys) }.max() ?? 0
    let actionWidth = bindings.map { SafeText.width($0.action) }.max() ?? 0
    let box = area.centered(width: keyWidth + actionWidth + 7, height: bindings.count + 4)
    let inner = Panel(title: title, glyphs: glyphs, focused: true).render(in: box, buffer: &buffer)
    guard !inner.isEmpty else { return }
    let content = inner.inset(by: 0)
    let keyColumn = min(keyWidth, max(0, content.width / 2))
    for (index, binding) in bindings.enumerated() {
      let y = content.y + index
      guard y < content.maxY - 1 else { break }
      buffer.put(binding.keys, x: content.x + 1, y: y, width: keyColumn, alignment: .left, ellipsis: glyphs.ellipsis,
                 foreground: .accent, attributes: .bold)
      buffer.put(binding.action, x: content.x + keyColumn + 3, y: y, width: max(0, content.maxX - content.x - keyColumn - 4),
                 alignment: .left, ellipsis: glyphs.ellipsis)
    }
    buffer.put("? or Esc closes", x: content.x + 1, y: content.maxY - 1, width: max(0, content.width - 2),
               alignment: .right, ellipsis: glyphs.ellipsis, foreground: .muted)
  }
}
