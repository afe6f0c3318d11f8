import FoundationEssentials

/// The report and exit status of `imtop check --kpis`, in the monitoring-plugin convention
/// (Nagios, Icinga): a summary line with every KPI's performance data after a `|` (`KPIPerfData`),
/// one line per KPI, exit 0 ok, 1 warn, 2 crit, 3 unknown.
public struct KPICheck: Sendable, Hashable {
  public var text: String
  /// The worst status of all KPIs (ok when there are none).
  public var status: KPIStatus

  public var exitCode: Int32 { status.exitCode }

  init(text: String, status: KPIStatus) {
    self.text = text
    self.status = status
  }

  /// `redactMoney` hides the values of money KPIs (as everywhere else).
  public init(kpis: [KPIResult], redactMoney: Bool = false) {
    let worst = kpis.map(\.status).max() ?? .ok
    let counts = KPIStatus.allCases.compactMap { status -> String? in
      let count = kpis.filter { $0.status == status }.count
      return count > 0 ? "\(count) \(status.rawValue)" : nil
    }
    var summary = "KPI \(KPICheck.word(worst)) - " + (counts.isEmpty ? "no KPIs" : counts.joined(separator: ", "))
    if !kpis.isEmpty {
      summary += " | " + kpis.map { KPIPerfData.datum($0, redactMoney: redactMoney) }.joined(separator: " ")
    }
    var lines = [summary]
    for kpi in kpis {
      lines.append(KPICheck.line(kpi, redactMoney: redactMoney))
    }
    text = lines.joined(separator: "\n") + "\n"
    status = worst
  }

  /// `CRITICAL: Open P1 incidents = 4 (lower is better; target 0, warn 1, crit 3)`.
  static func line(_ kpi: KPIResult, redactMoney: Bool) -> String {
    let definition = kpi.definition
    // A `|` on a later line would start performance data there too.
    let name = longOutput(definition.name)
    if let error = kpi.error { return "\(word(kpi.status)): \(longOutput(error))" }
    let hidden = redactMoney && kpi.isMoney
    // Plain words for monitoring systems that show the line as is.
    var value = hidden ? "•••" : kpi.value == nil ? "unknown" : number(kpi.value)
    if kpi.value != nil && !hidden && !definition.unit.isEmpty {
      value += definition.unit == "%" ? "%" : " " + longOutput(definition.unit)
    }
    let thresholds = [("target", definition.target), ("warn", definition.warn), ("crit", definition.crit)]
      .compactMap { label, threshold in
        threshold.map { "\(label) \(hidden ? "•••" : number($0, decimals: 6))" }
      }
    let direction = definition.better == .target ? "closest to target" : "\(definition.better.rawValue) is better"
    return "\(word(kpi.status)): \(name) = \(value) (\(([direction] + thresholds).joined(separator: ", ")))"
  }

  /// A number as the JSON snapshot writes it (rounded to `decimals`): a monitoring system reads
  /// this line as plain figures, not as the screen's formats.
  static func number(_ value: Double?, decimals: Int = 2) -> String {
    guard case .number(let text) = JSONValue.double(value, decimals: decimals) else { return "—" }
    return text
  }

  /// Text from the configuration on a line of the report: visible, with `|` as `¦`.
  static func longOutput(_ text: String) -> String {
    SafeName.visible(text).replacing("|", with: "\u{A6}")
  }

  static func word(_ status: KPIStatus) -> String {
    switch status {
    case .ok: return "OK"
    case .warn: return "WARNING"
    case .crit: return "CRITICAL"
    case .unknown: return "UNKNOWN"
    }
  }
}
