import ImtopCore

/// A feed of recent events, newest first: time, a symbol and the text, one per row.
public struct EventLog: Sendable {
  public struct Entry: Sendable, Hashable {
    public var time: String
    public var symbol: String
    public var role: Role
    public var text: String

    public init(time: String, symbol: String, role: Role, text: String) {
      self.time = time
      self.symbol = symbol
      self.role = role
      self.text = text
    }
  }

  public var entries: [Entry]
  /// How many entries the whole list has, when `entries` holds only its first ones (a caller builds
  /// entries only for the rows on screen); at least `entries.count`.
  public var total: Int
  public var glyphs: Glyphs
  /// Shown when there is nothing to list.
  public var emptyText: String

  public init(entries: [Entry], total: Int? = nil, glyphs: Glyphs = .unicode, emptyText: String = "No events yet") {
    self.entries = entries
    self.total = max(entries.count, total ?? 0)
    self.glyphs = glyphs
    self.emptyText = emptyText
  }

  public func render(in area: Rect, buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    if entries.isEmpty {
      buffer.put(emptyText, x: area.x, y: area.y, width: area.width, alignment: .left, ellipsis: glyphs.ellipsis, foreground: .muted)
      return
    }
    let timeWidth = entries.map { SafeText.width($0.time) }.max() ?? 0
    let showTime = area.width >= timeWidth + 12
    // The marker counts the entries never built as well as those built but not drawn.
    let shown = min(entries.count, MoreMarker.shown(total, rows: area.height))
    if shown < total {
      MoreMarker.draw(hidden: total - shown, x: area.x, y: area.y + shown, width: area.width, glyphs: glyphs, buffer: &buffer)
    }
    for (index, entry) in entries.prefix(shown).enumerated() {
      let y = area.y + index
      var x = area.x
      if showTime {
        buffer.put(entry.time, x: x, y: y, maxWidth: timeWidth, foreground: .muted)
        x += timeWidth + 1
      }
      let used = buffer.put(entry.symbol, x: x, y: y, maxWidth: area.maxX - x, foreground: entry.role)
      x += used + 1
      buffer.put(entry.text, x: x, y: y, width: area.maxX - x, alignment: .left, ellipsis: glyphs.ellipsis)
    }
  }
}
