/// Rows and columns with a header, a sort indicator, a highlighted selection that scrolls into view,
/// and text cut with an ellipsis instead of spilling into the next column.
///
/// When the area is narrower than every column needs, the columns with the highest `priority` number
/// are dropped first, so the same table serves an 80-column terminal and a wall screen.
public struct Table: Sendable {
  public struct Column: Sendable, Hashable {
    public var title: String
    /// Preferred width; the column gets at least `minWidth` and, when `flexible`, any spare room.
    public var width: Int
    public var minWidth: Int
    public var alignment: Alignment
    /// 0 is kept longest; larger numbers are dropped first when the table is narrow.
    public var priority: Int
    public var flexible: Bool

    public init(_ title: String, width: Int, minWidth: Int? = nil, alignment: Alignment = .left, priority: Int = 0, flexible: Bool = false) {
      self.title = title
      self.width = max(0, width)
      self.minWidth = max(0, min(minWidth ?? width, width))
      self.alignment = alignment
      self.priority = priority
      self.flexible = flexible
    }
  }

  public struct Cell: Sendable, Hashable {
    public var text: String
    public var role: Role
    public var attributes: Attributes
    /// Shorter forms, longest first, used when `text` does not fit (`▲ degr`, then `▲`).
    public var shorter: [String]

    public init(_ text: String, role: Role = .normal, attributes: Attributes = [], shorter: [String] = []) {
      self.text = text
      self.role = role
      self.attributes = attributes
      self.shorter = shorter
    }

    /// The longest form that fits `width`, else the shortest.
    public func text(fitting width: Int) -> String {
      guard !shorter.isEmpty, SafeText.width(text) > width else { return text }
      return shorter.first { SafeText.width($0) <= width } ?? shorter[shorter.count - 1]
    }
  }

  /// A column placed on screen: its index in `columns`, its x offset and width.
  public struct Placement: Sendable, Hashable {
    public var column: Int
    public var x: Int
    public var width: Int
  }

  public var columns: [Column]
  public var rows: [[Cell]]
  public var selection: Int?
  /// The first row shown; adjusted so the selection is visible.
  public var offset: Int
  public var sortColumn: Int?
  public var sortAscending: Bool
  public var glyphs: Glyphs
  public var showHeader: Bool
  public var spacing: Int
  /// For a table that does not scroll: when its rows do not all fit, the last row says `+N more`.
  /// (A table that scrolls shows its position instead, where its panel's title is.)
  public var marksHidden = false

  public init(
    columns: [Column], rows: [[Cell]], selection: Int? = nil, offset: Int = 0, sortColumn: Int? = nil,
    sortAscending: Bool = true, glyphs: Glyphs = .unicode, showHeader: Bool = true, spacing: Int = 1
  ) {
    self.columns = columns
    self.rows = rows
    self.selection = selection
    self.offset = offset
    self.sortColumn = sortColumn
    self.sortAscending = sortAscending
    self.glyphs = glyphs
    self.showHeader = showHeader
    self.spacing = spacing
  }

  /// The first row to show so that `selection` is visible, moving as little as possible from `offset`.
  public static func scrollOffset(selection: Int?, offset: Int, visibleRows: Int, rowCount: Int) -> Int {
    guard visibleRows > 0, rowCount > 0 else { return 0 }
    var result = min(max(0, offset), max(0, rowCount - visibleRows))
    if let selection {
      if selection < result { result = selection }
      if selection >= result + visibleRows { result = selection - visibleRows + 1 }
    }
    return max(0, min(result, max(0, rowCount - 1)))
  }

  /// How many data rows fit in a table of this height.
  public func visibleRows(height: Int) -> Int { max(0, height - (showHeader ? 1 : 0)) }

  /// Which columns fit in `width` cells, where, and how wide.
  public func placements(width: Int) -> [Placement] {
    guard width > 0, !columns.isEmpty else { return [] }
    var kept = Set<Int>()
    var used = 0
    // The sort column is always shown (and so marked), as if it were essential.
    let priority = columns.indices.map { $0 == sortColumn ? 0 : columns[$0].priority }
    let order = columns.indices.sorted { ($0 == sortColumn ? 0 : 1, priority[$0], $0) < ($1 == sortColumn ? 0 : 1, priority[$1], $1) }
    // Columns of priority 2 and above come in only while the flexible columns kept so far can still
    // have their preferred width: a readable name beats one more column.
    var flexibleGrowth = 0
    for index in order {
      let column = columns[index]
      let need = column.minWidth + (kept.isEmpty ? 0 : spacing)
      let reserve = priority[index] >= 2 ? flexibleGrowth : 0
      if used + need + reserve <= width {
        kept.insert(index)
        used += need
        if column.flexible, priority[index] <= 1 { flexibleGrowth += column.width - column.minWidth }
      }
    }
    if kept.isEmpty, let first = order.first { kept.insert(first) }
    var (shown, widths) = distribute(kept, width: width)
    // An optional column (priority 2+) is not worth showing while a more important fixed column is cut:
    // drop the least important one and lay out again.
    while true {
      let cut = shown.indices.filter { !columns[shown[$0]].flexible && widths[$0] < columns[shown[$0]].width }
      guard let worstCut = cut.map({ priority[shown[$0]] }).min(),
        let victim = shown.filter({ priority[$0] >= 2 && priority[$0] > worstCut })
          .max(by: { (priority[$0], $0) < (priority[$1], $1) })
      else { break }
      kept.remove(victim)
      (shown, widths) = distribute(kept, width: width)
    }
    var x = 0
    var result: [Placement] = []
    for (i, index) in shown.enumerated() {
      let w = max(0, min(widths[i], width - x))
      result.append(Placement(column: index, x: x, width: w))
      x += w + spacing
    }
    return result
  }

  /// Widths for the kept columns: minimums, then spare room first to flexible columns (names) up to
  /// their preferred width, then to the others by priority up to theirs, the rest to flexible ones.
  private func distribute(_ kept: Set<Int>, width: Int) -> (shown: [Int], widths: [Int]) {
    let shown = columns.indices.filter { kept.contains($0) }
    var widths = shown.map { columns[$0].minWidth }
    var spare = width - widths.reduce(0, +) - spacing * (shown.count - 1)
    let byPriority = shown.indices.sorted { (columns[shown[$0]].priority, $0) < (columns[shown[$1]].priority, $1) }
    let flexible = byPriority.filter { columns[shown[$0]].flexible }
    let essentialFlexible = flexible.filter { columns[shown[$0]].priority <= 1 }
    for i in essentialFlexible + byPriority where spare > 0 {
      let grow = min(spare, columns[shown[i]].width - widths[i])
      guard grow > 0 else { continue }
      widths[i] += grow
      spare -= grow
    }
    if spare > 0, !flexible.isEmpty {
      let share = spare / flexible.count
      for (n, i) in flexible.enumerated() { widths[i] += share + (n == 0 ? spare - share * flexible.count : 0) }
    }
    return (shown, widths)
  }

  public func render(in area: Rect, buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    let placements = placements(width: area.width)
    var y = area.y
    if showHeader {
      for placement in placements {
        let column = columns[placement.column]
        var title = column.title
        if sortColumn == placement.column {
          let arrow = glyphs.trailingMarker(sortAscending ? glyphs.sortAscending : glyphs.sortDescending)
          title = SafeText.truncate(title, to: max(0, placement.width - SafeText.width(arrow)), ellipsis: glyphs.ellipsis) + arrow
        }
        buffer.put(title, x: area.x + placement.x, y: y, width: placement.width, alignment: column.alignment,
                   ellipsis: glyphs.ellipsis, foreground: .header, attributes: .bold)
      }
      y += 1
    }
    let visible = visibleRows(height: area.height)
    let first = Self.scrollOffset(selection: selection, offset: offset, visibleRows: visible, rowCount: rows.count)
    var end = rows.count
    if marksHidden, visible > 0 {
      end = first + MoreMarker.shown(rows.count - first, rows: visible)
      if end < rows.count {
        MoreMarker.draw(hidden: rows.count - end, x: area.x, y: y + end - first, width: area.width, glyphs: glyphs, buffer: &buffer)
      }
    }
    var rowIndex = first
    while y < area.maxY, rowIndex < end {
      let selected = rowIndex == selection
      let background: Role = selected ? .selection : .background
      if selected { buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), with: ImtopUI.Cell(" ", background: .selection)) }
      let row = rows[rowIndex]
      for placement in placements where placement.column < row.count {
        let cell = row[placement.column]
        buffer.put(cell.text(fitting: placement.width), x: area.x + placement.x, y: y, width: placement.width, alignment: columns[placement.column].alignment,
                   ellipsis: glyphs.ellipsis, foreground: cell.role, background: background, attributes: cell.attributes)
      }
      y += 1
      rowIndex += 1
    }
  }

  /// `21–40 of 62` for this table drawn `height` rows tall, or nil when every row shows.
  public func position(height: Int) -> String? {
    let visible = visibleRows(height: height)
    let first = Self.scrollOffset(selection: selection, offset: offset, visibleRows: visible, rowCount: rows.count)
    return MoreMarker.position(first: first, visible: visible, total: rows.count, glyphs: glyphs)
  }

  /// The row index under screen row `y` for a table drawn in `area`, if any.
  public func row(atY y: Int, in area: Rect) -> Int? {
    let top = area.y + (showHeader ? 1 : 0)
    guard y >= top, y < area.maxY else { return nil }
    let first = Self.scrollOffset(selection: selection, offset: offset, visibleRows: visibleRows(height: area.height), rowCount: rows.count)
    let index = first + (y - top)
    return index < rows.count ? index : nil
  }
}
