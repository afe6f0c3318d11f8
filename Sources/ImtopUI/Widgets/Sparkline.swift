import ImtopCore

/// A small chart of recent values, newest on the right.
///
/// Braille packs two values per cell with four levels each (the densest history in a narrow column);
/// blocks give eight levels per cell row; halves two (`▄`, `█`: what the Linux console's fonts
/// have); the ASCII variant uses ` _.-=+*#` for terminals without Unicode. Missing values (no sample in that bucket) stay blank, so gaps are visible.
public struct Sparkline: Sendable {
  public enum Variant: Sendable, Hashable { case braille, block, halves, ascii }

  public var values: [Double?]
  public var variant: Variant
  /// The value drawn full height; the largest value when nil.
  public var maximum: Double?
  /// The value drawn as the lowest visible level; zero when nil. A trend of 96-99 % reads better
  /// from 96 up than from 0.
  public var minimum: Double?
  public var role: Role

  public init(values: [Double?], variant: Variant = .block, maximum: Double? = nil, minimum: Double? = nil, role: Role = .sparkline) {
    self.values = values
    self.variant = variant
    self.maximum = maximum
    self.minimum = minimum
    self.role = role
  }

  static let asciiLevels: [Unicode.Scalar] = [" ", "_", ".", "-", "=", "+", "*", "#"]
  static let blocks: [Unicode.Scalar] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
  static let halves: [Unicode.Scalar] = [" ", "▄", "█"]

  public func render(in area: Rect, buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    let perCell = variant == .braille ? 2 : 1
    let shown = Array(values.suffix(area.width * perCell))
    let top = maximum ?? shown.reduce(nil) { largest, value in
      guard let value, value.isFinite else { return largest }
      return Swift.max(largest ?? value, value)
    } ?? 0
    let levelsPerRow: Int
    switch variant {
    case .braille: levelsPerRow = 4
    case .block: levelsPerRow = 8
    case .halves: levelsPerRow = Self.halves.count - 1
    case .ascii: levelsPerRow = Self.asciiLevels.count - 1
    }
    let totalLevels = levelsPerRow * area.height
    // Right-align: the newest value sits in the last cell.
    let cellsUsed = (shown.count + perCell - 1) / perCell
    let startX = area.maxX - cellsUsed
    let bottom = minimum.map { Swift.min($0, top) }
    func level(_ value: Double?) -> Int? {
      guard let value, value.isFinite else { return nil }
      if let bottom {
        // From the baseline up: the lowest value still shows one level, so a value at the bottom of
        // the scale is told apart from a missing one; a scale of one value draws it flat there.
        guard top > bottom else { return 1 }
        let ratio = (Swift.max(bottom, value) - bottom) / (top - bottom)
        let scaled = Swift.min(totalLevels - 1, Int(saturating: (ratio * Double(totalLevels - 1)).rounded())) + 1
        return Swift.min(totalLevels, scaled)
      }
      guard top > 0 else { return 0 }
      let scaled = Int(saturating: (max(0, value) / top * Double(totalLevels)).rounded())
      // A non-zero value always shows at least one level, so it is told apart from a gap.
      return min(totalLevels, max(value > 0 ? 1 : 0, scaled))
    }
    for cell in 0..<cellsUsed {
      let x = startX + cell
      let firstIndex = shown.count - (cellsUsed - cell) * perCell
      func levelAt(_ index: Int) -> Int? { index >= 0 && index < shown.count ? level(shown[index]) : nil }
      let first = levelAt(firstIndex)
      let second = perCell > 1 ? levelAt(firstIndex + 1) : nil
      for row in 0..<area.height {
        let y = area.maxY - 1 - row
        let base = row * levelsPerRow
        func inRow(_ level: Int?) -> Int? { level.map { min(levelsPerRow, max(0, $0 - base)) } }
        // Every glyph is one scalar of one cell: set directly, without a string to sanitise.
        buffer.set(Cell(scalar: glyph(inRow(first), inRow(second)), foreground: role), x: x, y: y)
      }
    }
  }

  /// The glyph for one cell row: `first` (and for braille `second`, the right column) levels within
  /// the row, nil for a missing value.
  private func glyph(_ first: Int?, _ second: Int?) -> Unicode.Scalar {
    switch variant {
    case .block: return first.map { Self.blocks[$0] } ?? " "
    case .halves: return first.map { Self.halves[$0] } ?? " "
    case .ascii: return first.map { Self.asciiLevels[$0] } ?? " "
    case .braille:
      if first == nil && second == nil { return " " }
      // Dots filled from the bottom: left column 7,3,2,1; right column 8,6,5,4.
      let left: (UInt32, UInt32, UInt32, UInt32) = (0x40, 0x04, 0x02, 0x01)
      let right: (UInt32, UInt32, UInt32, UInt32) = (0x80, 0x20, 0x10, 0x08)
      func dots(_ count: Int?, _ column: (UInt32, UInt32, UInt32, UInt32)) -> UInt32 {
        guard let count else { return 0 }
        return (count > 0 ? column.0 : 0) | (count > 1 ? column.1 : 0) | (count > 2 ? column.2 : 0) | (count > 3 ? column.3 : 0)
      }
      return Unicode.Scalar(0x2800 + (dots(first, left) | dots(second, right))) ?? " "
    }
  }
}

extension Sparkline.Variant {
  /// The variant a drawing mode allows: the preferred one, or the mode's own.
  public static func preferred(_ variant: Sparkline.Variant, for glyphs: Glyphs) -> Sparkline.Variant {
    glyphs.usesBraille ? variant : glyphs.sparkline
  }
}
