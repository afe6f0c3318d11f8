import ImtopCore

/// One KPI at a glance: name, value with unit, status light, target and a trend sparkline.
///
/// Adapts to its height: one row (`● Name ..... value`), or a framed tile with the value large on
/// its own line, the target beside it and the trend under it.
public struct KPITile: Sendable {
  public var name: String
  public var value: String
  public var target: String
  public var status: KPIStatus
  public var trend: [Double?]
  public var error: String?
  public var glyphs: Glyphs

  public init(name: String, value: String, target: String, status: KPIStatus, trend: [Double?] = [], error: String? = nil, glyphs: Glyphs = .unicode) {
    self.name = name
    self.value = value
    self.target = target
    self.status = status
    self.trend = trend
    self.error = error
    self.glyphs = glyphs
  }

  public func render(in area: Rect, buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    if area.height < 4 || area.width < 14 {
      renderLine(in: area.row(0), buffer: &buffer)
      return
    }
    let light = StatusLight(kpi: status, glyphs: glyphs)
    let inner = Panel(title: name, glyphs: glyphs).render(in: area, buffer: &buffer)
    buffer.put(value, x: inner.x, y: inner.y, width: inner.width, alignment: .left, ellipsis: glyphs.ellipsis,
               foreground: light.role, attributes: .bold)
    let lightText = light.text(width: max(0, inner.width - SafeText.width(value) - 1))
    buffer.put(lightText, x: inner.x, y: inner.y, width: inner.width, alignment: .right, ellipsis: "", foreground: light.role)
    if inner.height >= 2 {
      let detail = error ?? target
      buffer.put(detail, x: inner.x, y: inner.y + 1, width: inner.width, alignment: .left, ellipsis: glyphs.ellipsis,
                 foreground: error == nil ? .muted : .error)
    }
    if inner.height >= 3 {
      let variant = Sparkline.Variant.preferred(.block, for: glyphs)
      let rows = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2)
      // Trends scale from their own low point, so small movements show.
      let low = trend.compactMap { $0 }.filter(\.isFinite).min()
      Sparkline(values: trend, variant: variant, minimum: low).render(in: rows, buffer: &buffer)
    }
  }

  /// `● Name ........ 97.5%`: symbol, name, value right-aligned.
  private func renderLine(in row: Rect, buffer: inout Buffer) {
    let light = StatusLight(kpi: status, glyphs: glyphs)
    buffer.clear(row)
    buffer.put(light.symbol, x: row.x, y: row.y, maxWidth: row.width, foreground: light.role, attributes: status == .crit ? .bold : [])
    let valueWidth = min(SafeText.width(value), max(0, row.width - 4))
    buffer.put(value, x: row.maxX - valueWidth, y: row.y, width: valueWidth, alignment: .right, ellipsis: glyphs.ellipsis,
               foreground: light.role, attributes: .bold)
    buffer.put(name, x: row.x + 2, y: row.y, width: max(0, row.width - valueWidth - 3), alignment: .left, ellipsis: glyphs.ellipsis)
  }
}
