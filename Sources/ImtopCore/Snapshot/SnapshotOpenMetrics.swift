/// The whole `Snapshot` as OpenMetrics text for Prometheus (`imtop snapshot --format openmetrics`),
/// read by node_exporter's textfile collector and any scraper.
///
/// One gauge family per figure, named `imtop_…`, with labels for system, window, priority, kind and
/// KPI. Figures are in base units: percentages become 0..1 ratios (`_ratio`), durations seconds
/// (`_seconds`); money is in major units with the currency as a label; counts are plain numbers. A
/// figure that cannot be computed is left out, never written as `NaN`. With `redactMoney` the
/// budget families and every other money figure are left out.
public struct SnapshotOpenMetrics: Sendable {
  /// The version `imtop --version` prints, for `imtop_build_info`.
  public var version: String
  /// Leave out the budget families and every money figure (`--redact-costs`).
  public var redactMoney: Bool

  public init(version: String, redactMoney: Bool = false) {
    self.version = version
    self.redactMoney = redactMoney
  }

  /// The media type a server answers with.
  public static let contentType = "application/openmetrics-text; version=1.0.0; charset=utf-8"

  /// The text, ending with `# EOF` and a newline.
  public func encode(_ snapshot: Snapshot) -> String {
    var text = ""
    write(snapshot) { text += $0 }
    return text
  }

  /// The same text handed to `sink` in pieces of about `pieceSize` bytes, a family's samples made one
  /// at a time: a portfolio of 50,000 systems is written without holding its whole text.
  public func write(_ snapshot: Snapshot, pieceSize: Int = 1 << 20, to sink: (String) -> Void) {
    withoutActuallyEscaping(sink) { sink in
      var text = OpenMetricsText(pieceSize: pieceSize, sink: sink)
      text.family("imtop_build_info", help: "The imtop version that wrote these figures (always 1).")
      text.sample(["version": version], 1)
      text.family("imtop_snapshot_timestamp_seconds", help: "When the figures were evaluated, in seconds since the Unix epoch.")
      text.sample(Double(snapshot.asOf.milliseconds) / 1000, decimals: 3)
      let writer = SnapshotOpenMetricsWriter(
        redactMoney: redactMoney, currency: snapshot.organization.currency,
        digits: CurrencyInfo.minorDigits(snapshot.organization.currency), now: snapshot.asOf)
      writer.systems(snapshot.systems, into: &text)
      writer.incidents(snapshot.incidents, into: &text)
      if !redactMoney { writer.budget(snapshot.budget, into: &text) }
      writer.compliance(snapshot.compliance, into: &text)
      writer.portfolio(snapshot.portfolio, into: &text)
      writer.governance(snapshot.governance, into: &text)
      writer.kpis(snapshot.kpis, into: &text)
      writer.data(snapshot.data, into: &text)
      text.finish()
    }
  }
}

/// The sections of the OpenMetrics text, one method each (see `SnapshotOpenMetrics` for the conventions).
struct SnapshotOpenMetricsWriter {
  let redactMoney: Bool
  let currency: String
  let digits: Int
  let now: Timestamp

  /// A family with one sample per system, labelled `system`: `value` writes that system's sample(s).
  private func perSystem(
    _ systems: [SystemHealth], _ name: String, help: String, into text: inout OpenMetricsText,
    _ value: (SystemHealth, inout OpenMetricsText) -> Void
  ) {
    text.family(name, help: help)
    for health in systems { value(health, &text) }
  }

  func systems(_ systems: [SystemHealth], into text: inout OpenMetricsText) {
    let infoHelp = "A system of systems.csv with its name, category, kind and owner (always 1)."
    perSystem(systems, "imtop_system_info", help: infoHelp, into: &text) {
      let record = $0.record
      let labels: OpenMetricsText.Labels = [
        "system": record.id, "name": record.displayName, "category": record.category, "kind": record.kind.rawValue,
        "owner": record.owner,
      ]
      $1.sample(labels, 1)
    }
    perSystem(systems, "imtop_system_state", help: "1 for the system's current state, 0 for the others.", into: &text) { health, text in
      for state in ServiceState.allCases { text.sample(["system": health.id, "state": state.rawValue], health.state == state) }
    }
    let percentages: [(String, String, (SystemHealth, Window) -> Double?)] = [
      (
        "imtop_system_availability_ratio", "Up and degraded time over known time in the window (0..1); left out with no known time.",
        { $0.availability[$1] }
      ),
      ("imtop_system_coverage_ratio", "Known time over the window (0..1).", { $0.coverage[$1] }),
    ]
    for (name, help, percent) in percentages {
      perSystem(systems, name, help: help, into: &text) { health, text in
        for window in Window.allCases {
          text.sample(["system": health.id, "window": window.rawValue], percent(health, window).map { $0 / 100 })
        }
      }
    }
    func flag(_ value: Bool) -> Double { value ? 1 : 0 }
    // Name, help, the figure (nil: left out); the 30-day figures are labelled with their window.
    let figures: [(String, String, (SystemHealth) -> Double?)] = [
      ("imtop_system_up", "1 when the system is up or degraded, 0 when down; left out in maintenance or unknown.", { health in
        switch health.state {
        case .up, .degraded: return 1
        case .down: return 0
        case .maintenance, .unknown: return nil
        }
      }),
      ("imtop_system_sla_ratio", "The system's availability target (0..1); left out when it has none.", { $0.record.sla.map { $0 / 100 } }),
      ("imtop_system_below_sla", "1 when the 30-day availability is below the SLA.", { flag($0.belowSLA) }),
      ("imtop_system_latency_seconds", "The latest latency at or before the evaluation time.", { $0.latencyMs.map { $0 / 1000 } }),
      ("imtop_system_outages", "Outages starting in the window.", { Double($0.outages30d) }),
      (
        "imtop_system_mtbf_seconds", "Mean time between failures over the window; left out with no outage.",
        { $0.mtbfHours30d.map { $0 * 3_600 } }
      ),
      ("imtop_system_incidents_open", "Open incidents of the system.", { Double($0.openIncidents) }),
      (
        "imtop_system_last_sample_timestamp_seconds", "When the latest status sample was taken; left out when never sampled.",
        { $0.lastSample.map { Double($0.milliseconds) / 1000 } }
      ),
      ("imtop_system_silent", "1 when the system's monitor stopped reporting (latest sample older than stale_after).", { flag($0.silent) }),
      (
        "imtop_system_impacted", "1 when up or degraded but depending, directly or not, on a system that is down.",
        { flag($0.impactedVia != nil) }
      ),
      ("imtop_system_past_end_of_support", "1 when the system is past its end of support.", { flag($0.pastEndOfSupport) }),
      ("imtop_system_users", "Active users of the system; left out when not given.", { $0.record.users.map(Double.init) }),
      (
        "imtop_system_criticality", "Criticality from 1 (most critical) to 4; left out when not given.",
        { $0.record.criticality.map(Double.init) }
      ),
    ]
    let thirtyDays: Set = ["imtop_system_outages", "imtop_system_mtbf_seconds"]
    for (name, help, figure) in figures {
      perSystem(systems, name, help: help, into: &text) { health, text in
        if thirtyDays.contains(name) {
          text.sample(["system": health.id, "window": Window.month.rawValue], figure(health))
        } else {
          text.sample(["system": health.id], figure(health))
        }
      }
    }
    guard !redactMoney else { return }
    let money: [(String, String, (SystemHealth) -> Money?)] = [
      ("imtop_system_tco_ytd", "Total cost of ownership of the fiscal year to date, in the currency's major units.", { $0.tcoYTD }),
      ("imtop_system_cost_per_user_ytd", "Cost per active user of the fiscal year to date; left out without users.", { $0.costPerUserYTD }),
    ]
    for (name, help, amount) in money {
      perSystem(systems, name, help: help, into: &text) { $1.sample(["system": $0.id, "currency": currency], text: self.money(amount($0))) }
    }
  }

  func incidents(_ incidents: IncidentSummary, into text: inout OpenMetricsText) {
    for (name, counts, help) in [
      ("imtop_incidents_open", incidents.open, "Open incidents by priority."),
      ("imtop_incidents_unacknowledged", incidents.unacknowledged, "Open incidents not acknowledged, by priority."),
    ] {
      text.family(name, help: help)
      for priority in Priority.allCases { text.sample(["priority": priority.rawValue], counts[priority] ?? 0) }
    }
    for (name, minutes, help) in [
      ("imtop_incidents_mttr_seconds", incidents.mttrMinutes, "Mean time to resolve incidents resolved in the window."),
      ("imtop_incidents_mtta_seconds", incidents.mttaMinutes, "Mean time to acknowledge incidents acknowledged in the window."),
    ] {
      text.family(name, help: help)
      for window in Window.allCases { text.sample(["window": window.rawValue], minutes[window].map { $0 * 60 }, decimals: 3) }
    }
    for (name, minutes, help) in [
      ("imtop_incidents_priority_mttr_seconds", \IncidentSummary.ResponseTimes.mttrMinutes, "Mean time to resolve by priority."),
      ("imtop_incidents_priority_mtta_seconds", \IncidentSummary.ResponseTimes.mttaMinutes, "Mean time to acknowledge by priority."),
    ] {
      text.family(name, help: help)
      for priority in Priority.allCases {
        let value = incidents.byPriority30d[priority]?[keyPath: minutes]
        text.sample(["priority": priority.rawValue, "window": Window.month.rawValue], value.map { $0 * 60 }, decimals: 3)
      }
    }
  }

  func kpis(_ kpis: [KPIResult], into text: inout OpenMetricsText) {
    func each(_ name: String, help: String, _ value: (KPIResult, KPIPerfData.Unit, inout OpenMetricsText) -> Void) {
      text.family(name, help: help)
      for kpi in kpis { value(kpi, KPIPerfData.Unit(kpi.definition.unit), &text) }
    }
    let hidden = { (kpi: KPIResult) in redactMoney && kpi.isMoney }
    let valueHelp = "A KPI's value in the unit of its unit label (percentages as 0..1 ratios, durations in seconds)."
    each("imtop_kpi_value", help: valueHelp) { kpi, unit, text in
      guard !hidden(kpi) else { return }
      text.sample(["kpi": kpi.definition.name, "unit": unit.baseName ?? kpi.definition.unit], kpi.value.map { $0 * unit.baseFactor })
    }
    each("imtop_kpi_threshold", help: "A KPI's target, warn and crit thresholds in the unit of its value.") { kpi, unit, text in
      guard !hidden(kpi) else { return }
      let definition = kpi.definition
      for (level, threshold) in [("target", definition.target), ("warn", definition.warn), ("crit", definition.crit)] {
        text.sample(["kpi": definition.name, "level": level], threshold.map { $0 * unit.baseFactor })
      }
    }
    each("imtop_kpi_status", help: "1 for a KPI's status (ok, warn, crit, unknown), 0 for the others.") { kpi, _, text in
      for status in KPIStatus.allCases { text.sample(["kpi": kpi.definition.name, "status": status.rawValue], kpi.status == status) }
    }
  }

  func data(_ data: DataSummary, into text: inout OpenMetricsText) {
    func each(_ name: String, help: String, _ value: (FileReport) -> Int?) {
      text.family(name, help: help)
      for file in data.files { text.sample(["file": file.path, "kind": file.kind.rawValue], value(file)) }
    }
    each("imtop_data_file_age_seconds", help: "Time since the data file was last modified; left out when it could not be looked at.") {
      $0.modified.map { max(0, Int((now - $0).milliseconds / 1000)) }
    }
    each("imtop_data_file_records", help: "Records read from the data file.") { $0.records }
    each("imtop_data_file_errors", help: "Records of the data file rejected with an error.") { $0.errors }
    each("imtop_data_file_failing", help: "1 when the data file could not be read this time (its last good contents still count).") {
      $0.failure == nil ? 0 : 1
    }
    text.family("imtop_data_problems", help: "Problems found in the data, by severity.")
    for severity in [DataIssue.Severity.error, .warning] {
      text.sample(["severity": severity.rawValue], data.issues.count { $0.severity == severity })
    }
    text.family("imtop_data_unregistered_systems", help: "Ids that records name and systems.csv lacks.")
    text.sample(data.unregistered.count)
  }

  /// Money in major units, exact; nil when unknown.
  func money(_ amount: Money?) -> String? {
    amount.map { $0.decimalText(digits: digits) }
  }
}
