/// Where one JSON value sits in a line and what kind it is, so a field is decoded only if it is used.
struct JSONValueSpan: Hashable, Sendable {
  enum Kind: Hashable, Sendable {
    case string, number, object, array, bool, null
  }

  var kind: Kind
  /// For a string, the first byte after the opening quote; otherwise the value's first byte.
  var start: Int
  /// For a string, the closing quote; otherwise one past the value's last byte.
  var end: Int
  /// For a string: whether it contains a backslash escape (and needs decoding rather than copying).
  var hasEscapes: Bool = false
  /// For a boolean: its value.
  var isTrue: Bool = false

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

/// The member names a line decoder wants, matched byte for byte against each key of a line.
struct JSONFieldNames: Sendable {
  /// At most `JSONFieldSlots.capacity` names, as UTF-8.
  let names: [[UInt8]]

  init(_ names: [String]) {
    self.names = names.prefix(JSONFieldSlots.capacity).map { Array($0.utf8) }
  }

  /// The index of the name equal to `key`, or nil for a key the decoder does not use.
  @inline(__always)
  func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
    for (index, name) in names.enumerated() where name.count == key.count {
      var equal = true
      for offset in 0..<key.count where name[offset] != key[offset] {
        equal = false
        break
      }
      if equal { return index }
    }
    return nil
  }
}

/// The value found for each wanted member of one line (the last one when a key repeats).
///
/// Fixed stored properties rather than an array, so scanning a line allocates nothing.
struct JSONFieldSlots: Sendable {
  static let capacity = 6
  private var slot0: JSONValueSpan?
  private var slot1: JSONValueSpan?
  private var slot2: JSONValueSpan?
  private var slot3: JSONValueSpan?
  private var slot4: JSONValueSpan?
  private var slot5: JSONValueSpan?

  init() {}

  subscript(index: Int) -> JSONValueSpan? {
    get {
      switch index {
      case 0: return slot0
      case 1: return slot1
      case 2: return slot2
      case 3: return slot3
      case 4: return slot4
      default: return slot5
      }
    }
    set {
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
