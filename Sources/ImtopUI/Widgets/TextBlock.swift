/// Lines of styled text, each cut at the area's edge; a line may carry a value aligned right
/// (`Forecast ........ €2.5M`), which is how summaries line their figures up.
public struct TextBlock: Sendable {
  public struct Span: Sendable, Hashable {
    public var text: String
    public var role: Role
    public var attributes: Attributes

    public init(_ text: String, role: Role = .normal, attributes: Attributes = []) {
      self.text = text
      self.role = role
      self.attributes = attributes
    }
  }

  public struct Line: Sendable, Hashable {
    public var spans: [Span]
    /// Drawn flush right; the left spans are cut to leave it room.
    public var trailing: [Span]

    public init(_ spans: [Span] = [], trailing: [Span] = []) {
      self.spans = spans
      self.trailing = trailing
    }

    /// A label on the left and a value on the right.
    public static func pair(_ label: String, _ value: String, role: Role = .normal, attributes: Attributes = []) -> Line {
      Line([Span(label, role: .muted)], trailing: [Span(value, role: role, attributes: attributes)])
    }

    /// A label padded to `labelWidth` cells, then the value: for detail views, where values line up
    /// on the left beside their labels rather than far away on the right.
    public static func field(_ label: String, _ value: String, labelWidth: Int = 17, role: Role = .normal, attributes: Attributes = []) -> Line {
      Line([Span(SafeText.pad(label, to: labelWidth) + " ", role: .muted), Span(value, role: role, attributes: attributes)])
    }

    /// A bold heading.
    public static func heading(_ text: String) -> Line { Line([Span(text, role: .header, attributes: .bold)]) }

    public static let blank = Line()
  }

  public var lines: [Line]
  /// Lines skipped at the top (scrolling).
  public var offset: Int
  public var glyphs: Glyphs

  public init(lines: [Line], offset: Int = 0, glyphs: Glyphs = .unicode) {
    self.lines = lines
    self.offset = offset
    self.glyphs = glyphs
  }

  /// Draws the lines from `offset`; when more follow than fit, the last row says `+N more`.
  public func render(in area: Rect, buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    let start = max(0, min(offset, max(0, lines.count - 1)))
    let rest = lines.dropFirst(start)
    MoreMarker.drawList(count: rest.count, in: area, glyphs: glyphs, buffer: &buffer) { index, row, buffer in
      Self.draw(rest[start + index], x: row.x, y: row.y, width: row.width, glyphs: glyphs, buffer: &buffer)
    }
  }

  /// Whether all the lines from `offset` fit in `height` rows (no `+N more` row).
  public func fits(height: Int) -> Bool {
    lines.count - max(0, min(offset, max(0, lines.count - 1))) <= height
  }

  /// Draws one line in a row of `width` cells.
  public static func draw(_ line: Line, x: Int, y: Int, width: Int, glyphs: Glyphs, buffer: inout Buffer) {
    guard width > 0 else { return }
    let trailingWidth = min(width, line.trailing.reduce(0) { $0 + SafeText.width($1.text) })
    var tx = x + width - trailingWidth
    for span in line.trailing {
      let used = buffer.put(span.text, x: tx, y: y, maxWidth: x + width - tx, foreground: span.role, attributes: span.attributes)
      tx += used
    }
    let leftLimit = x + width - trailingWidth - (trailingWidth > 0 ? 1 : 0)
    var cx = x
    for span in line.spans {
      let room = leftLimit - cx
      guard room > 0 else { break }
      cx += buffer.put(span.text, x: cx, y: y, width: room, alignment: .left, ellipsis: glyphs.ellipsis,
                       foreground: span.role, attributes: span.attributes)
    }
  }
}
