/// Mapping theme colours down to what a terminal can show.
///
/// Themes are written in `#rrggbb`; most terminals reached over SSH offer 256 colours, old consoles
/// 16 or 8, and `NO_COLOR` none. Each step picks the nearest colour by squared RGB distance against
/// xterm's default palette, so a theme keeps its character instead of falling back to defaults.
extension Color {
  /// This colour as a terminal of `depth` can show it: truecolor keeps it, 256 colours turns RGB into
  /// the nearest cube or grey entry, 16 and 8 colours into the nearest ANSI colour, and no colour
  /// into the terminal's default. An out-of-range index also becomes the default.
  public func degraded(to depth: ColorDepth) -> Color {
    switch self {
    case .terminalDefault:
      return .terminalDefault
    case .ansi(let index):
      guard (0...15).contains(index), depth >= .eight else { return .terminalDefault }
      return depth == .eight ? .ansi(index % 8) : self
    case .indexed(let index):
      guard (0...255).contains(index), depth >= .eight else { return .terminalDefault }
      if depth >= .palette256 { return self }
      if index < 16 { return Color.ansi(index).degraded(to: depth) }
      let (r, g, b) = Color.xtermRGB(index)
      return .ansi(Color.nearestANSI(r, g, b, count: depth == .eight ? 8 : 16))
    case .rgb(let r, let g, let b):
      switch depth {
      case .truecolor: return self
      case .palette256: return .indexed(Color.nearestPaletteIndex(r, g, b))
      case .sixteen: return .ansi(Color.nearestANSI(r, g, b, count: 16))
      case .eight: return .ansi(Color.nearestANSI(r, g, b, count: 8))
      case .none: return .terminalDefault
      }
    }
  }

  /// The RGB value of an xterm palette entry (0-15 the standard colours, 16-231 the 6x6x6 cube,
  /// 232-255 the grey ramp); black for an index outside 0-255.
  public static func xtermRGB(_ index: Int) -> (UInt8, UInt8, UInt8) {
    switch index {
    case 0...15:
      return ansiPalette[index]
    case 16...231:
      let cube = index - 16
      return (cubeLevels[cube / 36], cubeLevels[(cube / 6) % 6], cubeLevels[cube % 6])
    case 232...255:
      let level = UInt8(8 + 10 * (index - 232))
      return (level, level, level)
    default:
      return (0, 0, 0)
    }
  }

  /// The nearest entry of the 256-colour cube (16-231) or grey ramp (232-255). Entries 0-15 are left
  /// out on purpose: users redefine them, so they are not a reliable match. On a tie the cube wins.
  public static func nearestPaletteIndex(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
    let cube = 16 + 36 * cubeStep(r) + 6 * cubeStep(g) + cubeStep(b)
    let mean = (Int(r) + Int(g) + Int(b)) / 3
    let grey = 232 + min(23, max(0, (mean - 3) / 10))
    return distance(xtermRGB(grey), (r, g, b)) < distance(xtermRGB(cube), (r, g, b)) ? grey : cube
  }

  /// The nearest of the first `count` (8 or 16) ANSI colours; the lower index on a tie.
  ///
  /// A colour with little chroma (the channels within 24 of each other) only considers the greys
  /// (black, white, and with 16 colours bright black and bright white): plain RGB distance would turn
  /// a mid grey into dark yellow or cyan, which reads as a warning colour it never was.
  public static func nearestANSI(_ r: UInt8, _ g: UInt8, _ b: UInt8, count: Int) -> Int {
    let limit = count <= 8 ? 8 : 16
    let chroma = Int(max(r, g, b)) - Int(min(r, g, b))
    let candidates = chroma <= 24 ? (limit == 8 ? [0, 7] : [0, 8, 7, 15]) : Array(0..<limit)
    var best = candidates[0]
    var bestDistance = Int.max
    for index in candidates.sorted() {
      let candidate = distance(ansiPalette[index], (r, g, b))
      if candidate < bestDistance {
        best = index
        bestDistance = candidate
      }
    }
    return best
  }

  /// xterm's default values for the 16 ANSI colours.
  static let ansiPalette: [(UInt8, UInt8, UInt8)] = [
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
    (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
    (255, 0, 255), (0, 255, 255), (255, 255, 255),
  ]

  static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

  /// The nearest of the cube's six levels for one channel (the midpoints are 47.5, 115, 155, 195, 235).
  static func cubeStep(_ value: UInt8) -> Int {
    let v = Int(value)
    if v < 48 { return 0 }
    if v < 115 { return 1 }
    return (v - 35) / 40
  }

  static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
    let dr = Int(a.0) - Int(b.0)
    let dg = Int(a.1) - Int(b.1)
    let db = Int(a.2) - Int(b.2)
    return dr * dr + dg * dg + db * db
  }
}
