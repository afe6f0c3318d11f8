/// Whether bytes are usable as a text file at all, before a reader looks at rows.
///
/// A file that fails here is a failed read (last good contents kept), not a file of bad rows:
/// binary garbage or a wrong encoding would otherwise yield a wall of row errors and no data.
enum TextCheck {
  /// Longest line accepted in a CSV or TOML file.
  static let maximumLineLength = 1 << 20

  /// What is wrong with `data` as UTF-8 text of reasonable lines, or nil when nothing is.
  static func problem(in data: some Collection<UInt8>) -> String? {
    var lineStart = 0
    var line = 1
    var offset = 0
    var pendingContinuations = 0
    var minimumNext: UInt8 = 0x80
    var maximumNext: UInt8 = 0xBF
    for byte in data {
      defer { offset += 1 }
      if pendingContinuations > 0 {
        guard byte >= minimumNext, byte <= maximumNext else { return notUTF8(line: line, offset: offset) }
        pendingContinuations -= 1
        minimumNext = 0x80
        maximumNext = 0xBF
        continue
      }
      switch byte {
      case 0x00: return "binary data (a zero byte on line \(line)): expected UTF-8 text"
      case 0x0A:
        if offset - lineStart > maximumLineLength { return overlong(line: line, bytes: offset - lineStart) }
        lineStart = offset + 1
        line += 1
      case 0x01...0x7F: break
      case 0xC2...0xDF: pendingContinuations = 1
      case 0xE0: (pendingContinuations, minimumNext) = (2, 0xA0)
      case 0xED: (pendingContinuations, maximumNext) = (2, 0x9F)
      case 0xE1...0xEF: pendingContinuations = 2
      case 0xF0: (pendingContinuations, minimumNext) = (3, 0x90)
      case 0xF4: (pendingContinuations, maximumNext) = (3, 0x8F)
      case 0xF1...0xF3: pendingContinuations = 3
      default: return notUTF8(line: line, offset: offset)
      }
    }
    if pendingContinuations > 0 { return notUTF8(line: line, offset: offset) }
    if offset - lineStart > maximumLineLength { return overlong(line: line, bytes: offset - lineStart) }
    return nil
  }

  private static func notUTF8(line: Int, offset: Int) -> String {
    "not UTF-8 text (an invalid byte on line \(line), at byte \(offset)): expected UTF-8 text"
  }

  private static func overlong(line: Int, bytes: Int) -> String {
    "line \(line) is \(bytes) bytes long: expected text lines of at most 1 MB"
  }
}
