import ImtopUI

extension Color {
  /// The colour number ncurses takes for this colour (already degraded to `depth`): -1 for the
  /// terminal's default, a palette index, or with direct colour (`COLORS` = 2^24) the packed RGB value.
  ///
  /// Direct-colour terminfo entries send values below 8 as ANSI colours, so ANSI 0-7 stay indexes and
  /// an RGB value that would fall below 8 is nudged to 8 (a blue of 8/255 instead of 0-7/255).
  public func terminalNumber(directColor: Bool) -> Int32 {
    switch self {
    case .terminalDefault:
      return -1
    case .ansi(let index):
      guard (0...15).contains(index) else { return -1 }
      if directColor && index >= 8 { return Color.packed(Color.xtermRGB(index)) }
      return Int32(index)
    case .indexed(let index):
      guard (0...255).contains(index) else { return -1 }
      if directColor && index >= 8 { return Color.packed(Color.xtermRGB(index)) }
      return Int32(index)
    case .rgb(let r, let g, let b):
      return Color.packed((r, g, b))
    }
  }

  static func packed(_ rgb: (UInt8, UInt8, UInt8)) -> Int32 {
    max(8, Int32(rgb.0) << 16 | Int32(rgb.1) << 8 | Int32(rgb.2))
  }
}
