/// Reading a captured or rendered screen (one string, rows separated by newlines) the way a person
/// looks at it: the titles in a table's header, the rows with nothing on them.
public enum ScreenText {
  /// Which of `titles` stand in the header row of the panel whose top edge starts with `panel`
  /// (`┌ Systems `): the row under that edge. Longest first, so that a title inside a longer one
  /// (`Avail` in `Avail 30d`) is not counted twice.
  public static func headerTitles(_ screen: String, panel: String, titles: [String]) -> [String] {
    let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let top = lines.firstIndex(where: { $0.contains(panel) }), top + 1 < lines.count else { return [] }
    var rest = lines[top + 1]
    var found: [String] = []
    for title in titles.sorted(by: { $0.count > $1.count }) where rest.contains(title) {
      found.append(title)
      rest = rest.replacingOccurrences(of: title, with: "")
    }
    return found
  }

  /// How many rows hold nothing but spaces and box-drawing borders (U+2500 to U+257F).
  public static func emptyRows(_ screen: String) -> Int {
    screen.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
      line.unicodeScalars.allSatisfy { $0 == " " || (0x2500...0x257F).contains($0.value) }
    }.count
  }
}
