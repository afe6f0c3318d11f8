import ImtopCore

/// Planned against actual per month: two bars side by side for each month, with the month's name
/// below. A month whose actual exceeds its plan draws its actual bar in the `barOver` role and puts a
/// `!` over it, so an overspend is marked by a symbol as well as a colour.
public struct BarChart: Sendable {
  public struct Group: Sendable, Hashable {
    public var label: String
    public var planned: Double
    /// nil while the month is not booked.
    public var actual: Double?

    public init(label: String, planned: Double, actual: Double?) {
      self.label = label
      self.planned = planned
      self.actual = actual
    }

    public var isOver: Bool { (actual ?? 0) > planned }
  }

  public var groups: [Group]
  public var glyphs: Glyphs

  public init(groups: [Group], glyphs: Glyphs = .unicode) {
    self.groups = groups
    self.glyphs = glyphs
  }

  /// Cells each month takes at this width (two bars and a gap of at least one cell).
  static func groupWidth(groups: Int, width: Int) -> Int {
    guard groups > 0 else { return 0 }
    return max(3, width / groups)
  }

  public func render(in area: Rect, buffer: inout Buffer) {
    guard area.height >= 3, !groups.isEmpty else { return }
    let groupWidth = Self.groupWidth(groups: groups.count, width: area.width)
    // Bars stay slim on wide screens (at most 4 cells); the group's spare room goes around them.
    let barWidth = max(1, min(4, (groupWidth - 1) / 2))
    let inset = max(0, (groupWidth - 1 - 2 * barWidth) / 2)
    let fitting = max(1, min(groups.count, area.width / groupWidth))
    let shown = Array(groups.prefix(fitting))
    let chartHeight = area.height - 2  // one row for the over mark, one for labels
    let top = shown.flatMap { [$0.planned, $0.actual ?? 0] }.filter(\.isFinite).max() ?? 0
    let levels = chartHeight * 8
    func height(_ value: Double) -> Int {
      guard top > 0, value.isFinite else { return 0 }
      let scaled = Int(saturating: (max(0, value) / top * Double(levels)).rounded())
      return min(levels, max(value > 0 ? 1 : 0, scaled))
    }
    for (index, group) in shown.enumerated() {
      let groupX = area.x + index * groupWidth
      let x = groupX + inset
      drawBar(height(group.planned), x: x, width: barWidth, bottom: area.maxY - 2, rows: chartHeight, role: .barPlanned, buffer: &buffer)
      if let actual = group.actual {
        drawBar(height(actual), x: x + barWidth, width: barWidth, bottom: area.maxY - 2, rows: chartHeight,
                role: group.isOver ? .barOver : .barActual, buffer: &buffer)
      }
      if group.isOver {
        let markRow = area.maxY - 2 - chartHeight
        buffer.put("!", x: x + barWidth, y: markRow, maxWidth: 1, foreground: .barOver, attributes: .bold)
      }
      let label = SafeText.truncate(group.label, to: max(1, groupWidth - 1), ellipsis: "")
      buffer.put(label, x: groupX, y: area.maxY - 1, width: max(1, groupWidth - 1), alignment: .center, ellipsis: "",
                 foreground: group.isOver ? .barOver : .muted)
    }
  }

  private func drawBar(_ eighths: Int, x: Int, width: Int, bottom: Int, rows: Int, role: Role, buffer: inout Buffer) {
    for row in 0..<rows {
      let remaining = eighths - row * 8
      guard remaining > 0 else { break }
      let glyph = glyphs.blockLevels[min(8, remaining)]
      let text = String(repeating: glyph, count: width)
      buffer.put(text, x: x, y: bottom - row, maxWidth: width, foreground: role)
    }
  }
}
