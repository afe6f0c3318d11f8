import ImtopUI

/// The bytes that bring an ANSI terminal from the frame it shows to the next, given the cells that
/// changed: each cell's characters, grouped by rendition (the runs of one style in row order, then
/// those of the next: a column of ages costs one switch of colour, not one a row); the cursor moved
/// only where a run of changed cells breaks, by the shortest of an absolute position, a row and a
/// column step, or writing again the few unchanged cells between when they are plain characters in
/// the rendition in use; the rendition changed only where it differs from the cell written before
/// (`SGR.change`), never reset between frames; and a block of whole rows shown again a row lower or
/// higher scrolled rather than written again.
///
/// Written by hand because ncurses, which draws on other terminals, cannot do this: it resets the
/// rendition at the end of every update and sets it again in full (colours and attributes, with a
/// character-set switch) for the next, so a clock tick of a few cells cost about 150 bytes.
///
/// It keeps what the terminal's cursor, rendition and cells are after its bytes; `invalidate()`
/// forgets them (a resize, a dropped frame, something else drawing), and the next bytes start by
/// clearing the screen in the plain rendition (the caller then sends every cell).
struct ANSIFrameWriter {
  struct Position: Equatable {
    var x: Int
    var y: Int
  }

  /// Where the terminal's cursor is, nil when not known (after the last column, whose wrap
  /// terminals handle differently, or after `invalidate`).
  private(set) var cursor: Position?
  /// The rendition the terminal draws with, nil when not known.
  private(set) var pen: CellAppearance?
  /// The roles and attributes of the cell that set `pen`: a shown cell with the same is drawn in it.
  private var penRoles: Roles?
  /// The cells the writer's bytes left on the terminal, row by row (nil where not known: after
  /// `invalidate`, right halves of wide characters); empty until a frame of the current size.
  private var shown: [Cell?] = []
  private var shownSize = Size(width: 0, height: 0)
  /// Whether glyphs go out as UTF-8; otherwise the locale's character set takes ASCII only (what
  /// `TerminalGlyph` gives there).
  let utf8: Bool
  /// Whether a line feed only moves down a row and a carriage return only to the first column (the
  /// terminal's output is not translated: no `ONLCR` or `OCRNL`, as ncurses' `nonl` leaves it).
  let plainControls: Bool

  init(utf8: Bool, plainControls: Bool = false) {
    self.utf8 = utf8
    self.plainControls = plainControls
  }

  /// The scrolling region set back to the whole screen (ESC [ r): after each scroll, and wherever a
  /// frame may have been cut short between (a dropped frame, leaving the screen, a crash).
  static let wholeScreenRegion = Array("\u{1B}[r".utf8)
  static let plain = CellAppearance(foreground: .terminalDefault, background: .terminalDefault, attributes: [])

  mutating func invalidate() {
    cursor = nil
    pen = nil
    penRoles = nil
    shown = []
  }

  struct Roles: Equatable {
    var foreground: Role
    var background: Role
    var attributes: Attributes

    init(_ cell: Cell) {
      foreground = cell.foreground
      background = cell.background
      attributes = cell.attributes
    }
  }

  /// A changed cell: what it is, how it is drawn, where.
  struct Item {
    var cell: Cell
    var glyph: TerminalGlyph
    var style: CellAppearance
    var x: Int
    var y: Int
  }

  /// Appends to `out` what draws `items` (in row order, as a frame's changes come) on a screen of
  /// `size`: the runs of cells side by side in one style, style by style, each time the style the
  /// rendition in use changes to in the fewest bytes (the rendition in use first).
  ///
  /// `draw` gives the glyph and style of any cell, for a row a scroll leaves blank (see `scroll`).
  mutating func write(
    _ items: [Item], size: Size, into out: inout [UInt8], draw: (Cell) -> (glyph: TerminalGlyph, style: CellAppearance)
  ) {
    var items = items
    if size == shownSize && !shown.isEmpty { items = scroll(items, into: &out, draw: draw) }
    var runs: [Range<Int>] = []
    var start = 0
    for index in items.indices.dropFirst() {
      let before = items[index - 1]
      let item = items[index]
      if item.y != before.y || item.x != before.x + before.glyph.columns || item.style != before.style {
        runs.append(start..<index)
        start = index
      }
    }
    if !items.isEmpty { runs.append(start..<items.count) }
    var order: [CellAppearance] = []
    var byStyle: [CellAppearance: [Range<Int>]] = [:]
    for run in runs {
      let style = items[run.lowerBound].style
      if byStyle[style] == nil { order.append(style) }
      byStyle[style, default: []].append(run)
    }
    while !order.isEmpty {
      // Next, the style the rendition in use switches to in the fewest bytes (itself first).
      var next = 0
      var shortest = Int.max
      for (index, style) in order.enumerated() {
        let length = style == pen ? 0 : SGR.change(from: pen, to: style).utf8.count
        if length < shortest {
          shortest = length
          next = index
        }
      }
      let style = order.remove(at: next)
      for run in byStyle[style] ?? [] {
        for item in items[run] {
          write(item.cell, glyph: item.glyph, style: item.style, x: item.x, y: item.y, size: size, into: &out)
        }
      }
    }
  }

  /// Appends to `out` what draws `cell` (shown as `glyph`, with `style`) at (`x`, `y`) on a screen of
  /// `size`; the glyph takes `glyph.columns` columns (with the blank of `padsSecondColumn`).
  mutating func write(_ cell: Cell, glyph: TerminalGlyph, style: CellAppearance, x: Int, y: Int, size: Size, into out: inout [UInt8]) {
    if size != shownSize {
      shownSize = size
      shown = []
    }
    if shown.isEmpty {
      // ESC ( B: the ASCII character set, in case a program before left another one selected; the
      // plain rendition, so that the cleared screen takes the terminal's own background.
      out += "\u{1B}(B\u{1B}[0m\u{1B}[H\u{1B}[2J".utf8
      pen = Self.plain
      penRoles = nil
      cursor = Position(x: 0, y: 0)
      shown = Array(repeating: nil, count: size.width * size.height)
    }
    move(to: Position(x: x, y: y), into: &out)
    if pen != style {
      out += SGR.change(from: pen, to: style).utf8
      pen = style
    }
    penRoles = Roles(cell)
    for scalar in glyph.scalars {
      if scalar.isASCII {
        out.append(UInt8(scalar.value))
      } else if utf8 {
        UTF8.encode(scalar) { out.append($0) }
      } else {
        out.append(0x3F)
      }
    }
    if glyph.padsSecondColumn { out.append(0x20) }
    shown[y * size.width + x] = cell
    if glyph.columns == 2 && x + 1 < size.width { shown[y * size.width + x + 1] = nil }
    let next = x + glyph.columns
    cursor = next < size.width ? Position(x: next, y: y) : nil
  }

  /// When a block of whole rows shows again one row lower or higher (a sorted table's rows moving
  /// down a place when a row above them changes), the terminal scrolls that block (a scrolling
  /// region and a reverse index or an index, as ncurses does) instead of the rows being written
  /// again; the row the scroll leaves blank is then written whole. Returns the items still to write.
  private mutating func scroll(
    _ items: [Item], into out: inout [UInt8], draw: (Cell) -> (glyph: TerminalGlyph, style: CellAppearance)
  ) -> [Item] {
    let width = shownSize.width
    func old(_ y: Int) -> ArraySlice<Cell?> { shown[(y * width)..<((y + 1) * width)] }
    var newRows: [Int: [Cell?]] = [:]
    for item in items {
      // Changed in place through the default subscript: the row is copied from what is shown once.
      newRows[item.y, default: Array(old(item.y))][item.x] = item.cell
      if item.glyph.columns == 2 && item.x + 1 < width { newRows[item.y, default: Array(old(item.y))][item.x + 1] = nil }
    }
    func new(_ y: Int) -> ArraySlice<Cell?> { newRows[y].map { $0[...] } ?? old(y) }
    // A row worth the scroll: changed, fully known (nil only right of a wide glyph), and shown whole
    // one row away.
    func moved(_ y: Int, from source: Int) -> Bool {
      guard newRows[y] != nil, source >= 0, source < shownSize.height else { return false }
      let row = new(y)
      return row.elementsEqual(old(source)) && !row.elementsEqual(old(y)) && row.contains { $0 != nil }
    }
    var best: (top: Int, bottom: Int, down: Bool)?
    for down in [true, false] {
      var y = 0
      while y < shownSize.height {
        guard moved(y, from: down ? y - 1 : y + 1) else {
          y += 1
          continue
        }
        var end = y
        while end + 1 < shownSize.height && moved(end + 1, from: down ? end : end + 2) { end += 1 }
        // Scrolling down moves rows y-1...end-1 to y...end; up moves y+1...end+1 to y...end.
        let region = down ? (top: y - 1, bottom: end) : (top: y, bottom: end + 1)
        if end - y + 1 >= 2 && (best.map { $0.bottom - $0.top < region.bottom - region.top } ?? true) {
          best = (region.top, region.bottom, down)
        }
        y = end + 1
      }
    }
    guard let (top, bottom, down) = best else { return items }
    // Lines a scroll brings in take the current background: scroll in the plain rendition.
    if pen != Self.plain {
      out += SGR.change(from: pen, to: Self.plain).utf8
      pen = Self.plain
      penRoles = nil
    }
    out += "\u{1B}[\(top + 1);\(bottom + 1)r".utf8
    appendAbsolute(Position(x: 0, y: down ? top : bottom), into: &out)
    // ESC M (reverse index) at the region's top scrolls it down; ESC D (index) at its bottom, up.
    out += down ? [0x1B, 0x4D] : [0x1B, 0x44]
    out += Self.wholeScreenRegion
    cursor = nil
    let blank = down ? top : bottom
    let blankRow = Array(new(blank))
    if down {
      for y in stride(from: bottom, to: top, by: -1) { shown.replaceSubrange((y * width)..<((y + 1) * width), with: old(y - 1)) }
    } else {
      for y in top..<bottom { shown.replaceSubrange((y * width)..<((y + 1) * width), with: old(y + 1)) }
    }
    for x in 0..<width { shown[blank * width + x] = nil }
    // The moved rows show what they should; the blank one is written whole, the rest as they were.
    let movedRows = down ? (top + 1)...bottom : top...(bottom - 1)
    var remaining = items.filter { !movedRows.contains($0.y) && $0.y != blank }
    var x = 0
    while x < width {
      guard let cell = blankRow[x] else {
        x += 1
        continue
      }
      let (glyph, style) = draw(cell)
      remaining.append(Item(cell: cell, glyph: glyph, style: style, x: x, y: blank))
      x += glyph.columns
    }
    return remaining.sorted { ($0.y, $0.x) < ($1.y, $1.x) }
  }

  /// A way to move along a row or a column, and its length in bytes.
  private enum Step {
    case none
    /// ESC [ n final (n left out when 1), or ESC [ n final for an absolute row or column.
    case sequence(Int, final: UInt8, omitOne: Bool)
    /// A control byte repeated (backspaces, line feeds, a carriage return).
    case repeated(UInt8, count: Int)

    var length: Int {
      switch self {
      case .none: return 0
      case .sequence(let n, _, let omitOne): return 3 + (omitOne && n == 1 ? 0 : ANSIFrameWriter.digits(n))
      case .repeated(_, let count): return count
      }
    }

    func append(to out: inout [UInt8]) {
      switch self {
      case .none: return
      case .sequence(let n, let final, let omitOne):
        out += [0x1B, 0x5B]
        if !(omitOne && n == 1) { ANSIFrameWriter.appendNumber(n, to: &out) }
        out.append(final)
      case .repeated(let byte, let count): out += repeatElement(byte, count: count)
      }
    }
  }

  /// The shortest way there: an absolute position (`ESC[row;colH`); or, from a known cursor, a row
  /// (`ESC[rowd`, `ESC[nB`/`ESC[nA` down or up, line feeds) and a column (`ESC[colG`, `ESC[nC`
  /// forward, `ESC[nD` or backspaces back, a carriage return); or, on the same row, the few cells
  /// between written again.
  private mutating func move(to target: Position, into out: inout [UInt8]) {
    defer { cursor = target }
    let absoluteLength = 3 + Self.digits(target.y + 1) + (target.x == 0 ? 0 : 1 + Self.digits(target.x + 1))
    guard let cursor else { return appendAbsolute(target, into: &out) }
    guard cursor != target else { return }
    let column = columnStep(from: cursor.x, to: target.x)
    let row = rowStep(from: cursor.y, to: target.y)
    if cursor.y == target.y, target.x > cursor.x, target.x - cursor.x <= min(column.length, absoluteLength),
      let between = plainCells(from: cursor.x, to: target.x, y: target.y)
    {
      out += between
      return
    }
    guard row.length + column.length < absoluteLength else { return appendAbsolute(target, into: &out) }
    row.append(to: &out)
    column.append(to: &out)
  }

  private func appendAbsolute(_ target: Position, into out: inout [UInt8]) {
    out += [0x1B, 0x5B]
    Self.appendNumber(target.y + 1, to: &out)
    if target.x > 0 {
      out.append(0x3B)
      Self.appendNumber(target.x + 1, to: &out)
    }
    out.append(0x48)
  }

  private func columnStep(from x: Int, to target: Int) -> Step {
    if target == x { return .none }
    if target == 0 && plainControls { return .repeated(0x0D, count: 1) }
    if target < x && x - target <= 3 { return .repeated(0x08, count: x - target) }
    let absolute = Step.sequence(target + 1, final: 0x47, omitOne: false)
    let relative = target > x ? Step.sequence(target - x, final: 0x43, omitOne: true) : .sequence(x - target, final: 0x44, omitOne: true)
    return relative.length < absolute.length ? relative : absolute
  }

  private func rowStep(from y: Int, to target: Int) -> Step {
    if target == y { return .none }
    if plainControls && target > y && target - y <= 3 { return .repeated(0x0A, count: target - y) }
    let absolute = Step.sequence(target + 1, final: 0x64, omitOne: false)
    let relative = target > y ? Step.sequence(target - y, final: 0x42, omitOne: true) : .sequence(y - target, final: 0x41, omitOne: true)
    return relative.length < absolute.length ? relative : absolute
  }

  static func digits(_ n: Int) -> Int {
    var count = 1
    var rest = n
    while rest >= 10 {
      rest /= 10
      count += 1
    }
    return count
  }

  static func appendNumber(_ n: Int, to out: inout [UInt8]) {
    if n >= 10 { appendNumber(n / 10, to: &out) }
    out.append(0x30 + UInt8(n % 10))
  }

  /// The bytes of the shown cells from `start` up to `end` on row `y` when each is one printable
  /// ASCII character with the roles of the cell that set the rendition; nil otherwise.
  private func plainCells(from start: Int, to end: Int, y: Int) -> [UInt8]? {
    guard let penRoles else { return nil }
    var bytes: [UInt8] = []
    for x in start..<end {
      guard let cell = shown[y * shownSize.width + x], let byte = cell.text.singleASCII, Roles(cell) == penRoles else { return nil }
      bytes.append(byte)
    }
    return bytes
  }
}
