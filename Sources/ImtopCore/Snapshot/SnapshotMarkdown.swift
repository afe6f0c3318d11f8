/// A readable report of the snapshot in Markdown, a table per section, for e-mail and wikis
/// (`imtop snapshot --format markdown`).
///
/// Shows the same figures as `SnapshotJSON` with the same rounding; values that cannot be computed
/// read `—`. Text from data files is escaped (see `MarkdownTable.escape`). Besides the counts, it
/// lists the items behind them: open incidents, overdue obligations, systems below SLA and past end of
/// support, each with the figures that make it so (`SnapshotMarkdown+Items.swift`), and the governance
/// items: training overdue, roles overdue for review, series past retention, exposed sensitive
/// systems (`SnapshotMarkdown+Governance.swift`).
public struct SnapshotMarkdown: Sendable {
  /// Every money figure is shown as `•••` (public screens, `--redact-costs`).
  public var redactMoney: Bool
  /// The organisation's time zone, for the calendar days of due dates and ends of support.
  public var zone: Zone

  public init(redactMoney: Bool = false, zone: Zone = .utc) {
    self.redactMoney = redactMoney
    self.zone = zone
  }

  public func render(_ snapshot: Snapshot) -> String {
    let format = MarkdownFormat(redactMoney: redactMoney, currency: snapshot.organization.currency, zone: zone)
    let organization = snapshot.organization
    var sections = [
      "# \(MarkdownTable.escape(organization.name)): IT snapshot\n\n"
        + "As of \(QuantityFormat.zonedDateTime(snapshot.asOf, in: zone)) · fiscal year \(organization.fiscalYearStart) to "
        + "\(organization.fiscalYearEnd) · \(MarkdownTable.escape(organization.currency))\n"
    ]
    sections.append(systems(snapshot.systems, format))
    sections.append(incidents(snapshot.incidents, format) + "\n" + openIncidents(snapshot) + "\n" + resolvedIncidents(snapshot))
    sections.append(contentsOf: budget(snapshot.budget, format))
    sections.append(compliance(snapshot.compliance, format) + "\n" + overdueObligations(snapshot))
    sections.append(governance(snapshot, format))
    sections.append(
      portfolio(snapshot.portfolio, format) + "\n" + systemsBelowSLA(snapshot, format) + "\n"
        + systemsPastEndOfSupport(snapshot))
    sections.append(kpis(snapshot.kpis, format))
    sections.append(data(snapshot.data, now: snapshot.asOf, format))
    return sections.joined(separator: "\n")
  }

  private func systems(_ systems: [SystemHealth], _ format: MarkdownFormat) -> String {
    var table = MarkdownTable(
      [
        "System", "State", "Avail 24h", "Avail 7d", "Avail 30d", "SLA", "Outages 30d", "MTBF 30d", "Latency", "Open incidents",
        "TCO YTD", "Cost per user",
      ], numeric: Set(2...11))
    for health in systems {
      var state = health.state.rawValue
      if let via = health.impactedVia { state += " (impacted via \(MarkdownTable.escape(via)))" }
      if health.belowSLA { state += ", below SLA" }
      if health.pastEndOfSupport { state += ", past end of support" }
      table.add([
        MarkdownTable.escape(health.record.displayName), state,
        format.availability(health.availability.day), format.availability(health.availability.week),
        format.availability(health.availability.month), format.availability(health.record.sla),
        format.count(health.outages30d), format.measure(health.mtbfHours30d, unit: "h"),
        format.milliseconds(health.latencyMs), format.count(health.openIncidents), format.money(health.tcoYTD),
        format.money(health.costPerUserYTD),
      ])
    }
    return "## Systems\n\n" + table.text
  }

  private func incidents(_ incidents: IncidentSummary, _ format: MarkdownFormat) -> String {
    var open = MarkdownTable(["Priority", "Open", "Unacknowledged", "MTTR 30d", "MTTA 30d"], numeric: [1, 2, 3, 4])
    for priority in Priority.allCases {
      let times = incidents.byPriority30d[priority]
      open.add([
        priority.rawValue, format.count(incidents.open[priority] ?? 0), format.count(incidents.unacknowledged[priority] ?? 0),
        format.minutes(times?.mttrMinutes), format.minutes(times?.mttaMinutes),
      ])
    }
    var times = MarkdownTable(["Window", "MTTR", "MTTA"], numeric: [1, 2])
    for window in Window.allCases {
      times.add([
        window.rawValue, format.minutes(incidents.mttrMinutes[window]), format.minutes(incidents.mttaMinutes[window]),
      ])
    }
    return "## Incidents\n\n" + open.text + "\n" + times.text
  }

  private func budget(_ budget: BudgetSummary, _ format: MarkdownFormat) -> [String] {
    var summary = MarkdownTable(["Figure", "Value"], numeric: [1])
    summary.add([
      "YTD months", budget.ytdMonths.isEmpty ? "—" : budget.ytdMonths.map(\.description).joined(separator: ", "),
    ])
    summary.add(["Annual planned", format.money(budget.totals.annualPlanned)])
    summary.add(["Planned YTD", format.money(budget.totals.plannedYTD)])
    summary.add(["Actual YTD", format.money(budget.totals.actualYTD)])
    summary.add(["Variance", budget.variancePct.map { QuantityFormat.variance(percent: $0) } ?? MarkdownFormat.dash])
    summary.add(["Forecast at year end", format.money(budget.forecastYearEnd)])
    summary.add(["Variance at completion", format.variance(atCompletion: budget.varianceAtCompletion)])
    summary.add(["Burn rate per month", format.money(budget.burnRate)])
    summary.add(["Runway", budget.runwayMonths.map(QuantityFormat.months) ?? MarkdownFormat.dash])
    summary.add(["Booked ahead (months not closed)", format.money(budget.bookedAhead)])
    var months = MarkdownTable(["Month", "Planned", "Actual"], numeric: [1, 2])
    for month in budget.months {
      months.add([month.month.description, format.money(month.planned), format.money(month.actual)])
    }
    var sections = ["## Budget\n\n" + summary.text, "### By month\n\n" + months.text]
    let breakdowns = [
      ("category", budget.byCategory), ("type", budget.byType), ("sourcing", budget.bySourcing),
      ("system", budget.bySystem),
    ]
    for (title, map) in breakdowns {
      var table = MarkdownTable(
        [title.prefix(1).uppercased() + title.dropFirst(), "Annual planned", "Planned YTD", "Actual YTD"],
        numeric: [1, 2, 3])
      for key in map.keys.sorted() {
        let figures = map[key] ?? BudgetFigures()
        table.add([
          MarkdownTable.escape(key), format.money(figures.annualPlanned), format.money(figures.plannedYTD),
          format.money(figures.actualYTD),
        ])
      }
      sections.append("### By \(title)\n\n" + table.text)
    }
    return sections
  }

  private func compliance(_ compliance: ComplianceSummary, _ format: MarkdownFormat) -> String {
    var summary = MarkdownTable(["Figure", "Value"], numeric: [1])
    summary.add(["Open", format.count(compliance.open)])
    summary.add(["Overdue", format.count(compliance.overdue)])
    summary.add(["On-time closure", format.percent(compliance.onTimeClosurePct)])
    summary.add(["Oldest overdue, days", format.count(compliance.oldestOverdueDays)])
    return "## Compliance\n\n" + summary.text + "\n" + format.counts("Overdue by kind", compliance.overdueByKind)
      + "\n" + format.counts("Overdue by severity", compliance.overdueBySeverity)
  }

  private func portfolio(_ portfolio: PortfolioSummary, _ format: MarkdownFormat) -> String {
    var summary = MarkdownTable(["Figure", "Value"], numeric: [1])
    summary.add(["Past end of support", format.count(portfolio.pastEndOfSupport)])
    summary.add(["Below SLA", format.count(portfolio.belowSLA)])
    summary.add(["Data quality", format.percent(portfolio.dataQualityPct)])
    var missing = MarkdownTable(["Missing field", "Systems", "Which"], numeric: [1])
    for field in QualityField.allCases {
      let ids = portfolio.lacking[field] ?? []
      missing.add([field.rawValue, format.count(ids.count), ids.isEmpty ? "—" : ids.map(MarkdownTable.escape).joined(separator: ", ")])
    }
    return "## Portfolio\n\n" + summary.text + "\n" + missing.text + "\n" + format.counts("Category", portfolio.byCategory) + "\n"
      + format.counts("Sourcing", portfolio.bySourcing) + "\n" + format.counts("Lifecycle", portfolio.byLifecycle)
      + "\n" + format.counts("Criticality", portfolio.byCriticality)
  }

  private func kpis(_ kpis: [KPIResult], _ format: MarkdownFormat) -> String {
    var table = MarkdownTable(
      ["KPI", "Value", "Target", "Warn", "Crit", "Better", "Status"], numeric: [1, 2, 3, 4])
    for kpi in kpis {
      let definition = kpi.definition
      // A threshold of a money KPI is money too.
      let hidden = redactMoney && kpi.isMoney
      func figure(_ value: Double?) -> String {
        if hidden { return "•••" }
        // A money KPI's figures are money, exact as every amount in the report.
        if kpi.isMoney, let value, let amount = QuantityFormat.money(major: value, digits: CurrencyInfo.minorDigits(format.currency)) {
          return format.money(amount)
        }
        return format.measure(value, unit: definition.unit)
      }
      table.add([
        MarkdownTable.escape(definition.name)
          + (kpi.error.map { " (\(MarkdownTable.escape(problem($0, of: kpi))))" } ?? ""),
        MarkdownTable.escape(figure(kpi.value)), MarkdownTable.escape(figure(definition.target)), MarkdownTable.escape(figure(definition.warn)), MarkdownTable.escape(figure(definition.crit)),
        definition.better.rawValue, kpi.status.rawValue.uppercased(),
      ])
    }
    return "## KPIs\n\n" + table.text
  }

  /// The error without its `KPI "name": ` prefix, which the table's first column already says.
  private func problem(_ error: String, of kpi: KPIResult) -> String {
    let prefix = "KPI \"\(kpi.definition.name)\": "
    return error.hasPrefix(prefix) ? String(error.dropFirst(prefix.count)) : error
  }

  private func data(_ data: DataSummary, now: Timestamp, _ format: MarkdownFormat) -> String {
    var files = MarkdownTable(["File", "Kind", "Records", "Errors", "Modified", "Age"], numeric: [2, 3, 5])
    for file in data.files {
      files.add([
        MarkdownTable.escape(file.path), file.kind.rawValue, format.count(file.records), format.count(file.errors),
        file.modified.map(format.dateTime) ?? MarkdownFormat.dash, file.modified.map { MarkdownFormat.age(now - $0) } ?? MarkdownFormat.dash,
      ])
    }
    var text = "## Data\n\n" + files.text
    if !data.issues.isEmpty {
      text += "\n" + data.issues.map { "- " + MarkdownTable.escape($0.description) }.joined(separator: "\n") + "\n"
    }
    return text
  }
}
