import Synchronization

/// Text attributes a terminal can show without colour.
public struct Attributes: OptionSet, Hashable, Sendable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  public static let bold = Attributes(rawValue: 1 << 0)
  public static let dim = Attributes(rawValue: 1 << 1)
  public static let underline = Attributes(rawValue: 1 << 2)
  public static let reverse = Attributes(rawValue: 1 << 3)
  public static let italic = Attributes(rawValue: 1 << 4)
}

/// One screen cell: a grapheme (already sanitised and of display width 1 or 2), the roles of its
/// colours, and attributes. The cell to the right of a wide grapheme is a continuation with an empty
/// grapheme, which the diff skips.
///
/// A cell is plain data (its grapheme's bytes are held in the cell, `CellText`): every frame fills,
/// copies and compares thousands of them, and a `String` field cost a reference count's retain and
/// release at each, a fifth of a live frame's work.
public struct Cell: Hashable, Sendable {
  public var text: CellText
  public var foreground: Role
  public var background: Role
  public var attributes: Attributes

  public init(_ grapheme: String = " ", foreground: Role = .normal, background: Role = .background, attributes: Attributes = []) {
    self.text = CellText(grapheme)
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }

  /// A cell of one scalar (of display width 1), without making a `String` of it.
  public init(scalar: Unicode.Scalar, foreground: Role = .normal, background: Role = .background, attributes: Attributes = []) {
    self.text = CellText(scalar)
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }

  public static let blank = Cell()

  /// The cell's grapheme.
  public var grapheme: String {
    get { text.string }
    set { text = CellText(newValue) }
  }

  /// The right half of a wide grapheme.
  public var isContinuation: Bool { text.isEmpty }
}

/// A grapheme's UTF-8 bytes, held in three words: up to 23 bytes in place (every grapheme a terminal
/// cell can draw: ncurses keeps at most five scalars in a cell), a longer one (a base with many
/// combining marks, a long emoji sequence) as its number in a table shared by the process.
///
/// Written by hand: no library keeps short text inline without a reference. Two equal texts hold the
/// same bytes, so cells compare word by word.
public struct CellText: Hashable, Sendable {
  private var low: UInt64 = 0
  private var middle: UInt64 = 0
  /// Bytes 16 to 22, and in the top byte the length (0 to 23), or `longMark` for a long text
  /// whose number in `LongTexts` is in `low`.
  private var high: UInt64 = 0

  static let inlineCapacity = 23
  private static let longMark: UInt64 = 0xFF

  public init(_ text: String) {
    var text = text
    if let inline = text.withUTF8({ $0.count <= Self.inlineCapacity ? CellText(bytes: $0) : nil }) {
      self = inline
    } else if let number = LongTexts.number(of: text) {
      self.init(number: number)
    } else {
      self.init(prefixOf: text)
    }
  }

  private init(bytes: UnsafeBufferPointer<UInt8>) {
    for (index, byte) in bytes.enumerated() { setByte(byte, at: index) }
    high |= UInt64(bytes.count) << 56
  }

  private init(number: Int) {
    low = UInt64(number)
    high = Self.longMark << 56
  }

  /// The first whole scalars of `text` that fit in place (for a long text once the table is full).
  init(prefixOf text: String) {
    var count = 0
    for scalar in text.unicodeScalars {
      guard count + UTF8.width(scalar) <= Self.inlineCapacity else { break }
      for byte in UTF8.encode(scalar)! {
        setByte(byte, at: count)
        count += 1
      }
    }
    high |= UInt64(count) << 56
  }

  public init(_ scalar: Unicode.Scalar) {
    // UTF-8 by hand: this runs for every cell of plain text drawn.
    let v = UInt64(scalar.value)
    switch v {
    case ..<0x80:
      low = v
      high = 1 << 56
    case ..<0x800:
      low = (0xC0 | v >> 6) | (0x80 | v & 0x3F) << 8
      high = 2 << 56
    case ..<0x10000:
      low = (0xE0 | v >> 12) | (0x80 | v >> 6 & 0x3F) << 8 | (0x80 | v & 0x3F) << 16
      high = 3 << 56
    default:
      low = (0xF0 | v >> 18) | (0x80 | v >> 12 & 0x3F) << 8 | (0x80 | v >> 6 & 0x3F) << 16 | (0x80 | v & 0x3F) << 24
      high = 4 << 56
    }
  }

  private mutating func setByte(_ byte: UInt8, at index: Int) {
    let shift = UInt64((index % 8) * 8)
    switch index / 8 {
    case 0: low |= UInt64(byte) << shift
    case 1: middle |= UInt64(byte) << shift
    default: high |= UInt64(byte) << shift
    }
  }

  private func byte(at index: Int) -> UInt8 {
    let shift = UInt64((index % 8) * 8)
    switch index / 8 {
    case 0: return UInt8(truncatingIfNeeded: low >> shift)
    case 1: return UInt8(truncatingIfNeeded: middle >> shift)
    default: return UInt8(truncatingIfNeeded: high >> shift)
    }
  }

  private var lengthByte: UInt64 { high >> 56 }

  public var isEmpty: Bool { lengthByte == 0 }

  /// The byte of a text that is one printable ASCII character (space to `~`); nil otherwise.
  public var singleASCII: UInt8? {
    guard lengthByte == 1 else { return nil }
    let byte = UInt8(truncatingIfNeeded: low)
    return byte >= 0x20 && byte < 0x7F ? byte : nil
  }

  /// Appends the text's UTF-8 bytes to `bytes`.
  public func appendUTF8(to bytes: inout [UInt8]) {
    let length = lengthByte
    if length == Self.longMark {
      bytes.append(contentsOf: LongTexts.text(Int(low)).utf8)
      return
    }
    for index in 0..<Int(length) { bytes.append(byte(at: index)) }
  }

  public var string: String {
    let length = lengthByte
    if length == Self.longMark { return LongTexts.text(Int(low)) }
    let count = Int(length)
    return String(unsafeUninitializedCapacity: count) { buffer in
      for index in 0..<count { buffer[index] = byte(at: index) }
      return count
    }
  }
}

/// The cell texts longer than `CellText.inlineCapacity` bytes, each kept once, at most `limit` of
/// them: past that (only hostile data has so many different ones), a new long text is cut to the
/// whole scalars that fit in place, which is still more than a terminal cell draws.
enum LongTexts {
  static let limit = 4_096

  private struct Table {
    var texts: [String] = []
    var numbers: [String: Int] = [:]
  }

  private static let table = Mutex(Table())

  /// The text's number, or nil when it is new and the table is full.
  static func number(of text: String) -> Int? {
    table.withLock { table in
      if let known = table.numbers[text] { return known }
      guard table.texts.count < limit else { return nil }
      table.texts.append(text)
      table.numbers[text] = table.texts.count - 1
      return table.texts.count - 1
    }
  }

  static func text(_ number: Int) -> String {
    table.withLock { $0.texts.indices.contains(number) ? $0.texts[number] : "\u{FFFD}" }
  }
}
