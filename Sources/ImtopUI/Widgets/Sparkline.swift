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

  static let asciiLevels: [Character] = [" ", "_", ".", "-", "=", "+", "*", "#"]
  static let blocks: [String] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
  static let halves: [String] = [" ", "▄", "█"]

  public func render(in area: Rect, buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    let perCell = variant == .braille ? 2 : 1
    let shown = Array(values.suffix(area.width * perCell))
    let top = maximum ?? shown.compactMap { $0 }.filter(\.isFinite).max() ?? 0
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
      let pair: [Int?] = (0..<perCell).map { k in
        let i = firstIndex + k
        return i >= 0 && i < shown.count ? level(shown[i]) : nil
      }
      for row in 0..<area.height {
        let y = area.maxY - 1 - row
        let base = row * levelsPerRow
        let text = glyph(pair.map { $0.map { min(levelsPerRow, max(0, $0 - base)) } })
        buffer.put(text, x: x, y: y, maxWidth: 1, foreground: role)
      }
    }
  }

  /// The character for one cell's levels (one level, or two for braille).
  private func glyph(_ levels: [Int?]) -> String {
    switch variant {
    case .block:
      guard let level = levels.first ?? nil else { return " " }
      return Self.blocks[level]
    case .halves:
      guard let level = levels.first ?? nil else { return " " }
      return Self.halves[level]
    case .ascii:
      guard let level = levels.first ?? nil else { return " " }
      return String(Self.asciiLevels[level])
    case .braille:
      if levels.allSatisfy({ $0 == nil }) { return " " }
      // Dots filled from the bottom: left column 7,3,2,1; right column 8,6,5,4.
      let left: [UInt32] = [0x40, 0x04, 0x02, 0x01]
      let right: [UInt32] = [0x80, 0x20, 0x10, 0x08]
      var bits: UInt32 = 0
      if let l = levels.first ?? nil { for i in 0..<l { bits |= left[i] } }
      if levels.count > 1, let r = levels[1] { for i in 0..<r { bits |= right[i] } }
      guard let scalar = Unicode.Scalar(0x2800 + bits) else { return " " }
      return String(Character(scalar))
    }
  }
}

extension Sparkline.Variant {
  /// The variant a drawing mode allows: the preferred one, or the mode's own.
  public static func preferred(_ variant: Sparkline.Variant, for glyphs: Glyphs) -> Sparkline.Variant {
    glyphs.usesBraille ? variant : glyphs.sparkline
  }
}
