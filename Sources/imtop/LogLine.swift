import ImtopCore

/// One record of the log file as one line (the README's "Log"):
///
///     2026-12-01T01:20:18.123Z error imtop.poller systems.csv: read failed ... event=file-failed pid=4242
///
/// the time in UTC with milliseconds, the level, the logger's label, the message, its metadata as
/// `key=value` in key order, and the process id. Control characters are escaped, so a message
/// holding a newline (a bad record quoted) is still one line, and a long message is cut.
enum LogLine {
  /// Longest message kept, in characters; a longer one ends with "…".
  static let maximumMessageLength = 2_000

  static func format(
    time: Timestamp, level: String, label: String, message: String, metadata: [(String, String)] = [], pid: Int32
  ) -> String {
    var line = stamp(time) + " " + level + " " + escaped(label) + " " + escaped(cut(message))
    for (key, value) in metadata.sorted(by: { $0.0 < $1.0 }) {
      line += " " + escaped(key) + "=" + escaped(cut(value))
    }
    return line + " pid=\(pid)\n"
  }

  /// The line a crash leaves, split around the signal's name: the fatal-signal handler writes the
  /// time, `head`, the name and `tail` (it can format nothing itself), so the line is this format's:
  ///
  ///     2026-12-01T01:20:18.123Z critical imtop crashed on SIGSEGV (segmentation fault); Crash report: … event=crashed pid=4242
  static func crashLine(note: String, pid: Int32) -> (head: String, tail: String) {
    // Kept as it is by `escaped`; the first one is the name's place, as the note comes after it.
    let marker = "\u{FFFF}"
    let time = Timestamp(milliseconds: 0)
    let line = format(
      time: time, level: "critical", label: "imtop", message: "crashed on \(marker); \(note)",
      metadata: [("event", "crashed")], pid: pid)
    let body = line.dropFirst(stamp(time).count)
    guard let place = body.firstRange(of: marker) else { return (String(body), "") }
    return (String(body[..<place.lowerBound]), String(body[place.upperBound...]))
  }

  /// `YYYY-MM-DDTHH:MM:SS.mmmZ`, always with milliseconds so that lines align.
  static func stamp(_ time: Timestamp) -> String {
    let civil = CivilTime(utc: time)
    return "\(pad(civil.year, 4))-\(pad(civil.month, 2))-\(pad(civil.day, 2))T\(pad(civil.hour, 2)):"
      + "\(pad(civil.minute, 2)):\(pad(civil.second, 2)).\(pad(civil.millisecond, 3))Z"
  }

  /// Control characters as `\n`, `\r`, `\t` or `\u{…}`, so that a record never spans lines.
  static func escaped(_ text: String) -> String {
    var result = ""
    result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}":
        result += "\\u{\(String(scalar.value, radix: 16))}"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  private static func cut(_ text: String) -> String {
    guard text.count > maximumMessageLength else { return text }
    return String(text.prefix(maximumMessageLength - 1)) + "…"
  }

  private static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count < width ? String(repeating: "0", count: width - digits.count) + digits : digits
  }
}
