/// Reads durations as `imtop.toml` writes them: `500ms`, `2s`, `10m`, `1h`, `1d`, `1w`, or a sum
/// such as `1h30m`.
public enum DurationParser {
  public static let expected = "a duration such as 2s, 10m, 1h or 1d"

  /// The span `text` writes, or nil when it is not a duration.
  public static func parse(_ text: String) -> Span? {
    let scalars = Array(text.trimmingSpaces().lowercased().unicodeScalars)
    guard !scalars.isEmpty else { return nil }
    var index = 0
    var total: Int64 = 0
    while index < scalars.count {
      var amount: Int64 = 0
      var digits = 0
      while index < scalars.count, scalars[index] >= "0" && scalars[index] <= "9" {
        amount = amount * 10 + Int64(scalars[index].value - 48)
        digits += 1
        index += 1
        if digits > 12 { return nil }
      }
      var unit = ""
      while index < scalars.count, scalars[index] >= "a" && scalars[index] <= "z" {
        unit.unicodeScalars.append(scalars[index])
        index += 1
      }
      guard digits > 0, let scale = unitMilliseconds(unit) else { return nil }
      // Twelve digits of weeks pass Int64 milliseconds: too long is not a duration, never a trap.
      let (part, overflow) = amount.multipliedReportingOverflow(by: scale)
      let (sum, sumOverflow) = total.addingReportingOverflow(part)
      guard !overflow, !sumOverflow else { return nil }
      total = sum
    }
    return Span(milliseconds: total)
  }

  /// The shortest way to write `span` with one unit up to days (`100ms`, `1s`, `7d`, `90m`).
  public static func text(_ span: Span) -> String {
    let units: [(String, Int64)] = [("d", 86_400_000), ("h", 3_600_000), ("m", 60_000), ("s", 1000)]
    let milliseconds = span.milliseconds
    for (unit, scale) in units where milliseconds != 0 && milliseconds % scale == 0 {
      return "\(milliseconds / scale)\(unit)"
    }
    return "\(milliseconds)ms"
  }

  private static func unitMilliseconds(_ unit: String) -> Int64? {
    switch unit {
    case "ms": return 1
    case "s", "sec", "secs", "second", "seconds": return 1000
    case "m", "min", "mins", "minute", "minutes": return 60_000
    case "h", "hr", "hrs", "hour", "hours": return 3_600_000
    case "d", "day", "days": return 86_400_000
    case "w", "week", "weeks": return 604_800_000
    default: return nil
    }
  }
}
