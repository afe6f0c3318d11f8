import ImtopCore

/// A box with a title on its top edge and, on the right of that edge, how old its data is.
///
/// The age label turns into `stale 3h` in the `stale` role (bold) when the data stopped changing or
/// its file failed, so staleness shows as a word, not only as a colour. `render` returns the inner
/// rectangle for the panel's content.
public struct Panel: Sendable {
  public var title: String
  /// Shorter titles, fullest first, for when `title` does not fit beside the age: the first that
  /// does is shown (the last one cut short when none does).
  public var shorterTitles: [String]
  public var age: DataAge?
  public var glyphs: Glyphs
  public var focused: Bool

  public init(title: String, shorterTitles: [String] = [], age: DataAge? = nil, glyphs: Glyphs = .unicode, focused: Bool = false) {
    self.title = title
    self.shorterTitles = shorterTitles
    self.age = age
    self.glyphs = glyphs
    self.focused = focused
  }

  /// Draws the frame and returns the content area (the whole area when it is too small for a frame).
  @discardableResult
  public func render(in area: Rect, buffer: inout Buffer) -> Rect {
    buffer.clear(area)
    guard area.width >= 2, area.height >= 2 else { return area }
    edge(glyphs.bottomLeft, glyphs.bottomRight, row: area.maxY - 1, in: area, buffer: &buffer)
    let side = Cell(glyphs.vertical, foreground: border)
    for row in (area.y + 1)..<(area.maxY - 1) {
      buffer.set(side, x: area.x, y: row)
      buffer.set(side, x: area.maxX - 1, y: row)
    }
    renderTopEdge(in: area, buffer: &buffer)
    return area.inset(by: 1)
  }

  /// Draws only the top edge of a panel in `area` (the title and the age), over what is there: all
  /// of the frame that changes as the data ages, for a dashboard that keeps the rest.
  public func renderTopEdge(in area: Rect, buffer: inout Buffer) {
    guard area.width >= 2, area.height >= 2 else { return }
    let top = area.y
    edge(glyphs.topLeft, glyphs.topRight, row: top, in: area, buffer: &buffer)
    let ageText = age.map { " \($0.label) " } ?? ""
    let ageWidth = SafeText.width(ageText)
    let room = area.width - 4
    let showAge = !ageText.isEmpty && room >= ageWidth + 6
    let titleRoom = room - (showAge ? ageWidth + 1 : 0)
    if titleRoom >= 3 {
      let shown = ([title] + shorterTitles).first { SafeText.width($0) <= titleRoom } ?? shorterTitles.last ?? title
      buffer.put(" " + shown + " ", x: area.x + 1, y: top, width: titleRoom + 2, alignment: .left, ellipsis: glyphs.ellipsis,
                 foreground: .title, attributes: .bold)
    }
    if showAge, let age {
      let stale = age.isStale
      buffer.put(ageText, x: area.maxX - 2 - ageWidth, y: top, maxWidth: ageWidth,
                 foreground: stale ? .stale : .muted, attributes: stale ? [.bold, .reverse] : [])
    }
  }

  private var border: Role { focused ? .accent : .border }

  /// A horizontal edge of the frame: two corners and the line between (every glyph of a set is one
  /// cell wide).
  private func edge(_ left: String, _ right: String, row: Int, in area: Rect, buffer: inout Buffer) {
    buffer.fill(Rect(x: area.x + 1, y: row, width: area.width - 2, height: 1), with: Cell(glyphs.horizontal, foreground: border))
    buffer.set(Cell(left, foreground: border), x: area.x, y: row)
    buffer.set(Cell(right, foreground: border), x: area.maxX - 1, y: row)
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
