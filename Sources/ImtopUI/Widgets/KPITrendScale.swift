import ImtopCore

/// The scale a KPI's trend is drawn on, stated under its tile (the README's "KPI trends"): from
/// zero, or from the lowest threshold when the KPI has one, to the larger of the target and the
/// largest value. A value below the bottom lowers it, so no point is clipped.
public enum KPITrendScale {
  public static func of(_ kpi: KPIResult) -> ClosedRange<Double>? {
    let values = kpi.trend.compactMap { $0 }.filter(\.isFinite)
    guard !values.isEmpty else { return nil }
    let definition = kpi.definition
    let thresholds = [definition.target, definition.warn, definition.crit].compactMap { $0 }.filter(\.isFinite)
    let bottom = min(thresholds.min() ?? 0, values.min() ?? 0)
    let top = max(definition.target ?? -.infinity, values.max() ?? bottom, bottom)
    return bottom...top
  }

  /// `14d`: how far back the trend goes (its values, one step apart).
  public static func window(_ kpi: KPIResult) -> String {
    DurationParser.text(Span(milliseconds: kpi.trendStep.milliseconds.saturatingMultiplied(by: Int64(kpi.trend.count))))
  }
}
