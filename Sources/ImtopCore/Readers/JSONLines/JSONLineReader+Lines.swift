import FoundationEssentials
import Glibc

extension JSONLineReader {
  /// Where splitting a buffer into lines stopped.
  struct LineSplit {
    /// Bytes up to and including the last newline (a half-written last line is left for later).
    var consumedBytes: Int
    /// Complete lines seen, blank ones included.
    var consumedLines: Int
  }

  /// Calls `body` with each complete line of `bytes` (without its `\n` or `\r\n`) and its physical
  /// line number, skipping a byte-order mark at the very start of a file. The one line splitter both
  /// the record and the compact status readers use.
  /// - Complexity: O(bytes), one `memchr` per line.
  @inline(__always)
  static func forEachLine(
    in bytes: UnsafeBufferPointer<UInt8>, firstLine: Int, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void
  ) -> LineSplit {
    guard let base = bytes.baseAddress, bytes.count > 0 else { return LineSplit(consumedBytes: 0, consumedLines: 0) }
    var lineStart = 0
    var lineNumber = firstLine
    // A byte-order mark is allowed at the very start of a file.
    if firstLine == 1, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { lineStart = 3 }
    while lineStart < bytes.count {
      guard let found = memchr(base + lineStart, 0x0A, bytes.count - lineStart) else { break }
      let newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      var end = newline
      if end > lineStart, bytes[end - 1] == 0x0D { end -= 1 }
      body(UnsafeBufferPointer(rebasing: bytes[lineStart..<end]), lineNumber)
      lineStart = newline + 1
      lineNumber += 1
    }
    return LineSplit(consumedBytes: lineStart, consumedLines: lineNumber - firstLine)
  }
}
