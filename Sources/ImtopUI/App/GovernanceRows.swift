import ImtopCore

/// The rows the Governance & risk page lists, panel by panel, worst first, each with the system it
/// concerns (if any): the page draws them, and `AppState` moves a cursor over them and opens the
/// system of the row under it.
struct GovernanceRows {
  enum Panel: CaseIterable {
    case obligations, training, access, retention, sensitive
  }

  struct Row {
    var cells: [Table.Cell]
    /// The system Enter opens; nil when the row concerns none (or one not in `systems.csv`).
    var system: String?
  }

  private(set) var rows: [Panel: [Row]] = [:]

  /// Every row in panel order: what the cursor moves over.
  var all: [(panel: Panel, row: Row)] { Panel.allCases.flatMap { panel in (rows[panel] ?? []).map { (panel, $0) } } }

  /// The index in `all` of a panel's first row.
  func start(of panel: Panel) -> Int {
    Panel.allCases.prefix { $0 != panel }.reduce(0) { $0 + (rows[$1]?.count ?? 0) }
  }

  init(snapshot: Snapshot, format: DisplayFormat, glyphs: Glyphs) {
    let names = Dictionary(snapshot.systems.map { ($0.id, $0.record.displayName) }, uniquingKeysWith: { first, _ in first })
    func system(_ id: String?) -> String? { id.flatMap { names[$0] == nil ? nil : $0 } }
    func name(_ id: String?) -> Table.Cell { Table.Cell(id.map { names[$0] ?? $0 } ?? glyphs.dash, role: .muted) }
    let zone = format.zone
    let today = zone.date(of: snapshot.asOf)

    rows[.obligations] = snapshot.compliance.openItems
      .sorted { ($0.due.overdueFrom(in: zone), $0.id) < ($1.due.overdueFrom(in: zone), $1.id) }
      .map { item in
        let due = item.due.localDate(in: zone)
        let overdue = snapshot.asOf >= item.due.overdueFrom(in: zone)
        let days = Int(today.dayNumber - due.dayNumber)
        let when =
          overdue ? "overdue \(format.count(max(0, days)))d" : (days == 0 ? "due today" : "due in \(format.count(-days))d")
        let severityRole: Role = item.severity >= .high ? .crit : (item.severity == .medium ? .warn : .muted)
        return Row(
          cells: [
            Table.Cell(when, role: overdue ? .crit : (days >= -7 ? .warn : .normal), attributes: overdue ? .bold : []),
            Table.Cell(item.severity.rawValue, role: severityRole),
            Table.Cell(item.title.isEmpty ? "\(item.kind.rawValue) \(item.id)" : item.title),
            name(item.system),
          ], system: system(item.system))
      }

    if let training = snapshot.governance.training {
      let courses = training.byCourse.sorted { lhs, rhs in
        if (lhs.value.peopleOutstanding > 0) != (rhs.value.peopleOutstanding > 0) { return lhs.value.peopleOutstanding > 0 }
        let left = lhs.value.completionPct ?? 101
        let right = rhs.value.completionPct ?? 101
        return left != right ? left < right : lhs.key < rhs.key
      }
      rows[.training] = courses.map { course, totals in
        let systems = Set(training.rows.filter { $0.course == course }.compactMap(\.system))
        let behind = totals.peopleOutstanding > 0
        return Row(
          cells: [
            Table.Cell(course),
            Table.Cell(format.percent(totals.completionPct), role: behind ? .crit : .normal),
            Table.Cell(behind ? "\(format.count(totals.peopleOutstanding)) overdue" : "", role: .crit),
          ], system: systems.count == 1 ? system(systems.first) : nil)
      }
    }

    if let access = snapshot.governance.access {
      rows[.access] = access.overdueList.map { role in
        let late = role.reviewDue.map { "overdue \(format.count(Int(today.dayNumber - $0.dayNumber)))d" } ?? "never"
        return Row(
          cells: [
            name(role.system),
            Table.Cell(role.role + (role.privileged ? " (privileged)" : ""), role: role.privileged ? .crit : .warn),
            Table.Cell(late, role: .crit),
            Table.Cell("\(format.count(role.accounts)) acc", role: .muted),
          ], system: system(role.system))
      }
    }

    if let retention = snapshot.governance.retention {
      rows[.retention] = retention.pastDisposal.map { entry in
        let held = entry.series.legalHold
        return Row(
          cells: [
            Table.Cell(entry.series.series, role: held ? .muted : .normal),
            Table.Cell("\(format.count(entry.daysPast))d past", role: held ? .muted : .crit),
            Table.Cell(entry.series.records.map { "\(format.count($0)) rec" } ?? "", role: .muted),
            Table.Cell(held ? "legal hold" : "", role: .warn, attributes: .bold),
          ], system: system(entry.series.system))
      }
    }

    if let data = snapshot.governance.data {
      let sensitive = snapshot.systems.map(\.record).filter(\.isSensitive)
      let ordered = sensitive.filter { data.reasons[$0.id] != nil } + sensitive.filter { data.reasons[$0.id] == nil }
      rows[.sensitive] = ordered.map { record in
        let reasons = data.reasons[record.id] ?? []
        return Row(
          cells: [
            Table.Cell(record.displayName, role: reasons.isEmpty ? .normal : .crit),
            Table.Cell(record.dataClass?.rawValue ?? "unknown", role: .muted),
            Table.Cell(record.personalData ? "personal" : "", role: .warn),
            Table.Cell(reasons.map(\.shortLabel).joined(separator: ", "), role: .crit),
          ], system: system(record.id))
      }
    }
  }
}

extension ExposureReason {
  /// A few words for a narrow column.
  var shortLabel: String {
    switch self {
    case .pastEndOfSupport: return "end of support"
    case .overdueAccessReview: return "review overdue"
    case .overdueComplianceItem: return "overdue item"
    }
  }
}
