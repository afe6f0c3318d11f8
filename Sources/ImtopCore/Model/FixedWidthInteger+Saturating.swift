extension FixedWidthInteger {
  /// `value` truncated towards zero and clamped to the type's range; 0 for NaN.
  ///
  /// The standard `init(_: Double)` traps on NaN, infinities and anything past the type's range, and
  /// a data file can hold any of them (`18446744073709551615`, a common C "unknown", is past
  /// `Int64.max`): every conversion of a figure that came from input goes through this one.
  @inlinable
  public init(saturating value: Double) {
    if value.isNaN {
      self = 0
    } else if value >= Double(Self.max) {
      // `Double(Self.max)` rounds up to a power of two, which is itself out of range.
      self = .max
    } else if value <= Double(Self.min) {
      self = .min
    } else {
      self.init(value)
    }
  }
}

extension Int64 {
  /// `self + other`, held at `Int64.min` or `Int64.max` instead of overflowing.
  @inlinable
  public func saturatingAdding(_ other: Int64) -> Int64 {
    let (sum, overflow) = addingReportingOverflow(other)
    guard overflow else { return sum }
    return other > 0 ? .max : .min
  }

  /// `self - other`, held at `Int64.min` or `Int64.max` instead of overflowing.
  @inlinable
  public func saturatingSubtracting(_ other: Int64) -> Int64 {
    let (difference, overflow) = subtractingReportingOverflow(other)
    guard overflow else { return difference }
    return other < 0 ? .max : .min
  }

  /// `self * other`, held at `Int64.min` or `Int64.max` instead of overflowing.
  @inlinable
  public func saturatingMultiplied(by other: Int64) -> Int64 {
    let (product, overflow) = multipliedReportingOverflow(by: other)
    guard overflow else { return product }
    return (self < 0) == (other < 0) ? .max : .min
  }
}
