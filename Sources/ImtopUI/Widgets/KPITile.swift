import ImtopCore

/// One KPI at a glance: name, value with unit, status light, target and a trend sparkline.
///
/// Adapts to its height: one row (`● Name ..... value`), or a framed tile with the value large on
/// its own line, the target beside it and the trend under it, drawn on `scale` (from its lower bound,
/// one level, to its upper) with the window and the scale stated (`14d 0..25`): under the trend when
/// there is a row for it, else after the target when it fits.
public struct KPITile: Sendable {
  public var name: String
  public var value: String
  public var target: String
  public var status: KPIStatus
  public var trend: [Double?]
  public var error: String?
  public var glyphs: Glyphs
  /// What the trend is drawn on; nil for a trend with no value.
  public var scale: ClosedRange<Double>?
  /// The window and the scale in words (`14d 0..25`).
  public var caption: String

  public init(
    name: String, value: String, target: String, status: KPIStatus, trend: [Double?] = [], error: String? = nil,
    glyphs: Glyphs = .unicode, scale: ClosedRange<Double>? = nil, caption: String = ""
  ) {
    self.scale = scale
    self.caption = caption
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
    let captionRow = inner.height >= 4 ? inner.maxY - 1 : nil
    if inner.height >= 2 {
      var detail = error ?? target
      if captionRow == nil, error == nil, !caption.isEmpty,
        SafeText.width(detail) + 1 + SafeText.width(caption) <= inner.width
      {
        detail = SafeText.pad(detail, to: inner.width - SafeText.width(caption)) + caption
      }
      buffer.put(detail, x: inner.x, y: inner.y + 1, width: inner.width, alignment: .left, ellipsis: glyphs.ellipsis,
                 foreground: error == nil ? .muted : .error)
    }
    if inner.height >= 3 {
      let variant = Sparkline.Variant.preferred(.block, for: glyphs)
      let rows = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2 - (captionRow == nil ? 0 : 1))
      Sparkline(values: trend, variant: variant, maximum: scale?.upperBound, minimum: scale?.lowerBound)
        .render(in: rows, buffer: &buffer)
    }
    if let captionRow {
      buffer.put(caption, x: inner.x, y: captionRow, width: inner.width, alignment: .left, ellipsis: glyphs.ellipsis,
                 foreground: .muted)
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
