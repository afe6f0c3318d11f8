#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A frame: a grid of cells that widgets draw into and the terminal backend diffs against the last one.
public struct Buffer: Hashable, Sendable {
  public let size: Size
  /// Row-major, `size.width * size.height` cells.
  public private(set) var cells: [Cell]

  public init(size: Size, fill: Cell = .blank) {
    self.size = size
    self.cells = Array(repeating: fill, count: size.width * size.height)
  }

  public var area: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

  /// The cell at a position; a blank cell outside the buffer.
  public subscript(x: Int, y: Int) -> Cell {
    get {
      guard x >= 0, y >= 0, x < size.width, y < size.height else { return .blank }
      return cells[y * size.width + x]
    }
    set {
      guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
      cells[y * size.width + x] = newValue
    }
  }

  /// Fills a rectangle (clipped to the buffer) with one cell. A wide grapheme cut by the rectangle's
  /// edge is blanked, so no half of it is left behind for the terminal to misdraw.
  public mutating func fill(_ rect: Rect, with cell: Cell) {
    let clipped = rect.intersection(area)
    guard !clipped.isEmpty else { return }
    for row in clipped.y..<clipped.maxY {
      let base = row * size.width
      repairWide(x: clipped.x, y: row)
      repairWide(x: clipped.maxX - 1, y: row)
      for column in clipped.x..<clipped.maxX { cells[base + column] = cell }
    }
  }

  /// Sets one cell, blanking the other half of any wide grapheme it overwrites.
  public mutating func set(_ cell: Cell, x: Int, y: Int) {
    guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
    repairWide(x: x, y: y)
    cells[y * size.width + x] = cell
  }

  /// Writes text from `(x, y)`, at most `maxWidth` columns and never past the buffer's right edge,
  /// sanitising control characters and giving wide graphemes two cells. A wide grapheme that would be
  /// cut at the limit is replaced by a space. Returns the number of columns written.
  @discardableResult
  public mutating func put(
    _ text: String, x: Int, y: Int, maxWidth: Int = .max, foreground: Role = .normal,
    background: Role = .background, attributes: Attributes = []
  ) -> Int {
    guard y >= 0, y < size.height, x < size.width else { return 0 }
    let limit = min(maxWidth, size.width - x)
    guard limit > 0 else { return 0 }
    if x >= 0, let simple = SafeText.simpleCount(text) {
      // Every scalar is one cell: write them directly. Only the run's two ends can cut a wide
      // grapheme; every cell between is overwritten.
      let count = min(limit, simple)
      guard count > 0 else { return 0 }
      repairWide(x: x, y: y)
      repairWide(x: x + count - 1, y: y)
      let base = y * size.width + x
      cells.withUnsafeMutableBufferPointer { cells in
        var column = 0
        for scalar in text.unicodeScalars {
          guard column < count else { break }
          cells[base + column] = Cell(scalar: scalar, foreground: foreground, background: background, attributes: attributes)
          column += 1
        }
      }
      return count
    }
    var column = 0
    for grapheme in SafeText.graphemes(text) {
      let width = grapheme.width
      if column + width > limit {
        if width == 2 && column < limit {
          set(Cell(" ", foreground: foreground, background: background, attributes: attributes), x: x + column, y: y)
          column += 1
        }
        break
      }
      if x + column >= 0 {
        set(Cell(grapheme.text, foreground: foreground, background: background, attributes: attributes), x: x + column, y: y)
        if width == 2 {
          set(Cell("", foreground: foreground, background: background, attributes: attributes), x: x + column + 1, y: y)
        }
      } else if width == 2 && x + column == -1 {
        // The left half is off the buffer: show a space rather than half a character.
        set(Cell(" ", foreground: foreground, background: background, attributes: attributes), x: 0, y: y)
      }
      column += width
    }
    return column
  }

  private static let space = CellText(" ")

  /// Before `(x, y)` is overwritten: blank the left half when it is a continuation, and the
  /// continuation when it is the left half of a wide grapheme.
  private mutating func repairWide(x: Int, y: Int) {
    guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
    let index = y * size.width + x
    if cells[index].isContinuation, x > 0 {
      cells[index - 1].text = Self.space
      cells[index].text = Self.space
    }
    if x + 1 < size.width, cells[index + 1].isContinuation {
      cells[index + 1].text = Self.space
    }
  }

  /// The cells that differ from `previous` (all of them when the sizes differ), in row order.
  /// A continuation cell is never reported on its own: its wide grapheme carries it.
  public func changes(since previous: Buffer?) -> [CellChange] {
    var result: [CellChange] = []
    let sameSize = previous?.size == size
    let unchangedRows = sameSize ? previous.map(unchangedRows(since:)) ?? [] : []
    for y in 0..<size.height where unchangedRows.isEmpty || !unchangedRows[y] {
      for x in 0..<size.width {
        let index = y * size.width + x
        let cell = cells[index]
        if sameSize, let previous, previous.cells[index] == cell { continue }
        if cell.isContinuation {
          // The wide grapheme to the left is reported when it changed; otherwise repaint it so the
          // terminal's view of both halves stays right.
          if x > 0, let last = result.last, last.x == x - 1, last.y == y { continue }
          if x > 0 { result.append(CellChange(x: x - 1, y: y, cell: cells[index - 1])) }
          continue
        }
        result.append(CellChange(x: x, y: y, cell: cell))
      }
    }
    return result
  }

  /// For each row, whether its cells' bytes are those of the same row of `previous` (of the same
  /// size): such a row is passed over whole. A row whose bytes differ only in a cell's padding is
  /// compared cell by cell.
  private func unchangedRows(since previous: Buffer) -> [Bool] {
    guard !cells.isEmpty, previous.cells.count == cells.count else { return [] }
    return cells.withUnsafeBytes { now in
      previous.cells.withUnsafeBytes { before in
        let rowBytes = size.width * MemoryLayout<Cell>.stride
        return (0..<size.height).map { row in
          memcmp(now.baseAddress! + row * rowBytes, before.baseAddress! + row * rowBytes, rowBytes) == 0
        }
      }
    }
  }

  /// The buffer as plain text, one line per row; trailing spaces are trimmed unless
  /// `trimmingTrailingSpaces` is false.
  public func plainText(trimmingTrailingSpaces: Bool = true) -> String {
    var lines: [String] = []
    lines.reserveCapacity(size.height)
    for row in 0..<size.height {
      var line = self.line(row)
      if trimmingTrailingSpaces {
        while line.last == " " { line.removeLast() }
      }
      lines.append(line)
    }
    return lines.joined(separator: "\n")
  }
}

/// One cell to write at a position.
public struct CellChange: Hashable, Sendable {
  public var x: Int
  public var y: Int
  public var cell: Cell

  public init(x: Int, y: Int, cell: Cell) {
    self.x = x
    self.y = y
    self.cell = cell
  }
}
