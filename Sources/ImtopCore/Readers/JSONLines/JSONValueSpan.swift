/// Where one JSON value sits in a line and what kind it is, so a field is decoded only if it is used.
struct JSONValueSpan: Hashable, Sendable {
  enum Kind: Hashable, Sendable {
    case string, number, object, array, bool, null
  }

  var kind: Kind
  /// For a string, the first byte after the opening quote; otherwise the value's first byte.
  /// (32 bits: lines are at most 1 MB, and a smaller span is cheaper to copy for every member.)
  private var start32: Int32
  private var end32: Int32
  var start: Int { Int(start32) }
  /// For a string, the closing quote; otherwise one past the value's last byte.
  var end: Int { Int(end32) }
  /// For a string: whether it contains a backslash escape (and needs decoding rather than copying).
  var hasEscapes: Bool = false
  /// For a boolean: its value.
  var isTrue: Bool = false

  init(kind: Kind, start: Int, end: Int, hasEscapes: Bool = false, isTrue: Bool = false) {
    self.kind = kind
    self.start32 = Int32(truncatingIfNeeded: start)
    self.end32 = Int32(truncatingIfNeeded: end)
    self.hasEscapes = hasEscapes
    self.isTrue = isTrue
  }

  /// How the kind is named in messages (`bad "ts": expected a string, got an array`).
  var kindDescription: String {
    switch kind {
    case .string: return "a string"
    case .number: return "a number"
    case .object: return "an object"
    case .array: return "an array"
    case .bool: return "a boolean"
    case .null: return "null"
    }
  }
}

/// The member names a line decoder wants, matched against each key of a line.
///
/// Each name (at most 16 bytes) is packed into two integers, so matching a key is a length check
/// and two integer comparisons, with no array traversal or reference counting per key.
struct JSONFieldNames: Sendable {
  private struct PackedName: Sendable {
    var length: Int
    var low: UInt64
    var high: UInt64
  }

  private let packed: [PackedName]
  /// Per key length (0 to 16): bit `i` set when name `i` has that length, so most keys are compared
  /// with at most one name, and keys of no wanted length with none.
  private let namesByLength: [UInt8]

  /// Names longer than 16 bytes, or beyond `JSONFieldSlots.capacity`, are not supported.
  init(_ names: [String]) {
    packed = names.prefix(JSONFieldSlots.capacity).map { name in
      var bytes = Array(name.utf8.prefix(16))
      let length = bytes.count
      return bytes.withUnsafeMutableBufferPointer { buffer in
        let (low, high) = JSONFieldNames.pack(UnsafeBufferPointer(buffer))
        return PackedName(length: length, low: low, high: high)
      }
    }
    var byLength = [UInt8](repeating: 0, count: 17)
    for (index, name) in packed.enumerated() { byLength[name.length] |= 1 << UInt8(index) }
    namesByLength = byLength
  }

  /// The index among the names of `length` bytes whose packed bytes are `low` and `high`.
  @inline(__always)
  private func match(length: Int, low: UInt64, high: UInt64) -> Int? {
    var candidates = namesByLength.withUnsafeBufferPointer { $0[length] }
    while candidates != 0 {
      let index = candidates.trailingZeroBitCount
      let found = packed.withUnsafeBufferPointer { $0[index].low == low && $0[index].high == high }
      if found { return index }
      candidates &= candidates &- 1
    }
    return nil
  }

  /// The index of the name equal to `key`, or nil for a key the decoder does not use.
  @inline(__always)
  func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
    guard key.count <= 16 else { return nil }
    let (low, high) = JSONFieldNames.pack(key)
    return match(length: key.count, low: low, high: high)
  }

  /// Like `index(of:)` for the key at `start..<end` of `text`.
  @inline(__always)
  func index(ofKeyIn text: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Int? {
    let length = end - start
    guard length <= 16 else { return nil }
    guard start + 16 <= text.count, let base = text.baseAddress else { return index(ofKeyNearEndOf: text, start: start, end: end) }
    let (low, high) = JSONFieldNames.packWords(UnsafeRawPointer(base + start), length: length)
    return match(length: length, low: low, high: high)
  }

  /// `index(ofKeyIn:)` for a key less than 16 bytes before the end of the text (rare: kept out of line).
  @inline(never)
  private func index(ofKeyNearEndOf text: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Int? {
    index(of: UnsafeBufferPointer(rebasing: text[start..<end]))
  }

  /// The `length` (at most 16) bytes at `raw`, of which 16 may be read, packed as `pack` does.
  @inline(__always)
  static func packWords(_ raw: UnsafeRawPointer, length: Int) -> (UInt64, UInt64) {
    var low = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
    var high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    if length < 8 {
      low &= (1 &<< UInt64(8 * length)) &- 1
      high = 0
    } else if length < 16 {
      high &= (1 &<< UInt64(8 * (length - 8))) &- 1
    }
    return (low, high)
  }

  /// The bytes `start..<end` (at most 16) of `text` packed as `pack` does: when 16 bytes can be read
  /// from `start` without leaving `text`, they are loaded as two words and masked to the length.
  @inline(__always)
  static func pack(_ text: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> (UInt64, UInt64) {
    let length = end - start
    guard start + 16 <= text.count, let base = text.baseAddress else {
      return pack(UnsafeBufferPointer(rebasing: text[start..<end]))
    }
    return packWords(UnsafeRawPointer(base + start), length: length)
  }

  @inline(__always)
  static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
    var low: UInt64 = 0
    var high: UInt64 = 0
    for index in 0..<min(8, bytes.count) { low |= UInt64(bytes[index]) << (8 * UInt64(index)) }
    if bytes.count > 8 {
      for index in 8..<bytes.count { high |= UInt64(bytes[index]) << (8 * UInt64(index - 8)) }
    }
    return (low, high)
  }
}

/// The value found for each wanted member of one line (the last one when a key repeats).
///
/// Fixed stored properties rather than an array, so scanning a line allocates nothing.
struct JSONFieldSlots: Sendable, Equatable {
  static let capacity = 6
  private var slot0: JSONValueSpan?
  private var slot1: JSONValueSpan?
  private var slot2: JSONValueSpan?
  private var slot3: JSONValueSpan?
  private var slot4: JSONValueSpan?
  private var slot5: JSONValueSpan?

  init() {}

  subscript(index: Int) -> JSONValueSpan? {
    @inline(__always) get {
      switch index {
      case 0: return slot0
      case 1: return slot1
      case 2: return slot2
      case 3: return slot3
      case 4: return slot4
      default: return slot5
      }
    }
    @inline(__always) set {
      switch index {
      case 0: slot0 = newValue
      case 1: slot1 = newValue
      case 2: slot2 = newValue
      case 3: slot3 = newValue
      case 4: slot4 = newValue
      default: slot5 = newValue
      }
    }
  }
}
