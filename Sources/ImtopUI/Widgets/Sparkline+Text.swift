extension Sparkline {
  /// The sparkline as a one-row string of `width` cells (for table cells), right-aligned.
  public static func text(_ values: [Double?], width: Int, variant: Variant, maximum: Double? = nil) -> String {
    guard width > 0 else { return "" }
    var buffer = Buffer(size: Size(width: width, height: 1))
    Sparkline(values: values, variant: variant, maximum: maximum).render(in: buffer.area, buffer: &buffer)
    return buffer.line(0)
  }
}
