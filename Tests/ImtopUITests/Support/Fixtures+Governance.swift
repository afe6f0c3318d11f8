import ImtopCore

/// The fixture organisation's governance: data classes, training, roles and records retention.
extension Fixtures {
  static let dataClasses: [String: (dataClass: DataClass, personal: Bool)] = [
    "erp": (.confidential, false), "crm": (.confidential, true), "wan": (.internal, false), "rms": (.restricted, true),
    "hr": (.restricted, true), "db": (.restricted, true), "mail": (.internal, true), "laptops": (.internal, true),
    "siem": (.confidential, false),
  ]

  /// `systems` with their data class and personal data.
  static func classified(_ systems: [SystemHealth]) -> [SystemHealth] {
    systems.map { system in
      var system = system
      system.record.dataClass = dataClasses[system.id]?.dataClass
      system.record.personalData = dataClasses[system.id]?.personal ?? false
      system.record.describesData = true
      return system
    }
  }

  static let trainingRows: [TrainingRow] = [
    TrainingRow(course: "Security awareness", audience: "All staff", required: 2_400, completed: 2_150,
                due: .date(LocalDate(year: 2026, month: 10, day: 31))),
    TrainingRow(course: "Data protection", audience: "HR", required: 60, completed: 41,
                due: .date(LocalDate(year: 2026, month: 11, day: 15)), system: "hr"),
    TrainingRow(course: "Records handling", audience: "Records Office", required: 25, completed: 25,
                due: .date(LocalDate(year: 2026, month: 9, day: 30)), system: "rms"),
    TrainingRow(course: "Privileged access", audience: "Administrators", required: 30, completed: 12,
                due: .date(LocalDate(year: 2026, month: 12, day: 20))),
  ]

  static let accessRoles: [AccessRole] = [
    AccessRole(system: "erp", role: "Administrator", accounts: 4, privileged: true),
    AccessRole(system: "erp", role: "Buyer", accounts: 120, lastReview: LocalDate(year: 2026, month: 2, day: 1)),
    AccessRole(system: "hr", role: "Payroll admin", accounts: 3, privileged: true, lastReview: LocalDate(year: 2026, month: 7, day: 1)),
    AccessRole(system: "hr", role: "Employee", accounts: 2_350, lastReview: LocalDate(year: 2026, month: 3, day: 1)),
    AccessRole(system: "db", role: "DBA", accounts: 5, privileged: true, lastReview: LocalDate(year: 2026, month: 10, day: 1)),
    AccessRole(system: "crm", role: "Sales", accounts: 420, lastReview: LocalDate(year: 2025, month: 9, day: 1)),
  ]

  static let retentionSeries: [RetentionSeries] = [
    RetentionSeries(series: "Supplier invoices", system: "erp", retention: RetentionPeriod(amount: 10, unit: .years),
                    oldest: LocalDate(year: 2016, month: 2, day: 29), records: 18_400, legalHold: true),
    RetentionSeries(series: "Leavers' files", system: "hr", retention: RetentionPeriod(amount: 6, unit: .years),
                    oldest: LocalDate(year: 2020, month: 8, day: 1), records: 212),
    RetentionSeries(series: "Council minutes", system: "rms", retention: RetentionPeriod(amount: 30, unit: .years),
                    oldest: LocalDate(year: 2001, month: 1, day: 1), records: 3_100),
  ]

  static func governance(_ systems: [SystemHealth]) -> GovernanceSummary {
    let today = LocalDate(year: 2026, month: 11, day: 28)
    return GovernanceSummary(
      training: TrainingSummary(rows: trainingRows, at: now, zone: .utc),
      access: AccessSummary(roles: accessRoles, today: today),
      retention: RetentionSummary(series: retentionSeries, today: today),
      data: DataClassSummary(systems: systems.map(\.record), access: accessRoles, compliance: complianceItems, at: now, zone: .utc))
  }
}
