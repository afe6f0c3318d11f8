/// The governance section of the markdown report: the figures, then the items behind them
/// (courses behind, roles overdue for review, series past retention, exposed sensitive systems).
extension SnapshotMarkdown {
  func governance(_ snapshot: Snapshot, _ format: MarkdownFormat) -> String {
    let governance = snapshot.governance
    var figures = MarkdownTable(["Figure", "Value"], numeric: [1])
    var items: [String] = []
    let names = systemNames(snapshot)
    func name(_ id: String?) -> String { id.map { MarkdownTable.escape(names[$0] ?? $0) } ?? "—" }
    if let training = governance.training {
      figures.add(["Training completion", format.percent(training.completionPct)])
      figures.add(["Training rows overdue", QuantityFormat.count(training.overdue)])
      figures.add(["People outstanding in them", QuantityFormat.count(training.peopleOutstanding)])
      items.append(trainingBehind(training, snapshot, name))
    }
    if let access = governance.access {
      figures.add(["Access review coverage", format.percent(access.coveragePct)])
      figures.add(["Roles overdue for review", QuantityFormat.count(access.overdueRoles)])
      figures.add(["Privileged accounts in them", QuantityFormat.count(access.privilegedInOverdueRoles)])
      var table = MarkdownTable(["System", "Role", "Privileged", "Accounts", "Last review", "Due"], numeric: [3])
      for role in access.overdueList {
        table.add([
          name(role.system), MarkdownTable.escape(role.role), role.privileged ? "yes" : "no", QuantityFormat.count(role.accounts),
          role.lastReview?.description ?? "never", role.reviewDue?.description ?? "—",
        ])
      }
      items.append("### Roles overdue for review\n\n" + (access.overdueList.isEmpty ? "None.\n" : table.text))
    }
    if let retention = governance.retention {
      figures.add(["Record series past retention", QuantityFormat.count(retention.pastRetention)])
      figures.add(["Records held past retention", QuantityFormat.count(retention.recordsPastRetention)])
      figures.add(["Series on legal hold", QuantityFormat.count(retention.legalHolds)])
      var table = MarkdownTable(["Series", "System", "Retention", "Oldest", "Disposal", "Days past", "Records", "Legal hold"], numeric: [5, 6])
      for (series, days) in retention.pastDisposal {
        table.add([
          MarkdownTable.escape(series.series), name(series.system), series.retention.description, series.oldest.description,
          series.disposal.description, QuantityFormat.count(days), series.records.map(QuantityFormat.count) ?? "—", series.legalHold ? "yes" : "no",
        ])
      }
      items.append("### Record series past retention\n\n" + (retention.pastDisposal.isEmpty ? "None.\n" : table.text))
    }
    if let data = governance.data {
      figures.add(["Sensitive systems", QuantityFormat.count(data.sensitive)])
      figures.add(["Exposed sensitive systems", QuantityFormat.count(data.exposed.count)])
      let byID = Dictionary(snapshot.systems.map { ($0.id, $0.record) }, uniquingKeysWith: { first, _ in first })
      var table = MarkdownTable(["System", "Data class", "Personal data", "Why exposed"])
      for id in data.exposed {
        let record = byID[id]
        table.add([
          name(id), record?.dataClass?.rawValue ?? "unknown", record?.personalData == true ? "yes" : "no",
          (data.reasons[id] ?? []).map(\.rawValue).joined(separator: ", "),
        ])
      }
      items.append("### Exposed sensitive systems\n\n" + (data.exposed.isEmpty ? "None.\n" : table.text))
    }
    guard !items.isEmpty else { return "## Governance\n\nNo training.csv, access.csv, retention.csv or data classes.\n" }
    return "## Governance\n\n" + figures.text + "\n" + items.joined(separator: "\n")
  }

  private func trainingBehind(_ training: TrainingSummary, _ snapshot: Snapshot, _ name: (String?) -> String) -> String {
    guard !training.overdueRows.isEmpty else { return "### Training overdue\n\nNone.\n" }
    var table = MarkdownTable(["Course", "Audience", "System", "Due", "Completed", "Required", "Outstanding"], numeric: [4, 5, 6])
    for row in training.overdueRows {
      table.add([
        MarkdownTable.escape(row.course), MarkdownTable.escape(row.audience), name(row.system),
        row.due.localDate(in: zone).description, QuantityFormat.count(row.completed), QuantityFormat.count(row.required), QuantityFormat.count(row.outstanding),
      ])
    }
    return "### Training overdue\n\n" + table.text
  }
}
