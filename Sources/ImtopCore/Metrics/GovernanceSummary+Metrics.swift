/// The governance figures of an input at an instant, `today` being its date in the organisation's
/// zone: each part on its own, computed only when its file is present (`FigureContext` puts them
/// together, and a KPI trend point, which needs one figure of one part, computes only that part).
extension GovernanceSummary {
  /// From `training.csv`, when there is one.
  static func training(_ input: EngineInput, at now: Timestamp) -> TrainingSummary? {
    guard input.has(.training) else { return nil }
    return TrainingSummary(rows: input.training, at: now, zone: input.configuration.zone)
  }

  /// From `access.csv`, when there is one.
  static func access(_ input: EngineInput, at now: Timestamp) -> AccessSummary? {
    guard input.has(.access) else { return nil }
    return AccessSummary(roles: input.access, today: input.configuration.zone.date(of: now))
  }

  /// From `retention.csv`, when there is one.
  static func retention(_ input: EngineInput, at now: Timestamp) -> RetentionSummary? {
    guard input.has(.retention) else { return nil }
    return RetentionSummary(series: input.retention, today: input.configuration.zone.date(of: now))
  }

  /// From `systems.csv`, when it describes the data systems hold (a `data_class` or `personal_data` column).
  static func data(_ input: EngineInput, at now: Timestamp) -> DataClassSummary? {
    guard input.systems.contains(where: \.describesData) else { return nil }
    return DataClassSummary(
      systems: input.systems, access: input.access, compliance: input.compliance, at: now, zone: input.configuration.zone)
  }
}

extension TrainingSummary {
  /// Σ completed / Σ required × 100; nil when Σ required is 0. Not a matter of the instant.
  static func completionPct(of rows: [TrainingRow]) -> Double? {
    completionPct(required: rows.reduce(0) { $0 + $1.required }, completed: rows.reduce(0) { $0 + $1.completed })
  }

  private static func completionPct(required: Int, completed: Int) -> Double? {
    required > 0 ? Double(completed) / Double(required) * 100 : nil
  }

  public init(rows: [TrainingRow], at now: Timestamp, zone: Zone) {
    self.init()
    for row in rows {
      required += row.required
      completed += row.completed
      byCourse[row.course, default: CourseCompletion()].required += row.required
      byCourse[row.course, default: CourseCompletion()].completed += row.completed
      guard row.isOverdue(at: now, zone: zone) else { continue }
      overdue += 1
      peopleOutstanding += row.outstanding
      byCourse[row.course]?.overdueRows += 1
      byCourse[row.course]?.peopleOutstanding += row.outstanding
    }
    completionPct = Self.completionPct(required: required, completed: completed)
    let keyed = rows.map { (row: $0, overdue: $0.isOverdue(at: now, zone: zone), due: $0.due.overdueFrom(in: zone)) }
    self.rows = keyed.sorted { lhs, rhs in
      if lhs.overdue != rhs.overdue { return lhs.overdue }
      if lhs.overdue && lhs.row.outstanding != rhs.row.outstanding { return lhs.row.outstanding > rhs.row.outstanding }
      return (lhs.due, lhs.row.course, lhs.row.audience) < (rhs.due, rhs.row.course, rhs.row.audience)
    }.map(\.row)
    overdueRows = self.rows.filter { $0.isOverdue(at: now, zone: zone) }
  }
}

extension AccessSummary {
  public init(roles list: [AccessRole], today: LocalDate) {
    self.init()
    allRoles = list
    var reviewed = 0
    var overdue: [AccessRole] = []
    for role in list {
      roles += 1
      accounts += role.accounts
      bySystem[role.system, default: SystemAccess()].accounts += role.accounts
      if role.privileged {
        privilegedAccounts += role.accounts
        bySystem[role.system]?.privilegedAccounts += role.accounts
      }
      guard role.isOverdue(today: today) else {
        reviewed += role.accounts
        continue
      }
      overdueRoles += 1
      bySystem[role.system]?.overdueRoles += 1
      if role.privileged { privilegedInOverdueRoles += role.accounts }
      overdue.append(role)
    }
    coveragePct = accounts > 0 ? Double(reviewed) / Double(accounts) * 100 : nil
    overdueList = overdue.sorted { lhs, rhs in
      if lhs.privileged != rhs.privileged { return lhs.privileged }
      let left = lhs.reviewDue?.dayNumber ?? .min
      let right = rhs.reviewDue?.dayNumber ?? .min
      if left != right { return left < right }
      if lhs.accounts != rhs.accounts { return lhs.accounts > rhs.accounts }
      return (lhs.system, lhs.role) < (rhs.system, rhs.role)
    }
  }
}

extension RetentionSummary {
  public init(series list: [RetentionSeries], today: LocalDate) {
    self.init()
    schedule = list
    var past: [(series: RetentionSeries, daysPast: Int)] = []
    for entry in list {
      series += 1
      if entry.legalHold { legalHolds += 1 }
      guard let days = entry.daysPastDisposal(today: today) else { continue }
      past.append((entry, days))
      guard !entry.legalHold else { continue }
      pastRetention += 1
      recordsPastRetention += entry.records ?? 0
      worstDaysPast = max(worstDaysPast ?? days, days)
    }
    pastDisposal = past.sorted { lhs, rhs in
      lhs.daysPast != rhs.daysPast ? lhs.daysPast > rhs.daysPast : lhs.series.series < rhs.series.series
    }
  }
}

extension DataClassSummary {
  /// Classes and exposure of the inventory's systems.
  public init(systems: [SystemRecord], access: [AccessRole], compliance: [ComplianceItem], at now: Timestamp, zone: Zone) {
    self.init()
    let today = zone.date(of: now)
    let overdueRoleSystems = Set(access.filter { $0.isOverdue(today: today) }.map(\.system))
    let overdueItemSystems = Set(
      compliance.filter { item in
        item.severity >= .high && item.isOverdue(at: now, zone: zone)
      }.compactMap(\.system))
    for system in systems {
      byClass[system.dataClass?.rawValue ?? "unknown", default: 0] += 1
      if system.personalData { personalData += 1 }
      guard system.isSensitive else { continue }
      sensitive += 1
      var why: [ExposureReason] = []
      if system.endOfSupport.map({ $0 < today }) ?? false { why.append(.pastEndOfSupport) }
      if overdueRoleSystems.contains(system.id) { why.append(.overdueAccessReview) }
      if overdueItemSystems.contains(system.id) { why.append(.overdueComplianceItem) }
      if !why.isEmpty { reasons[system.id] = why }
    }
    exposed = reasons.keys.sorted()
  }
}

extension SystemRecord {
  /// Confidential or restricted data, or personal data.
  public var isSensitive: Bool { (dataClass?.isSensitive ?? false) || personalData }
}
