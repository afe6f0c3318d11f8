/// The `governance` object of the JSON snapshot: each part `null` when its file is absent.
extension SnapshotJSONWriter {
  func governance(_ governance: GovernanceSummary) -> JSONValue {
    .object([
      ("training", governance.training.map(training) ?? .null),
      ("access", governance.access.map(access) ?? .null),
      ("retention", governance.retention.map(retention) ?? .null),
      ("data", governance.data.map(dataClasses) ?? .null),
    ])
  }

  private func training(_ training: TrainingSummary) -> JSONValue {
    .object([
      ("required", integer(training.required)),
      ("completed", integer(training.completed)),
      ("completion_pct", .double(training.completionPct)),
      ("overdue", integer(training.overdue)),
      ("people_outstanding", integer(training.peopleOutstanding)),
      (
        "by_course",
        keyed(training.byCourse) { totals in
          .object([
            ("required", integer(totals.required)), ("completed", integer(totals.completed)),
            ("completion_pct", .double(totals.completionPct)),
          ])
        }
      ),
    ])
  }

  private func access(_ access: AccessSummary) -> JSONValue {
    .object([
      ("roles", integer(access.roles)),
      ("accounts", integer(access.accounts)),
      ("privileged_accounts", integer(access.privilegedAccounts)),
      ("overdue_roles", integer(access.overdueRoles)),
      ("coverage_pct", .double(access.coveragePct)),
      ("privileged_in_overdue_roles", integer(access.privilegedInOverdueRoles)),
      (
        "by_system",
        keyed(access.bySystem) { figures in
          .object([
            ("accounts", integer(figures.accounts)), ("privileged_accounts", integer(figures.privilegedAccounts)),
            ("overdue_roles", integer(figures.overdueRoles)),
          ])
        }
      ),
    ])
  }

  private func retention(_ retention: RetentionSummary) -> JSONValue {
    .object([
      ("series", integer(retention.series)),
      ("past_retention", integer(retention.pastRetention)),
      ("records_past_retention", integer(retention.recordsPastRetention)),
      ("legal_holds", integer(retention.legalHolds)),
      ("worst_days_past", retention.worstDaysPast.map(integer) ?? .null),
    ])
  }

  private func dataClasses(_ data: DataClassSummary) -> JSONValue {
    .object([
      ("by_class", counts(data.byClass)),
      ("personal_data", integer(data.personalData)),
      ("sensitive", integer(data.sensitive)),
      ("exposed", .array(data.exposed.map { .string($0) })),
    ])
  }

  private func integer(_ value: Int) -> JSONValue { .integer(Int64(value)) }

  /// A map as an object sorted by key, so two runs give the same bytes.
  private func keyed<Value>(_ map: [String: Value], _ value: (Value) -> JSONValue) -> JSONValue {
    .object(map.sorted { $0.key < $1.key }.map { ($0.key, value($0.value)) })
  }
}
