extension SnapshotMarkdown {
  /// The open incidents, most urgent first (priority, then oldest), each with its age at the
  /// snapshot's time.
  func openIncidents(_ snapshot: Snapshot) -> String {
    let incidents = snapshot.incidents.openList
    guard !incidents.isEmpty else { return "### Open incidents\n\nNone.\n" }
    let names = systemNames(snapshot)
    var table = MarkdownTable(["ID", "Priority", "System", "Age", "Acknowledged", "Summary"])
    for incident in incidents {
      // Acknowledged: how long after opening; not yet: for how long now.
      let acknowledged = incident.acknowledged.flatMap { $0 <= snapshot.asOf ? $0 : nil }
      table.add([
        MarkdownTable.escape(incident.id), incident.priority.rawValue,
        MarkdownTable.escape(names[incident.system] ?? incident.system),
        MarkdownFormat.age(snapshot.asOf - incident.opened),
        acknowledged.map { "after " + MarkdownFormat.age($0 - incident.opened) }
          ?? "no, for " + MarkdownFormat.age(snapshot.asOf - incident.opened),
        MarkdownTable.escape(incident.summary),
      ])
    }
    return "### Open incidents\n\n" + table.text
  }

  /// The incidents resolved in the 30 days ending at the snapshot's time, latest first, each with
  /// how long it took to resolve.
  func resolvedIncidents(_ snapshot: Snapshot) -> String {
    let incidents = snapshot.incidents.resolvedList
    let heading = "### Resolved in the last 30 days\n\n"
    guard !incidents.isEmpty else { return heading + "None.\n" }
    let names = systemNames(snapshot)
    var table = MarkdownTable(["ID", "Priority", "System", "Resolved", "Time to resolve", "Summary"])
    for incident in incidents {
      guard let resolved = incident.resolved else { continue }
      table.add([
        MarkdownTable.escape(incident.id), incident.priority.rawValue,
        MarkdownTable.escape(names[incident.system] ?? incident.system), QuantityFormat.dateTime(resolved, in: zone),
        MarkdownFormat.age(resolved - incident.opened), MarkdownTable.escape(incident.summary),
      ])
    }
    return heading + table.text
  }

  /// The obligations past their due date, most days overdue first; a date-only deadline lasts all
  /// that day in the organisation's zone (the README's compliance figures).
  func overdueObligations(_ snapshot: Snapshot) -> String {
    let today = zone.date(of: snapshot.asOf)
    let overdue = snapshot.compliance.openItems.filter { snapshot.asOf >= $0.due.overdueFrom(in: zone) }
    guard !overdue.isEmpty else { return "### Overdue obligations\n\nNone.\n" }
    let names = systemNames(snapshot)
    var table = MarkdownTable(["ID", "Kind", "Severity", "System", "Due", "Days overdue"], numeric: [5])
    for item in overdue {
      let due = item.due.localDate(in: zone)
      table.add([
        MarkdownTable.escape(item.id), item.kind.rawValue, item.severity.rawValue,
        item.system.map { MarkdownTable.escape(names[$0] ?? $0) } ?? "—", due.description,
        QuantityFormat.count(Int(today.dayNumber - due.dayNumber)),
      ])
    }
    return "### Overdue obligations\n\n" + table.text
  }

  /// The systems whose 30-day availability is below their SLA, with both figures and the gap.
  func systemsBelowSLA(_ snapshot: Snapshot, _ format: MarkdownFormat) -> String {
    let below = snapshot.systems.filter(\.belowSLA)
    guard !below.isEmpty else { return "### Systems below SLA\n\nNone.\n" }
    var table = MarkdownTable(["System", "Availability 30d", "SLA", "Short by, points"], numeric: [1, 2, 3])
    for health in below {
      var shortfall: Double?
      if let sla = health.record.sla, let availability = health.availability.month { shortfall = sla - availability }
      table.add([
        MarkdownTable.escape(health.record.displayName), format.availability(health.availability.month),
        format.availability(health.record.sla),
        shortfall.map { QuantityFormat.decimal($0, places: QuantityFormat.availabilityPlaces) } ?? MarkdownFormat.dash,
      ])
    }
    return "### Systems below SLA\n\n" + table.text
  }

  /// The systems whose end of support is before the snapshot's day, with the date and the days since.
  func systemsPastEndOfSupport(_ snapshot: Snapshot) -> String {
    let today = zone.date(of: snapshot.asOf)
    let past = snapshot.systems.filter(\.pastEndOfSupport)
    guard !past.isEmpty else { return "### Systems past end of support\n\nNone.\n" }
    var table = MarkdownTable(["System", "End of support", "Days past"], numeric: [2])
    for health in past {
      let end = health.record.endOfSupport
      table.add([
        MarkdownTable.escape(health.record.displayName), end?.description ?? "—",
        end.map { QuantityFormat.count(Int(today.dayNumber - $0.dayNumber)) } ?? MarkdownFormat.dash,
      ])
    }
    return "### Systems past end of support\n\n" + table.text
  }

  func systemNames(_ snapshot: Snapshot) -> [String: String] {
    Dictionary(snapshot.systems.map { ($0.id, $0.record.displayName) }, uniquingKeysWith: { first, _ in first })
  }
}
