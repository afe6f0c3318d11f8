/// Finds the first byte sequence that is not valid UTF-8, so that a rejected file can say where.
enum UTF8Check {
  /// The offset of the first invalid sequence, or nil when all of `bytes` is valid UTF-8.
  ///
  /// - Complexity: O(n), one pass of the standard library's decoder.
  static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
    var offset = 0
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        offset += encoded.count
      case .emptyInput:
        return nil
      case .error:
        return offset
      }
    }
  }

  /// The physical line (from 1) on which byte `offset` lies.
  static func line(ofOffset offset: Int, in bytes: [UInt8]) -> Int {
    var line = 1
    for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A { line += 1 }
    return line
  }
}
