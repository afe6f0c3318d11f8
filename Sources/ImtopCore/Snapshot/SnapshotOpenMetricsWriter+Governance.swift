/// The compliance, portfolio and governance families of the OpenMetrics text. A governance part whose
/// file is absent has no family.
extension SnapshotOpenMetricsWriter {
  func compliance(_ compliance: ComplianceSummary, into text: inout OpenMetricsText) {
    text.family("imtop_compliance_open", help: "Open compliance obligations.")
    text.sample(compliance.open)
    // Every known kind and severity is written, 0 when none is overdue, so an alert sees it fall back.
    counts("imtop_compliance_overdue", label: "kind", compliance.overdueByKind, known: ComplianceKind.allCases.map(\.rawValue),
           help: "Open obligations past their due date, by kind.", into: &text)
    counts("imtop_compliance_overdue_by_severity", label: "severity", compliance.overdueBySeverity,
           known: Severity.allCases.map(\.rawValue), help: "Open obligations past their due date, by severity.", into: &text)
    text.family("imtop_compliance_on_time_closure_ratio", help: "Closed obligations closed by their due date over all closed (0..1).")
    text.sample(compliance.onTimeClosurePct.map { $0 / 100 })
    text.family("imtop_compliance_oldest_overdue_seconds", help: "Calendar days past due of the oldest overdue obligation, times 86400.")
    text.sample(compliance.oldestOverdueDays.map { $0 * 86_400 })
  }

  func portfolio(_ portfolio: PortfolioSummary, into text: inout OpenMetricsText) {
    for (label, map) in [
      ("category", portfolio.byCategory), ("sourcing", portfolio.bySourcing), ("lifecycle", portfolio.byLifecycle),
      ("criticality", portfolio.byCriticality),
    ] {
      counts("imtop_portfolio_\(label)_systems", label: label, map, help: "Systems by \(label).", into: &text)
    }
    text.family("imtop_portfolio_past_end_of_support", help: "Systems past their end of support.")
    text.sample(portfolio.pastEndOfSupport)
    text.family("imtop_portfolio_below_sla", help: "Systems whose 30-day availability is below their SLA.")
    text.sample(portfolio.belowSLA)
    text.family("imtop_portfolio_data_quality_ratio", help: "Systems with owner, criticality, lifecycle and sla all given (0..1).")
    text.sample(portfolio.dataQualityPct.map { $0 / 100 })
    text.family("imtop_portfolio_lacking_systems", help: "Systems lacking a data-quality field, by field.")
    for field in QualityField.allCases { text.sample(["field": field.rawValue], portfolio.lacking[field]?.count ?? 0) }
  }

  func governance(_ governance: GovernanceSummary, into text: inout OpenMetricsText) {
    if let training = governance.training {
      singles([
        ("imtop_training_required", Double(training.required), "People required to complete the mandatory training."),
        ("imtop_training_completed", Double(training.completed), "People who completed it."),
        ("imtop_training_overdue", Double(training.overdue), "Training rows past due with people outstanding."),
        ("imtop_training_people_outstanding", Double(training.peopleOutstanding), "People outstanding in overdue rows."),
        ("imtop_training_completion_ratio", training.completionPct.map { $0 / 100 }, "Completed over required (0..1)."),
      ], into: &text)
      text.family("imtop_training_course_completion_ratio", help: "Completed over required per course (0..1).")
      for course in training.byCourse.keys.sorted() {
        text.sample(["course": course], training.byCourse[course]?.completionPct.map { $0 / 100 })
      }
    }
    if let access = governance.access {
      singles([
        ("imtop_access_roles", Double(access.roles), "Roles in access.csv."),
        ("imtop_access_accounts", Double(access.accounts), "Accounts over all roles."),
        ("imtop_access_privileged_accounts", Double(access.privilegedAccounts), "Accounts in privileged roles."),
        ("imtop_access_overdue_roles", Double(access.overdueRoles), "Roles never reviewed or overdue for review."),
        ("imtop_access_privileged_in_overdue_roles", Double(access.privilegedInOverdueRoles), "Privileged accounts in overdue roles."),
        ("imtop_access_coverage_ratio", access.coveragePct.map { $0 / 100 }, "Accounts in roles not overdue over all accounts (0..1)."),
      ], into: &text)
      text.family("imtop_access_system_overdue_roles", help: "Overdue roles per system with rows in access.csv.")
      for system in access.bySystem.keys.sorted() { text.sample(["system": system], access.bySystem[system]?.overdueRoles) }
    }
    if let retention = governance.retention {
      singles([
        ("imtop_retention_series", Double(retention.series), "Record series in the retention schedule."),
        ("imtop_retention_past_retention", Double(retention.pastRetention), "Series past their disposal date, legal holds excluded."),
        ("imtop_retention_records_past_retention", Double(retention.recordsPastRetention), "Records of the series past retention."),
        ("imtop_retention_legal_holds", Double(retention.legalHolds), "Series on legal hold."),
        ("imtop_retention_worst_past_seconds", retention.worstDaysPast.map { Double($0 * 86_400) },
         "Calendar days past disposal of the worst series past retention, times 86400."),
      ], into: &text)
    }
    if let data = governance.data {
      counts("imtop_data_class_systems", label: "class", data.byClass, help: "Systems by data class.", into: &text)
      singles([
        ("imtop_personal_data_systems", Double(data.personalData), "Systems holding personal data."),
        ("imtop_sensitive_systems", Double(data.sensitive), "Systems confidential, restricted or holding personal data."),
      ], into: &text)
      text.family("imtop_sensitive_exposed", help: "1 for a sensitive system exposed (past end of support, overdue review or overdue item).")
      for system in data.exposed { text.sample(["system": system], 1) }
    }
  }

  /// Families of one unlabelled figure each: name, value (left out when nil), help.
  private func singles(_ families: [(String, Double?, String)], into text: inout OpenMetricsText) {
    for (name, value, help) in families {
      text.family(name, help: help)
      text.sample(value)
    }
  }

  /// A family of counts by one label, sorted; `known` values are written as 0 when the map lacks them.
  private func counts(
    _ name: String, label: String, _ map: [String: Int], known: [String] = [], help: String, into text: inout OpenMetricsText
  ) {
    text.family(name, help: help)
    for key in Set(known).union(map.keys).sorted() { text.sample([label: key], map[key] ?? 0) }
  }
}
