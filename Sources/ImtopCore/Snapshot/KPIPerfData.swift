import FoundationEssentials

/// One KPI as Nagios performance data, `'label'=value[UOM];warn;crit;;`, in the Monitoring Plugins
/// development guidelines' format and range syntax (the README's `check --kpis`).
///
/// - The label is always quoted; a `'` in it is doubled, as the guidelines say; `=` and `|`, which
///   would end the label or the performance data, become `_`; control characters are shown as pictures.
/// - Durations are given in seconds (`min`, `h` and `d` KPIs are converted), percentages with `%`,
///   milliseconds as `ms`; any other unit has no unit of measurement (a plain number).
/// - The thresholds are ranges that alert outside them: `lower` → `W` (`~:W` when W is negative, as a
///   range from 0 cannot end below it); `higher` → `W:`; `target` → `T-W:T+W`. A threshold left out is
///   an empty field. The guidelines' ranges include their ends where imtop counts a value equal to a
///   threshold as reached; the exit status is imtop's judgement, the ranges are for graphs.
/// - A value that cannot be computed is `U`; so is a money KPI under `--redact-costs`, whose
///   thresholds are left empty too (a threshold in money tells as much as the value).
enum KPIPerfData {
  static func datum(_ kpi: KPIResult, redactMoney: Bool) -> String {
    let definition = kpi.definition
    let label = KPIPerfData.label(definition.name)
    if redactMoney && kpi.isMoney { return "\(label)=U;;;;" }
    let unit = Unit(definition.unit)
    let value = kpi.error == nil ? kpi.value.flatMap { number($0 * unit.factor, decimals: 2) } : nil
    let scaled = { (threshold: Double?) in threshold.map { $0 * unit.factor } }
    let ranges = thresholds(
      better: definition.better, target: scaled(definition.target), warn: scaled(definition.warn),
      crit: scaled(definition.crit))
    return "\(label)=\(value.map { $0 + unit.symbol } ?? "U");\(ranges.warn);\(ranges.crit);;"
  }

  /// `'name'`, with `'` doubled.
  static func label(_ name: String) -> String {
    var text = ""
    for character in SafeName.visible(name) {
      switch character {
      case "'": text += "''"
      case "=", "|": text += "_"
      default: text.append(character)
      }
    }
    return "'\(text)'"
  }

  /// The warn and crit ranges, each empty when its threshold is left out.
  static func thresholds(better: KPIDirection, target: Double?, warn: Double?, crit: Double?) -> (warn: String, crit: String) {
    func range(_ threshold: Double?) -> String {
      guard let threshold, let limit = number(threshold) else { return "" }
      switch better {
      case .lower: return threshold < 0 ? "~:" + limit : limit
      case .higher: return limit + ":"
      case .target:
        // A distance from the target: a negative one means its size.
        guard let target, let low = number(target - abs(threshold)), let high = number(target + abs(threshold)) else {
          return ""
        }
        return low + ":" + high
      }
    }
    return (range(warn), range(crit))
  }

  /// A number as the guidelines want it: decimal, never in scientific notation, at most `decimals`
  /// places; nil when not finite.
  static func number(_ value: Double, decimals: Int = 6) -> String? {
    guard value.isFinite else { return nil }
    var text = PrintfFormat.text("%.*f", Int32(max(0, decimals)), value)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text == "-0" ? "0" : text
  }

  /// A KPI's unit as a unit of measurement and the factor that converts its values to it, and as a
  /// base unit for OpenMetrics (percentages as 0..1 ratios, durations in seconds).
  struct Unit {
    var symbol: String
    var factor: Double
    /// `ratio` or `seconds`; nil for any other unit, whose values stay as they are.
    var baseName: String?
    var baseFactor: Double

    init(_ unit: String) {
      switch unit.trimmingSpaces().lowercased() {
      case "%", "percent", "pct": (symbol, factor, baseName, baseFactor) = ("%", 1, "ratio", 0.01)
      case "s", "sec", "secs", "second", "seconds": (symbol, factor, baseName, baseFactor) = ("s", 1, "seconds", 1)
      case "ms": (symbol, factor, baseName, baseFactor) = ("ms", 1, "seconds", 0.001)
      case "min", "mins", "minute", "minutes": (symbol, factor, baseName, baseFactor) = ("s", 60, "seconds", 60)
      case "h", "hr", "hrs", "hour", "hours": (symbol, factor, baseName, baseFactor) = ("s", 3_600, "seconds", 3_600)
      case "d", "day", "days": (symbol, factor, baseName, baseFactor) = ("s", 86_400, "seconds", 86_400)
      default: (symbol, factor, baseName, baseFactor) = ("", 1, nil, 1)
      }
    }
  }
}
