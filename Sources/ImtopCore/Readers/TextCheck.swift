/// Whether bytes are usable as a text file at all, before a reader looks at rows: the one check of
/// the CSV and TOML readers.
///
/// A file that fails here is a failed read (the last good contents are kept), not a file of bad
/// rows: binary garbage or a wrong encoding would otherwise yield a wall of row errors and no data.
enum TextCheck {
  /// Longest line accepted in a CSV or TOML file.
  static let maximumLineLength = 1 << 20

  /// What is wrong with a text file, and on which line.
  struct Problem: Error, Equatable {
    var message: String
    var line: Int
  }

  /// What is wrong with `data` as UTF-8 text of reasonable lines, or nil when nothing is.
  /// - Complexity: O(n), one pass.
  static func problem(in data: [UInt8]) -> Problem? {
    // Excel's "Unicode text" export is UTF-16: say so rather than point at a stray byte.
    if data.count >= 2, (data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF) {
      return Problem(message: "UTF-16 text, not UTF-8: save the file as UTF-8", line: 1)
    }
    var lineStart = 0
    var line = 1
    var offset = 0
    var pendingContinuations = 0
    var sequenceStart = 0
    var minimumNext: UInt8 = 0x80
    var maximumNext: UInt8 = 0xBF
    for byte in data {
      defer { offset += 1 }
      if pendingContinuations > 0 {
        guard byte >= minimumNext, byte <= maximumNext else { return notUTF8(data[sequenceStart], line: line) }
        pendingContinuations -= 1
        minimumNext = 0x80
        maximumNext = 0xBF
        continue
      }
      sequenceStart = offset
      switch byte {
      case 0x00: return Problem(message: "binary data (a zero byte on line \(line)): expected UTF-8 text", line: line)
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
      default: return notUTF8(byte, line: line)
      }
    }
    if pendingContinuations > 0 { return notUTF8(data[sequenceStart], line: line) }
    if offset - lineStart > maximumLineLength { return overlong(line: line, bytes: offset - lineStart) }
    return nil
  }

  private static func notUTF8(_ byte: UInt8, line: Int) -> Problem {
    let hex = String(byte, radix: 16, uppercase: true)
    return Problem(
      message: "not UTF-8 text (byte 0x\(hex.count < 2 ? "0" + hex : hex) on line \(line)): save the file as UTF-8", line: line)
  }

  private static func overlong(line: Int, bytes: Int) -> Problem {
    Problem(message: "line \(line) is \(bytes) bytes long: expected text lines of at most 1 MB", line: line)
  }
}
