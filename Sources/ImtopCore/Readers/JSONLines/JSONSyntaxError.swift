/// Why a JSON text is not valid: the byte offset where reading stopped and what was expected there.
///
/// Kept as an offset rather than a column so that the hot path never counts characters; the column
/// is worked out only when the error is reported.
struct JSONSyntaxError: Error, Hashable, Sendable {
  /// Byte offset from the start of the text.
  var offset: Int
  /// What would have been valid at `offset` (`a value`, `',' or '}'`...).
  var expected: String

  init(at offset: Int, expected: String) {
    self.offset = offset
    self.expected = expected
  }

  /// The 1-based column of `offset` in `text`, counted in Unicode scalars (continuation bytes of a
  /// multi-byte character do not count), so it matches what an editor shows.
  func column(in text: UnsafeBufferPointer<UInt8>) -> Int {
    var column = 1
    for index in 0..<min(offset, text.count) where text[index] & 0xC0 != 0x80 {
      column += 1
    }
    return column
  }
}
