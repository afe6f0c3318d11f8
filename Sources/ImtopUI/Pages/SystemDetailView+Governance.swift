import ImtopCore

/// The governance section of a system's detail: its data class and personal data, why it is
/// exposed, its roles and accounts, its record series and the training rows that name it.
extension SystemDetailView {
  func governance() -> [TextBlock.Line] {
    let governance = context.snapshot.governance
    let record = system.record
    let format = context.format
    let today = format.zone.date(of: context.snapshot.asOf)
    var lines: [TextBlock.Line] = [.heading("Governance")]
    if let data = governance.data {
      lines.append(.field("Data class", record.dataClass?.rawValue ?? "unknown", role: record.dataClass == nil ? .muted : .normal))
      lines.append(.field("Personal data", record.personalData ? "yes" : "no"))
      if let reasons = data.reasons[record.id] {
        lines.append(.field("Exposed", reasons.map(\.rawValue).joined(separator: ", "), role: .crit, attributes: .bold))
      }
    }
    let roles = governance.access?.allRoles.filter { $0.system == record.id } ?? []
    if !roles.isEmpty {
      let accounts = roles.reduce(0) { $0 + $1.accounts }
      lines.append(.field("Roles", "\(format.count(roles.count)), \(format.count(accounts)) accounts"))
      for role in roles.prefix(8) {
        let overdue = role.isOverdue(today: today)
        let review = role.lastReview.map { "reviewed \($0)" } ?? "never reviewed"
        lines.append(TextBlock.Line(
          [TextBlock.Span("  \(role.role)" + (role.privileged ? " (privileged)" : ""), role: role.privileged ? .warn : .normal),
           TextBlock.Span(" \(format.count(role.accounts))", role: .muted)],
          trailing: [TextBlock.Span(review, role: overdue ? .crit : .muted)]))
      }
      lines += Self.more(roles.count - 8)
    }
    let series = governance.retention?.schedule.filter { $0.system == record.id } ?? []
    for entry in series {
      let past = entry.daysPastDisposal(today: today)
      let state = entry.legalHold ? "legal hold" : past.map { "\(format.count($0))d past" } ?? "dispose \(entry.disposal)"
      lines.append(.field("Records", "\(entry.series) (\(entry.retention))"))
      lines.append(TextBlock.Line(
        [TextBlock.Span("  oldest \(entry.oldest)", role: .muted)],
        trailing: [TextBlock.Span(state, role: entry.isPastRetention(today: today) ? .crit : (entry.legalHold ? .warn : .muted))]))
    }
    let training = governance.training?.rows.filter { $0.system == record.id } ?? []
    for row in training {
      let overdue = row.isOverdue(at: context.snapshot.asOf, zone: format.zone)
      lines.append(TextBlock.Line(
        [TextBlock.Span("Training ", role: .muted), TextBlock.Span(row.course)],
        trailing: [TextBlock.Span("\(format.count(row.completed))/\(format.count(row.required))", role: overdue ? .crit : .normal)]))
    }
    return lines.count > 1 ? lines : []
  }
}
