extension Rect {
  /// The rectangle's rows by constraints.
  public func rows(_ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
    Layout.split(self, .vertical, constraints, spacing: spacing)
  }

  /// The rectangle's columns by constraints.
  public func columns(_ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
    Layout.split(self, .horizontal, constraints, spacing: spacing)
  }

  /// A rectangle of at most `width`×`height` centred in this one.
  public func centered(width: Int, height: Int) -> Rect {
    let w = Swift.min(width, self.width)
    let h = Swift.min(height, self.height)
    return Rect(x: x + (self.width - w) / 2, y: y + (self.height - h) / 2, width: w, height: h)
  }

  /// One row of the rectangle (empty when out of range).
  public func row(_ index: Int) -> Rect {
    guard index >= 0, index < height else { return Rect(x: x, y: y, width: 0, height: 0) }
    return Rect(x: x, y: y + index, width: width, height: 1)
  }
}
