import ImtopUI

/// A terminal for tests: reads the bytes the ANSI writer sends (cursor positions, renditions, text)
/// into cells, so that frames can be checked cell by cell against what a terminal would show. It
/// refuses what the writer must never send: an unknown sequence, a character past the right edge.
struct ANSIScreenModel {
  struct Shown: Equatable {
    /// The grapheme drawn here; empty for the right half of a wide one.
    var text: String
    var look: CellAppearance
  }

  struct Refusal: Error, CustomStringConvertible {
    var description: String
  }

  static let plain = CellAppearance(foreground: .terminalDefault, background: .terminalDefault, attributes: [])

  let size: Size
  private(set) var cells: [Shown]
  private var x = 0
  private var y = 0
  private var pen = ANSIScreenModel.plain
  private var region: (top: Int, bottom: Int)


  init(size: Size) {
    self.size = size
    region = (0, size.height - 1)
    cells = Array(repeating: Shown(text: " ", look: Self.plain), count: size.width * size.height)
  }

  subscript(x: Int, y: Int) -> Shown { cells[y * size.width + x] }

  mutating func feed(_ bytes: [UInt8]) throws(Refusal) {
    let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      index += 1
      if scalar == "\u{08}" {
        x = max(0, x - 1)
        continue
      }
      if scalar == "\n" || scalar == "\r" {
        // A line feed only moves down (no scrolling here: the writer never feeds past the last row).
        if scalar == "\n" { y += 1 } else { x = 0 }
        guard y < size.height else { throw Refusal(description: "line feed past the last row") }
        continue
      }
      guard scalar == "\u{1B}" else {
        try draw(scalar)
        continue
      }
      guard index < scalars.count else { throw Refusal(description: "ESC at the end") }
      let kind = scalars[index]
      index += 1
      if kind == "(" {
        guard index < scalars.count, scalars[index] == "B" else { throw Refusal(description: "ESC ( other than B") }
        index += 1
        continue
      }
      if kind == "M" || kind == "D" {
        // Reverse index at the region's top scrolls it down; index at its bottom scrolls it up.
        if kind == "M" {
          guard y == region.top else { throw Refusal(description: "reverse index off the region's top") }
          for row in stride(from: region.bottom, to: region.top, by: -1) { copyRow(row - 1, to: row) }
          blankRow(region.top)
        } else {
          guard y == region.bottom else { throw Refusal(description: "index off the region's bottom") }
          for row in region.top..<region.bottom { copyRow(row + 1, to: row) }
          blankRow(region.bottom)
        }
        continue
      }
      guard kind == "[" else { throw Refusal(description: "ESC \(kind)") }
      var parameters = ""
      while index < scalars.count, ("0"..."9").contains(scalars[index]) || scalars[index] == ";" {
        parameters.unicodeScalars.append(scalars[index])
        index += 1
      }
      guard index < scalars.count else { throw Refusal(description: "unfinished CSI") }
      let final = scalars[index]
      index += 1
      let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
      switch final {
      case "H":
        y = (numbers.first.flatMap { $0 } ?? 1) - 1
        x = (numbers.count > 1 ? numbers[1] ?? 1 : 1) - 1
      case "G": x = (numbers.first.flatMap { $0 } ?? 1) - 1
      case "C": x += numbers.first.flatMap { $0 } ?? 1
      case "D": x -= numbers.first.flatMap { $0 } ?? 1
      case "d": y = (numbers.first.flatMap { $0 } ?? 1) - 1
      case "B": y += numbers.first.flatMap { $0 } ?? 1
      case "A": y -= numbers.first.flatMap { $0 } ?? 1
      case "m": try rendition(numbers.map { $0 ?? 0 })
      case "r":
        let top = (numbers.first.flatMap { $0 } ?? 1) - 1
        let bottom = (numbers.count > 1 ? numbers[1] ?? size.height : size.height) - 1
        guard top < bottom, bottom < size.height else { throw Refusal(description: "region \(parameters)") }
        region = (top, bottom)
        x = 0
        y = 0
      case "J" where parameters == "2":
        // Erased cells take the current background, as terminals do.
        let blank = Shown(text: " ", look: CellAppearance(foreground: .terminalDefault, background: pen.background, attributes: []))
        cells = Array(repeating: blank, count: size.width * size.height)
      default: throw Refusal(description: "CSI \(parameters)\(final)")
      }
      guard x >= 0, y >= 0, x < size.width, y < size.height else { throw Refusal(description: "cursor moved to \(x),\(y)") }
    }
  }

  private mutating func copyRow(_ from: Int, to: Int) {
    cells.replaceSubrange((to * size.width)..<((to + 1) * size.width), with: cells[(from * size.width)..<((from + 1) * size.width)])
  }

  /// A line a scroll brings in takes the current background, as terminals do.
  private mutating func blankRow(_ row: Int) {
    let blank = Shown(text: " ", look: CellAppearance(foreground: .terminalDefault, background: pen.background, attributes: []))
    for column in 0..<size.width { cells[row * size.width + column] = blank }
  }

  private mutating func draw(_ scalar: Unicode.Scalar) throws(Refusal) {
    guard scalar.value >= 0x20 else { throw Refusal(description: "control \(scalar.value)") }
    let width = SafeText.width(String(scalar))
    if width == 0 {
      // A combining mark joins the character before it.
      guard x > 0 else { throw Refusal(description: "combining mark at the left edge") }
      cells[y * size.width + x - 1].text.unicodeScalars.append(scalar)
      return
    }
    guard x + width <= size.width else { throw Refusal(description: "\(scalar) past the right edge at \(x),\(y)") }
    cells[y * size.width + x] = Shown(text: String(scalar), look: pen)
    if width == 2 { cells[y * size.width + x + 1] = Shown(text: "", look: pen) }
    // At the last column the cursor stays (a terminal's pending wrap); the writer moves it next.
    x = min(x + width, size.width - 1)
  }

  private mutating func rendition(_ codes: [Int]) throws(Refusal) {
    var index = 0
    func color(_ code: Int) throws(Refusal) -> Color {
      guard index + 1 < codes.count else { throw Refusal(description: "SGR \(code) without a colour") }
      switch codes[index + 1] {
      case 5 where index + 2 < codes.count:
        index += 2
        return .indexed(codes[index])
      case 2 where index + 4 < codes.count:
        index += 4
        return .rgb(UInt8(codes[index - 2]), UInt8(codes[index - 1]), UInt8(codes[index]))
      default: throw Refusal(description: "SGR \(code) malformed")
      }
    }
    while index < codes.count {
      let code = codes[index]
      switch code {
      case 0: pen = Self.plain
      case 1: pen.attributes.insert(.bold)
      case 2: pen.attributes.insert(.dim)
      case 3: pen.attributes.insert(.italic)
      case 4: pen.attributes.insert(.underline)
      case 7: pen.attributes.insert(.reverse)
      case 22: pen.attributes.subtract([.bold, .dim])
      case 23: pen.attributes.remove(.italic)
      case 24: pen.attributes.remove(.underline)
      case 27: pen.attributes.remove(.reverse)
      case 30...37: pen.foreground = .ansi(code - 30)
      case 90...97: pen.foreground = .ansi(code - 90 + 8)
      case 40...47: pen.background = .ansi(code - 40)
      case 100...107: pen.background = .ansi(code - 100 + 8)
      case 39: pen.foreground = .terminalDefault
      case 49: pen.background = .terminalDefault
      case 38: pen.foreground = try color(code)
      case 48: pen.background = try color(code)
      default: throw Refusal(description: "SGR \(code)")
      }
      index += 1
    }
  }
}
