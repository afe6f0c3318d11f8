import FoundationEssentials
import Glibc

/// The system ids of a run of status lines, each numbered in the order first seen, looked up by
/// their bytes.
///
/// A log of a million lines names a few dozen systems; hashing the id's bytes into a small
/// open-addressing table finds the number without making a `String` per line (a `String` is made
/// once per id) and without the per-lookup cost of `Hasher`.
struct SystemIDTable {
  /// The ids, by number.
  private(set) var names: [String] = []
  /// Every id's bytes, one after the other.
  private var keyBytes: [UInt8] = []
  /// Where each id's bytes start in `keyBytes`, by number; one extra entry marks the end.
  private var keyStarts: [Int] = [0]
  /// Id number + 1 per table slot, 0 for an empty slot; the size is a power of two.
  private var slots = [Int32](repeating: 0, count: 64)
  /// Per id of at most 16 bytes, its bytes as two little-endian words (as `JSONFieldNames` packs
  /// names), so a short id is matched with two comparisons.
  private var packed: [(low: UInt64, high: UInt64)] = []

  var count: Int { names.count }

  /// The number of the id spelled by `key` (valid UTF-8), adding it if new.
  @inline(__always)
  mutating func number(of key: UnsafeBufferPointer<UInt8>) -> Int32 {
    guard key.count <= 16 else { return number(of: key, hash: SystemIDTable.hash(key)) }
    let (low, high) = JSONFieldNames.pack(key)
    return number(of: key, low: low, high: high)
  }

  /// `number(of:)` for a key of at most 16 bytes already packed into two words.
  @inline(__always)
  mutating func number(of key: UnsafeBufferPointer<UInt8>, low: UInt64, high: UInt64) -> Int32 {
    let hash = SystemIDTable.hash(low: low, high: high, length: key.count)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    let found: Int? = slots.withUnsafeBufferPointer { table in
      packed.withUnsafeBufferPointer { words in
        keyStarts.withUnsafeBufferPointer { starts in
          while true {
            let entry = table[slot]
            if entry == 0 { return nil }
            let number = Int(entry - 1)
            if words[number].low == low && words[number].high == high && starts[number + 1] - starts[number] == key.count {
              return number
            }
            slot = (slot + 1) & mask
          }
        }
      }
    }
    if let found { return Int32(found) }
    return add(key, at: slot)
  }

  /// The general lookup, for ids longer than 16 bytes.
  private mutating func number(of key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { break }
      let number = Int(entry - 1)
      if matches(number, key) { return Int32(number) }
      slot = (slot + 1) & mask
    }
    return add(key, at: slot)
  }

  private func length(of number: Int) -> Int { keyStarts[number + 1] - keyStarts[number] }

  private mutating func add(_ key: UnsafeBufferPointer<UInt8>, at slot: Int) -> Int32 {
    let number = names.count
    names.append(String(decoding: key, as: UTF8.self))
    keyBytes.append(contentsOf: key)
    keyStarts.append(keyBytes.count)
    packed.append(key.count <= 16 ? JSONFieldNames.pack(key) : (0, 0))
    slots[slot] = Int32(number + 1)
    if names.count * 2 > slots.count { grow() }
    return Int32(number)
  }

  @inline(__always)
  private func matches(_ number: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = keyStarts[number]
    guard keyStarts[number + 1] - start == key.count else { return false }
    return keyBytes.withUnsafeBufferPointer { stored in
      guard let storedBase = stored.baseAddress, let keyBase = key.baseAddress else { return key.isEmpty }
      return memcmp(storedBase + start, keyBase, key.count) == 0
    }
  }

  /// Doubles the table and places every id again.
  private mutating func grow() {
    slots = [Int32](repeating: 0, count: slots.count * 2)
    let mask = slots.count - 1
    for number in names.indices {
      let length = length(of: number)
      let hash =
        length <= 16
        ? SystemIDTable.hash(low: packed[number].low, high: packed[number].high, length: length)
        : keyBytes.withUnsafeBufferPointer { stored in
          SystemIDTable.hash(UnsafeBufferPointer(rebasing: stored[keyStarts[number]..<keyStarts[number + 1]]))
        }
      var slot = Int(truncatingIfNeeded: hash) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(number + 1)
    }
  }

  /// A multiplicative hash of a short id's two words and length, high bits folded down.
  @inline(__always)
  private static func hash(low: UInt64, high: UInt64, length: Int) -> UInt64 {
    let mixed = (low ^ (high &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(length)) &* 0xBF58_476D_1CE4_E5B9
    return mixed ^ (mixed >> 31)
  }

  /// FNV-1a over the bytes, with the high bits folded down (the table uses the low ones).
  @inline(__always)
  private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in key { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    return hash ^ (hash >> 29)
  }
}
