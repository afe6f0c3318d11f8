extension Sparkline {
  /// The sparkline as a one-row string of `width` cells (for table cells), right-aligned.
  /// `scale` draws from its lower bound (one level) to its upper (full), as a KPI trend does.
  public static func text(
    _ values: [Double?], width: Int, variant: Variant, maximum: Double? = nil, scale: ClosedRange<Double>? = nil
  ) -> String {
    guard width > 0 else { return "" }
    var buffer = Buffer(size: Size(width: width, height: 1))
    Sparkline(values: values, variant: variant, maximum: scale?.upperBound ?? maximum, minimum: scale?.lowerBound)
      .render(in: buffer.area, buffer: &buffer)
    return buffer.line(0)
  }
}
