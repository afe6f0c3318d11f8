extension Money {
  /// The exact amount in major units as plain decimal text (`-1234.05`), with `digits` decimals and no
  /// grouping: the form JSON numbers and spreadsheets read without loss.
  public func decimalText(digits: Int) -> String {
    let negative = minorUnits < 0
    let magnitude = minorUnits.magnitude
    guard digits > 0 else { return (negative ? "-" : "") + String(magnitude) }
    var scale: UInt64 = 1
    for _ in 0..<digits { scale *= 10 }
    let fraction = String(magnitude % scale)
    let padded = String(repeating: "0", count: max(0, digits - fraction.count)) + fraction
    return (negative ? "-" : "") + String(magnitude / scale) + "." + padded
  }
}
