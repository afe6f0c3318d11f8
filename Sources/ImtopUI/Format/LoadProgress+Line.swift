import ImtopCore

extension LoadProgress {
  /// What the screen waiting for the first figures says: "Reading status.jsonl  41 % (33 of 80 MB)",
  /// with "(2 of 3 files)" after the name when the poll reads several, or "Generating the demo's
  /// history…". Done bytes are rounded down, so it never shows more read than was.
  public func line(ellipsis: String) -> String {
    switch work {
    case .generatingDemo:
      return "Generating the demo's history\(ellipsis)"
    case .reading(let file, let number, let count):
      var text = "Reading \(file)"
      if count > 1 { text += " (\(number) of \(count) files)" }
      guard let percent else { return text + ellipsis }
      return text + "  \(percent) % (\(Self.amount(bytesDone, of: bytesTotal)))"
    }
  }

  /// "33 of 80 MB", "1.5 of 4.2 MB" below 10 MB, "310 of 900 KB" below 1 MB: decimal units, rounded down.
  static func amount(_ done: Int64, of total: Int64) -> String {
    if total >= 10_000_000 { return "\(done / 1_000_000) of \(total / 1_000_000) MB" }
    if total >= 1_000_000 {
      let tenths = { (bytes: Int64) in "\(bytes / 1_000_000).\(bytes / 100_000 % 10)" }
      return "\(tenths(done)) of \(tenths(total)) MB"
    }
    return "\(done / 1_000) of \(total / 1_000) KB"
  }
}
