/// The sections of the snapshot JSON, one method each (see `SnapshotJSON` for the conventions).
struct SnapshotJSONWriter {
  let redactMoney: Bool
  let digits: Int
  let now: Timestamp

  func organization(_ organization: OrganizationSummary) -> JSONValue {
    .object([
      ("name", .string(organization.name)),
      ("currency", .string(organization.currency)),
      (
        "fiscal_year",
        .object([
          ("start", .string(organization.fiscalYearStart.description)),
          ("end", .string(organization.fiscalYearEnd.description)),
        ])
      ),
    ])
  }

  func system(_ health: SystemHealth) -> JSONValue {
    let record = health.record
    return .object([
      ("id", .string(record.id)),
      ("name", .string(record.displayName)),
      ("category", .string(record.category)),
      ("kind", .string(record.kind.rawValue)),
      ("sourcing", record.sourcing.map { .string($0.rawValue) } ?? .null),
      ("owner", .string(record.owner)),
      ("criticality", record.criticality.map { .integer(Int64($0)) } ?? .null),
      ("lifecycle", record.lifecycle.map { .string($0.rawValue) } ?? .null),
      ("users", record.users.map { .integer(Int64($0)) } ?? .null),
      ("sla", .double(record.sla, decimals: 3)),
      ("state", .string(health.state.rawValue)),
      ("availability", windowed(health.availability)),
      ("coverage", windowed(Windowed { Optional(health.coverage[$0]) })),
      ("outages_30d", .integer(Int64(health.outages30d))),
      ("mtbf_hours_30d", .double(health.mtbfHours30d)),
      ("latency_ms", .double(health.latencyMs)),
      ("open_incidents", .integer(Int64(health.openIncidents))),
      ("tco_ytd", money(health.tcoYTD)),
      ("cost_per_user_ytd", money(health.costPerUserYTD)),
      ("below_sla", .bool(health.belowSLA)),
      ("past_end_of_support", .bool(health.pastEndOfSupport)),
      ("last_sample", health.lastSample.map { .string($0.iso8601) } ?? .null),
      ("silent", .bool(health.silent)),
      ("monthly", .array(health.monthly.map(Self.month))),
    ] + Self.qualityAndDependencies(health))
  }

  /// A system's missing data-quality fields and its direct dependencies, dependants and impact.
  static func qualityAndDependencies(_ health: SystemHealth) -> [(String, JSONValue)] {
    let missing: [JSONValue] = health.record.missingQualityFields.map { .string($0.rawValue) }
    let dependsOn: [JSONValue] = health.record.dependsOn.map { .string($0) }
    let dependants: [JSONValue] = health.dependants.map { .string($0) }
    let via: JSONValue = health.impactedVia.map { .string($0) } ?? .null
    return [("missing_fields", .array(missing)), ("depends_on", .array(dependsOn)), ("dependants", .array(dependants)),
            ("impacted_via", via)]
  }

  /// One month of a system's service figures (`systems[].monthly[]`, and the SLA report's).
  static func month(_ month: ServiceMonth) -> JSONValue {
    .object([
      ("month", .string(month.month.description)),
      ("availability", .double(month.availability)),
      ("coverage", .double(month.coverage)),
      ("outages", .integer(Int64(month.outages))),
      ("downtime_minutes", .double(month.downtimeMinutes)),
      ("sla_met", month.slaMet.map { .bool($0) } ?? .null),
    ])
  }

  func incidents(_ incidents: IncidentSummary) -> JSONValue {
    .object([
      ("open", .object(Priority.allCases.map { ($0.rawValue, .integer(Int64(incidents.open[$0] ?? 0))) })),
      ("mttr_minutes", windowed(incidents.mttrMinutes)),
      ("mtta_minutes", windowed(incidents.mttaMinutes)),
      ("unacknowledged", .object(Priority.allCases.map { ($0.rawValue, .integer(Int64(incidents.unacknowledged[$0] ?? 0))) })),
      (
        "by_priority_30d",
        .object(
          Priority.allCases.map { priority in
            let times = incidents.byPriority30d[priority]
            return (priority.rawValue, .object([("mttr_minutes", .double(times?.mttrMinutes)), ("mtta_minutes", .double(times?.mttaMinutes))]))
          })
      ),
      ("open_items", .array(incidents.openList.map(incident))),
      ("resolved_30d", .array(incidents.resolvedList.map(incident))),
    ])
  }

  /// One incident as it stands at `now`: an acknowledgement or resolution after `now` has not happened yet.
  private func incident(_ incident: Incident) -> JSONValue {
    func stamp(_ time: Timestamp?) -> JSONValue { time.flatMap { $0 <= now ? .string($0.iso8601) : nil } ?? .null }
    return .object([
      ("id", .string(incident.id)),
      ("system", .string(incident.system)),
      ("priority", .string(incident.priority.rawValue)),
      ("opened", .string(incident.opened.iso8601)),
      ("acknowledged", stamp(incident.acknowledged)),
      ("resolved", stamp(incident.resolved)),
      ("summary", .string(incident.summary)),
    ])
  }

  func budget(_ budget: BudgetSummary) -> JSONValue {
    .object([
      ("ytd_months", .array(budget.ytdMonths.map { .string($0.description) })),
      ("annual_planned", money(budget.totals.annualPlanned)),
      ("planned_ytd", money(budget.totals.plannedYTD)),
      ("actual_ytd", money(budget.totals.actualYTD)),
      ("variance_pct", .double(budget.variancePct)),
      ("forecast_year_end", money(budget.forecastYearEnd)),
      ("variance_at_completion", money(budget.varianceAtCompletion)),
      ("burn_rate", money(budget.burnRate)),
      ("runway_months", .double(budget.runwayMonths)),
      ("booked_ahead", money(budget.bookedAhead)),
      ("by_category", figures(budget.byCategory)),
      ("by_type", figures(budget.byType)),
      ("by_sourcing", figures(budget.bySourcing)),
      ("by_system", figures(budget.bySystem)),
    ])
  }

  func compliance(_ compliance: ComplianceSummary) -> JSONValue {
    .object([
      ("open", .integer(Int64(compliance.open))),
      ("overdue", .integer(Int64(compliance.overdue))),
      ("overdue_by_kind", counts(compliance.overdueByKind)),
      ("overdue_by_severity", counts(compliance.overdueBySeverity)),
      ("on_time_closure_pct", .double(compliance.onTimeClosurePct)),
      ("oldest_overdue_days", compliance.oldestOverdueDays.map { .integer(Int64($0)) } ?? .null),
    ])
  }

  func portfolio(_ portfolio: PortfolioSummary) -> JSONValue {
    .object([
      ("by_category", counts(portfolio.byCategory)),
      ("by_sourcing", counts(portfolio.bySourcing)),
      ("by_lifecycle", counts(portfolio.byLifecycle)),
      ("by_criticality", counts(portfolio.byCriticality)),
      ("past_end_of_support", .integer(Int64(portfolio.pastEndOfSupport))),
      ("below_sla", .integer(Int64(portfolio.belowSLA))),
      ("data_quality_pct", .double(portfolio.dataQualityPct)),
      ("data_quality_missing", Self.lacking(portfolio)),
    ])
  }

  /// A money KPI (`forecast()`...) has its value and its thresholds redacted: a threshold in money
  /// tells as much as the value.
  func kpi(_ kpi: KPIResult) -> JSONValue {
    let definition = kpi.definition
    let hidden = redactMoney && kpi.isMoney
    func figure(_ value: Double?, decimals: Int) -> JSONValue { hidden ? .null : .double(value, decimals: decimals) }
    return .object([
      ("name", .string(definition.name)),
      ("value", figure(kpi.value, decimals: 2)),
      ("unit", .string(definition.unit)),
      ("target", figure(definition.target, decimals: 6)),
      ("warn", figure(definition.warn, decimals: 6)),
      ("crit", figure(definition.crit, decimals: 6)),
      ("better", .string(definition.better.rawValue)),
      ("status", .string(kpi.status.rawValue)),
    ])
  }

  func data(_ data: DataSummary) -> JSONValue {
    .object([
      ("files", .array(data.files.map { SnapshotJSONWriter.file($0, now: now) })),
      ("errors", .array(data.issues.map(SnapshotJSONWriter.issue))),
      (
        "unregistered",
        .array(
          data.unregistered.map { system in
            .object([
              ("id", .string(system.id)),
              ("kinds", .array(system.kinds.map { .string($0.rawValue) })),
              ("records", .integer(Int64(system.records))),
            ])
          })
      ),
    ])
  }

  /// One file of `data.files`, also each of `imtop check --format json`'s `files`: its age is
  /// counted to `now`.
  static func file(_ file: FileReport, now: Timestamp) -> JSONValue {
    .object([
      ("path", .string(file.path)),
      ("kind", .string(file.kind.rawValue)),
      ("records", .integer(Int64(file.records))),
      ("errors", .integer(Int64(file.errors))),
      ("modified", file.modified.map { .string($0.iso8601) } ?? .null),
      ("age_seconds", file.modified.map { .integer(max(0, (now - $0).milliseconds / 1000)) } ?? .null),
      // Why the file was not read this time (its last good contents, if any, still count).
      ("failure", file.failure.map { .string($0) } ?? .null),
    ])
  }

  /// One problem of `data.errors`, also each of `imtop check --format json`'s `problems`.
  static func issue(_ issue: DataIssue) -> JSONValue {
    .object([
      ("file", .string(issue.file)),
      ("line", issue.line.map { .integer(Int64($0)) } ?? .null),
      ("message", .string(issue.message)),
      ("severity", .string(issue.severity.rawValue)),
    ])
  }

  private func windowed(_ values: Windowed<Double?>) -> JSONValue {
    .object(Window.allCases.map { ($0.rawValue, .double(values[$0])) })
  }

  func counts(_ map: [String: Int]) -> JSONValue {
    .object(map.keys.sorted().map { ($0, .integer(Int64(map[$0] ?? 0))) })
  }

  private func figures(_ map: [String: BudgetFigures]) -> JSONValue {
    .object(
      map.keys.sorted().map { key in
        let figures = map[key] ?? BudgetFigures()
        return (
          key,
          .object([
            ("annual_planned", money(figures.annualPlanned)),
            ("planned_ytd", money(figures.plannedYTD)),
            ("actual_ytd", money(figures.actualYTD)),
          ])
        )
      })
  }

  private func money(_ amount: Money?) -> JSONValue {
    guard let amount, !redactMoney else { return .null }
    return .number(amount.decimalText(digits: digits))
  }

  /// For each data-quality field, the ids of the systems lacking it (`portfolio.data_quality_missing`).
  static func lacking(_ portfolio: PortfolioSummary) -> JSONValue {
    let fields: [(String, JSONValue)] = QualityField.allCases.map { field in
      let ids: [JSONValue] = (portfolio.lacking[field] ?? []).map { .string($0) }
      return (field.rawValue, .array(ids))
    }
    return .object(fields)
  }
}
