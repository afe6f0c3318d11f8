import ImtopCore

/// Finds the line a key was written on, since TOMLKit does not keep positions of values.
struct SourceLines {
  private let lines: [Substring]

  init(_ text: String) {
    lines = text.split(separator: "\n", omittingEmptySubsequences: false)
  }

  /// The 1-based line of `key = ...` inside `[section]` (or before any section when nil).
  func line(ofKey key: String, in section: String?) -> Int? {
    var current: String?
    for (index, raw) in lines.enumerated() {
      let line = raw.trimmingSpaces()
      if line.hasPrefix("[") {
        current = line.trimming(["[", "]", " ", "\t"])
        if current == key, section == nil { return index + 1 }
        continue
      }
      guard current == section else { continue }
      let name = line.split(separator: "=", maxSplits: 1).first?.trimming([" ", "\t", "\""]) ?? ""
      if name == key { return index + 1 }
    }
    return nil
  }
}
