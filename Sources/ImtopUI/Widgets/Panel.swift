import ImtopCore

/// A box with a title on its top edge and, on the right of that edge, how old its data is.
///
/// The age label turns into `stale 3h` in the `stale` role (bold) when the data stopped changing or
/// its file failed, so staleness shows as a word, not only as a colour. `render` returns the inner
/// rectangle for the panel's content.
public struct Panel: Sendable {
  public var title: String
  public var age: DataAge?
  public var glyphs: Glyphs
  public var focused: Bool

  public init(title: String, age: DataAge? = nil, glyphs: Glyphs = .unicode, focused: Bool = false) {
    self.title = title
    self.age = age
    self.glyphs = glyphs
    self.focused = focused
  }

  /// Draws the frame and returns the content area (the whole area when it is too small for a frame).
  @discardableResult
  public func render(in area: Rect, buffer: inout Buffer) -> Rect {
    buffer.clear(area)
    guard area.width >= 2, area.height >= 2 else { return area }
    let border: Role = focused ? .accent : .border
    let top = area.y
    let bottom = area.maxY - 1
    let horizontal = String(repeating: glyphs.horizontal, count: area.width - 2)
    buffer.put(glyphs.topLeft + horizontal + glyphs.topRight, x: area.x, y: top, maxWidth: area.width, foreground: border)
    buffer.put(glyphs.bottomLeft + horizontal + glyphs.bottomRight, x: area.x, y: bottom, maxWidth: area.width, foreground: border)
    for row in (top + 1)..<bottom {
      buffer.put(glyphs.vertical, x: area.x, y: row, foreground: border)
      buffer.put(glyphs.vertical, x: area.maxX - 1, y: row, foreground: border)
    }
    let ageText = age.map { " \($0.label) " } ?? ""
    let ageWidth = SafeText.width(ageText)
    let room = area.width - 4
    let showAge = !ageText.isEmpty && room >= ageWidth + 6
    let titleRoom = room - (showAge ? ageWidth + 1 : 0)
    if titleRoom >= 3 {
      buffer.put(" " + title + " ", x: area.x + 1, y: top, width: titleRoom + 2, alignment: .left, ellipsis: glyphs.ellipsis,
                 foreground: .title, attributes: .bold)
    }
    if showAge, let age {
      let stale = age.isStale
      buffer.put(ageText, x: area.maxX - 2 - ageWidth, y: top, maxWidth: ageWidth,
                 foreground: stale ? .stale : .muted, attributes: stale ? [.bold, .reverse] : [])
    }
    return area.inset(by: 1)
  }

  /// Writes `text` (a scrolled table's `21–40 of 62`) on the right of the bottom edge of a panel drawn
  /// in `area`, where it takes no row from the content; nothing when the edge is too short for it.
  public static func footnote(_ text: String, in area: Rect, glyphs: Glyphs = .unicode, buffer: inout Buffer) {
    let label = " \(text) "
    let width = SafeText.width(label)
    guard area.height >= 2, area.width >= width + 4 else { return }
    buffer.put(label, x: area.maxX - 2 - width, y: area.maxY - 1, maxWidth: width, foreground: .muted)
  }
}
