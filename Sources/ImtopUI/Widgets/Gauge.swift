import ImtopCore

/// A horizontal bar for a ratio (forecast against budget, SLA attainment), with a label on its right.
///
/// A ratio above 1 fills the bar in the `barOver` role and the label says so, so an overspend reads
/// without colour.
public struct Gauge: Sendable {
  public var ratio: Double?
  public var label: String
  public var fillRole: Role
  public var glyphs: Glyphs

  public init(ratio: Double?, label: String = "", fillRole: Role = .gaugeFill, glyphs: Glyphs = .unicode) {
    self.ratio = ratio
    self.label = label
    self.fillRole = fillRole
    self.glyphs = glyphs
  }

  public func render(in area: Rect, buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    let labelText = label.isEmpty ? "" : " " + label
    var labelWidth = SafeText.width(labelText)
    if area.width - labelWidth < 4 { labelWidth = 0 }
    let barWidth = area.width - labelWidth
    let y = area.y + (area.height - 1) / 2
    let value = ratio.map { $0.isFinite ? max(0, $0) : 0 }
    let filled = value.map { min(barWidth, Int(saturating: ($0 * Double(barWidth)).rounded())) } ?? 0
    let over = (value ?? 0) > 1
    let full = String(repeating: glyphs.gaugeFull, count: filled)
    let empty = String(repeating: glyphs.gaugeEmpty, count: barWidth - filled)
    buffer.put(full, x: area.x, y: y, maxWidth: barWidth, foreground: over ? .barOver : fillRole)
    buffer.put(empty, x: area.x + filled, y: y, maxWidth: barWidth - filled, foreground: .gaugeEmpty)
    if labelWidth > 0 {
      buffer.put(labelText, x: area.x + barWidth, y: y, maxWidth: labelWidth, foreground: over ? .barOver : .normal,
                 attributes: over ? .bold : [])
    }
  }
}
