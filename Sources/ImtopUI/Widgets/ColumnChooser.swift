/// A centred box of checkboxes, one per column (`[x] Vendor`), with a cursor row: the systems table's
/// column chooser (`c`). In one column when the area is tall enough, else in two, else the part
/// around the cursor.
public struct ColumnChooser: Sendable {
  public struct Entry: Sendable, Hashable {
    public var title: String
    public var shown: Bool

    public init(_ title: String, shown: Bool) {
      self.title = title
      self.shown = shown
    }
  }

  public var entries: [Entry]
  public var cursor: Int
  public var glyphs: Glyphs

  public init(entries: [Entry], cursor: Int, glyphs: Glyphs = .unicode) {
    self.entries = entries
    self.cursor = cursor
    self.glyphs = glyphs
  }

  static let hint = "Space show/hide, Enter closes"

  /// Draws the box centred in `area`.
  public func render(in area: Rect, buffer: inout Buffer) {
    guard !area.isEmpty, !entries.isEmpty else { return }
    let entryWidth = 4 + (entries.map { SafeText.width($0.title) }.max() ?? 0)
    // Rows: the entries and the hint, in the frame.
    let fitsOne = entries.count + 3 <= area.height
    let columns = !fitsOne && 2 * entryWidth + 5 <= area.width ? 2 : 1
    let perColumn = (entries.count + columns - 1) / columns
    let width = max(columns * entryWidth + (columns - 1) * 2 + 4, SafeText.width(Self.hint) + 4)
    let box = area.centered(width: width, height: perColumn + 3)
    let inner = Panel(title: "Columns", glyphs: glyphs, focused: true).render(in: box, buffer: &buffer)
    guard inner.height >= 1, inner.width >= 4 else { return }
    let listRows = max(1, inner.height - 1)
    // With one column too tall for the box, the rows around the cursor.
    let first = columns == 1 ? Table.scrollOffset(selection: cursor, offset: 0, visibleRows: listRows, rowCount: entries.count) : 0
    for (index, entry) in entries.enumerated() {
      let column = index / max(1, perColumn)
      let row = index % max(1, perColumn) - first
      guard row >= 0, row < listRows else { continue }
      let x = inner.x + 1 + column * (entryWidth + 2)
      let y = inner.y + row
      let selected = index == cursor
      let background: Role = selected ? .selection : .background
      let text = (entry.shown ? "[x] " : "[ ] ") + entry.title
      buffer.put(text, x: x, y: y, width: max(0, min(entryWidth, inner.maxX - x)), alignment: .left, ellipsis: glyphs.ellipsis,
                 foreground: entry.shown ? .normal : .muted, background: background, attributes: selected ? .bold : [])
    }
    if inner.height >= 2 {
      buffer.put(Self.hint, x: inner.x + 1, y: inner.maxY - 1, width: max(0, inner.width - 2), alignment: .right,
                 ellipsis: glyphs.ellipsis, foreground: .muted)
    }
  }
}
