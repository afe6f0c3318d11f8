/// The SLA report of a snapshot (`imtop snapshot --report sla [--month YYYY-MM]`): per system and
/// calendar month of the fiscal year up to `asOf`, availability, coverage, outages, downtime and
/// whether the SLA was met, as markdown for a monthly service review or as JSON.
///
/// The figures are the snapshot's own (`SystemHealth.monthly`); this only chooses the months and
/// lays them out.
public struct SLAReport: Sendable {
  public let snapshot: Snapshot
  /// The months reported, in month order: every month of the fiscal year up to `asOf`, or the one
  /// asked for.
  public let months: [YearMonth]
  /// The organisation's zone, for the report's time.
  let zone: Zone

  /// Why a `--month` cannot be reported.
  public enum MonthError: Error, Equatable, CustomStringConvertible {
    case malformed(String)
    case outsideFiscalYear(YearMonth, start: YearMonth, end: YearMonth)
    case notBegun(YearMonth, current: YearMonth)

    public var description: String {
      switch self {
      case .malformed(let text):
        return "--month \"\(text)\": expected a month as YYYY-MM (01 to 12), such as 2026-10"
      case .outsideFiscalYear(let month, let start, let end):
        return "--month \(month) is outside the fiscal year \(start) to \(end): choose a month from \(start) on"
      case .notBegun(let month, let current):
        return "--month \(month) has not begun yet: the fiscal year's months so far end with \(current)"
      }
    }
  }

  /// The report of every month so far, or of `month` (`YYYY-MM`) when given. `zone` decides the
  /// current month (`asOf`'s local date).
  public init(snapshot: Snapshot, month text: String? = nil, zone: Zone) throws(MonthError) {
    self.snapshot = snapshot
    self.zone = zone
    let organization = snapshot.organization
    let year = FiscalYear(start: organization.fiscalYearStart)
    let current = zone.date(of: snapshot.asOf).yearMonth
    let soFar = year.months.filter { $0 <= current }
    guard let text else {
      months = soFar
      return
    }
    guard let month = YearMonth(text) else { throw .malformed(text) }
    guard year.contains(month) else {
      throw .outsideFiscalYear(month, start: organization.fiscalYearStart, end: organization.fiscalYearEnd)
    }
    guard month <= current else { throw .notBegun(month, current: current) }
    months = [month]
  }

  /// The figures of `system` for the reported months.
  func figures(of system: SystemHealth) -> [ServiceMonth] {
    system.monthly.filter { months.contains($0.month) }
  }

  /// The report as markdown: a table per month, a row per system, and how many met their SLA.
  public func markdown() -> String {
    let organization = snapshot.organization
    let range = months.count == 1 ? months[0].description : "\(months.first?.description ?? "—") to \(months.last?.description ?? "—")"
    var sections = [
      "# \(MarkdownTable.escape(organization.name)): SLA report\n\n"
        + "As of \(QuantityFormat.zonedDateTime(snapshot.asOf, in: zone)) · fiscal year \(organization.fiscalYearStart) to \(organization.fiscalYearEnd)"
        + " · \(months.count == 1 ? "month" : "months") \(range)\n"
    ]
    let format = MarkdownFormat(redactMoney: false, currency: organization.currency, zone: zone)
    for month in months {
      var table = MarkdownTable(
        ["System", "SLA", "Availability", "Coverage", "Outages", "Downtime", "SLA met"], numeric: Set(1...5))
      var judged = 0
      var met = 0
      for system in snapshot.systems {
        guard let figures = system.monthly.first(where: { $0.month == month }) else { continue }
        if let slaMet = figures.slaMet {
          judged += 1
          if slaMet { met += 1 }
        }
        table.add([
          MarkdownTable.escape(system.record.displayName), format.availability(system.record.sla),
          format.availability(figures.availability), format.coverage(figures.coverage), format.count(figures.outages),
          format.minutes(figures.downtimeMinutes), figures.slaMet.map { $0 ? "yes" : "no" } ?? "—",
        ])
      }
      if table.rows.isEmpty { table.add(["—", "—", "—", "—", "0", "0", "—"]) }
      let summary =
        judged == 0
        ? "No system has both an SLA and a known availability this month.\n"
        : "\(met) of \(judged) systems with an SLA and a known availability met it.\n"
      sections.append("## \(month)\n\n" + table.text + "\n" + summary)
    }
    return sections.joined(separator: "\n")
  }

  /// The report as JSON: the months reported, and per system its SLA and `monthly` figures for them
  /// (the same objects as the snapshot's `systems[].monthly`).
  public func json() -> JSONValue {
    let writer = SnapshotJSONWriter(
      redactMoney: false, digits: CurrencyInfo.minorDigits(snapshot.organization.currency), now: snapshot.asOf)
    return .object([
      ("schema_version", .integer(Int64(SnapshotJSON.schemaVersion))),
      ("report", .string("sla")),
      ("as_of", .string(snapshot.asOf.iso8601)),
      ("organization", writer.organization(snapshot.organization)),
      ("months", .array(months.map { .string($0.description) })),
      (
        "systems",
        .array(
          snapshot.systems.map { system in
            .object([
              ("id", .string(system.record.id)),
              ("name", .string(system.record.displayName)),
              ("sla", .double(system.record.sla, decimals: 3)),
              ("monthly", .array(figures(of: system).map(SnapshotJSONWriter.month))),
            ])
          })
      ),
    ])
  }
}
