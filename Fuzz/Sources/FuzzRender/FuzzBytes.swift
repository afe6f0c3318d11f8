import ImtopCore
import ImtopUI

/// The fuzzer's bytes read as values, front to back; past the end every read gives zero, so any
/// input, however short, is a whole case.
struct FuzzBytes {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var position = 0

  init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  var isEmpty: Bool { position >= bytes.count }

  mutating func byte() -> UInt8 {
    guard position < bytes.count else { return 0 }
    defer { position += 1 }
    return bytes[position]
  }

  mutating func integer() -> Int64 {
    var value: UInt64 = 0
    for _ in 0..<8 { value = value << 8 | UInt64(byte()) }
    return Int64(bitPattern: value)
  }

  /// Any double: one a formatter must survive by name, or any bit pattern (every NaN, subnormal and
  /// infinity), as a data file or an expression can produce.
  mutating func double() -> Double {
    let named: [Double] = [
      .nan, .infinity, -.infinity, 0, -0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
      -.greatestFiniteMagnitude, Double(UInt64.max), Double(Int64.max), 1e15, 999.95, 89.5, 100,
    ]
    let choice = byte()
    if choice < 128 { return named[Int(choice) % named.count] }
    return Double(bitPattern: UInt64(bitPattern: integer()))
  }

  mutating func optionalDouble() -> Double? { byte() % 8 == 0 ? nil : double() }

  /// Up to `limit` bytes as text: invalid UTF-8 becomes U+FFFD, as a reader would leave it; wide,
  /// combining and control characters stay.
  mutating func text(limit: Int = 40) -> String {
    let length = min(Int(byte()) % (limit + 1), bytes.count - min(position, bytes.count))
    let slice = UnsafeBufferPointer(rebasing: bytes[min(position, bytes.count)..<min(position + length, bytes.count)])
    position += length
    return String(decoding: slice, as: UTF8.self)
  }

  /// A terminal size, from the smallest to a very large screen.
  mutating func size() -> Size {
    Size(width: Int(byte()) % 320 + 1, height: Int(byte()) % 120 + 1)
  }
}
