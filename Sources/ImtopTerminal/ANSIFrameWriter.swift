import ImtopUI

/// The bytes that bring an ANSI terminal from the frame it shows to the next, given the cells that
/// changed: each cell's characters, grouped by rendition (the runs of one style first, in row
/// order, then those of the next: a column of ages costs one switch of colour, not one a row),
/// the cursor moved only where a run of changed cells breaks (by the shortest of an absolute position, a column on the same row, a step forward,
/// or writing again the few unchanged cells between when they are plain characters in the rendition
/// in use), and the rendition changed only where it differs from the cell written before
/// (`SGR.change`), never reset between frames.
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

  static let plain = CellAppearance(foreground: .terminalDefault, background: .terminalDefault, attributes: [])

  mutating func invalidate() {
    cursor = nil
    pen = nil
    shown = []
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
  /// `size`: the runs of cells side by side in one style, those in the rendition the terminal has
  /// first, then each other style's in the order they first appear.
  mutating func write(_ items: [Item], size: Size, into out: inout [UInt8], styleOf: (Cell) -> CellAppearance) {
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
    if let pen, let index = order.firstIndex(of: pen) { order.swapAt(0, index) }
    for style in order {
      for run in byStyle[style] ?? [] {
        for item in items[run] {
          write(item.cell, glyph: item.glyph, style: item.style, x: item.x, y: item.y, size: size, into: &out, styleOf: styleOf)
        }
      }
    }
  }

  /// Appends to `out` what draws `cell` (shown as `glyph`, with `style`) at (`x`, `y`) on a screen of
  /// `size`; the glyph takes `glyph.columns` columns (with the blank of `padsSecondColumn`).
  /// `styleOf` gives the rendition of a cell already shown, for writing it again instead of moving.
  mutating func write(
    _ cell: Cell, glyph: TerminalGlyph, style: CellAppearance, x: Int, y: Int, size: Size, into out: inout [UInt8],
    styleOf: (Cell) -> CellAppearance
  ) {
    if size != shownSize {
      shownSize = size
      shown = []
    }
    if shown.isEmpty {
      // ESC ( B: the ASCII character set, in case a program before left another one selected; the
      // plain rendition, so that the cleared screen takes the terminal's own background.
      out += "\u{1B}(B\u{1B}[0m\u{1B}[H\u{1B}[2J".utf8
      pen = Self.plain
      cursor = Position(x: 0, y: 0)
      shown = Array(repeating: nil, count: size.width * size.height)
    }
    move(to: Position(x: x, y: y), into: &out, styleOf: styleOf)
    if pen != style {
      out += SGR.change(from: pen, to: style).utf8
      pen = style
    }
    for scalar in glyph.scalars {
      if utf8 {
        out += String(scalar).utf8
      } else {
        out.append(scalar.isASCII ? UInt8(scalar.value) : 0x3F)
      }
    }
    if glyph.padsSecondColumn { out.append(0x20) }
    shown[y * size.width + x] = cell
    if glyph.columns == 2 && x + 1 < size.width { shown[y * size.width + x + 1] = nil }
    let next = x + glyph.columns
    cursor = next < size.width ? Position(x: next, y: y) : nil
  }

  /// The shortest way there: an absolute position (`ESC[row;colH`); or, from a known cursor, a row
  /// (`ESC[rowd`, `ESC[nB`/`ESC[nA` down or up, line feeds) and a column (`ESC[colG`, `ESC[nC`
  /// forward, backspaces, a carriage return); or, on the same row, the few cells between written again.
  private mutating func move(to target: Position, into out: inout [UInt8], styleOf: (Cell) -> CellAppearance) {
    guard let cursor else {
      out += Self.absolute(target).utf8
      self.cursor = target
      return
    }
    guard cursor != target else { return }
    var best = Self.absolute(target)
    let column = target.x == 0 && cursor.x > 0 && plainControls ? "\r" : Self.column(from: cursor.x, to: target.x)
    if cursor.y == target.y {
      if column.utf8.count < best.utf8.count { best = column }
      let step = target.x - cursor.x
      if step > 0, step <= best.utf8.count, let between = plainCells(from: cursor.x, to: target.x, y: target.y, styleOf: styleOf) {
        out += between
        self.cursor = target
        return
      }
    } else {
      let rows = target.y - cursor.y
      var row = "\u{1B}[\(target.y + 1)d"
      var relative = rows == 1 ? "\u{1B}[B" : rows == -1 ? "\u{1B}[A" : rows > 0 ? "\u{1B}[\(rows)B" : "\u{1B}[\(-rows)A"
      if plainControls && rows > 0 && rows <= 3 { relative = String(repeating: "\n", count: rows) }
      if relative.utf8.count < row.utf8.count { row = relative }
      if row.utf8.count + column.utf8.count < best.utf8.count { best = row + column }
    }
    out += best.utf8
    self.cursor = target
  }

  private static func absolute(_ target: Position) -> String {
    target.x == 0 ? "\u{1B}[\(target.y + 1)H" : "\u{1B}[\(target.y + 1);\(target.x + 1)H"
  }

  /// The shortest move along a row: none, backspaces (up to three columns back), `ESC[nD` back,
  /// `ESC[nC` forward, or `ESC[colG`.
  private static func column(from x: Int, to target: Int) -> String {
    if target == x { return "" }
    if target < x && x - target <= 3 { return String(repeating: "\u{08}", count: x - target) }
    let absolute = "\u{1B}[\(target + 1)G"
    let relative = target > x ? (target == x + 1 ? "\u{1B}[C" : "\u{1B}[\(target - x)C") : "\u{1B}[\(x - target)D"
    return relative.utf8.count < absolute.utf8.count ? relative : absolute
  }

  /// The bytes of the shown cells from `start` up to `end` on row `y` when each is one printable
  /// ASCII character in the current rendition; nil otherwise.
  private func plainCells(from start: Int, to end: Int, y: Int, styleOf: (Cell) -> CellAppearance) -> [UInt8]? {
    guard let pen else { return nil }
    var bytes: [UInt8] = []
    for x in start..<end {
      guard let cell = shown[y * shownSize.width + x], let byte = cell.text.singleASCII, styleOf(cell) == pen else { return nil }
      bytes.append(byte)
    }
    return bytes
  }
}
