/// The governance figures of the README's metric definitions: training, access reviews, records
/// retention and sensitive data. A part is nil when the file it comes from is absent (for `data`:
/// when `systems.csv` has neither a `data_class` nor a `personal_data` column).
public struct GovernanceSummary: Sendable, Hashable {
  public var training: TrainingSummary?
  public var access: AccessSummary?
  public var retention: RetentionSummary?
  public var data: DataClassSummary?

  public init(
    training: TrainingSummary? = nil, access: AccessSummary? = nil, retention: RetentionSummary? = nil,
    data: DataClassSummary? = nil
  ) {
    self.training = training
    self.access = access
    self.retention = retention
    self.data = data
  }
}

/// Completion of the mandatory training, from `training.csv`.
public struct TrainingSummary: Sendable, Hashable {
  public var required = 0
  public var completed = 0
  /// Σ completed / Σ required × 100; nil when Σ required is 0.
  public var completionPct: Double?
  /// Rows past due with people outstanding.
  public var overdue = 0
  /// Σ (required − completed) over overdue rows.
  public var peopleOutstanding = 0
  public var byCourse: [String: CourseCompletion] = [:]
  /// Every row, overdue first (most people outstanding first), then by due date.
  public var rows: [TrainingRow] = []
  /// The rows overdue at the snapshot's instant, in `rows` order.
  public var overdueRows: [TrainingRow] = []

  public init() {}
}

/// One course's totals over its audiences.
public struct CourseCompletion: Sendable, Hashable {
  public var required = 0
  public var completed = 0
  /// Also counted: how many of its rows are overdue, and the people outstanding in them.
  public var overdueRows = 0
  public var peopleOutstanding = 0

  public init(required: Int = 0, completed: Int = 0) {
    self.required = required
    self.completed = completed
  }

  /// Nil when the required total is 0.
  public var completionPct: Double? { required > 0 ? Double(completed) / Double(required) * 100 : nil }
}

/// Roles, accounts and their reviews, from `access.csv`.
public struct AccessSummary: Sendable, Hashable {
  public var roles = 0
  public var accounts = 0
  public var privilegedAccounts = 0
  public var overdueRoles = 0
  /// Accounts in roles not overdue / all accounts × 100; nil with no accounts.
  public var coveragePct: Double?
  public var privilegedInOverdueRoles = 0
  /// Only systems that have rows.
  public var bySystem: [String: SystemAccess] = [:]
  /// The overdue roles, privileged first, then never reviewed, then longest overdue, then most accounts.
  public var overdueList: [AccessRole] = []
  /// Every role, in file order (for a system's detail).
  public var allRoles: [AccessRole] = []

  public init() {}
}

/// One system's accounts and overdue roles.
public struct SystemAccess: Sendable, Hashable {
  public var accounts = 0
  public var privilegedAccounts = 0
  public var overdueRoles = 0

  public init(accounts: Int = 0, privilegedAccounts: Int = 0, overdueRoles: Int = 0) {
    self.accounts = accounts
    self.privilegedAccounts = privilegedAccounts
    self.overdueRoles = overdueRoles
  }
}

/// The records retention schedule, from `retention.csv`.
public struct RetentionSummary: Sendable, Hashable {
  public var series = 0
  /// Series whose disposal date has passed, legal holds excluded.
  public var pastRetention = 0
  public var recordsPastRetention = 0
  public var legalHolds = 0
  /// Calendar days past disposal of the worst series past retention; nil when none is.
  public var worstDaysPast: Int?
  /// Series whose disposal date has passed (legal holds included, marked), most days past first.
  public var pastDisposal: [(series: RetentionSeries, daysPast: Int)] = []
  /// Every series, in file order (for a system's detail).
  public var schedule: [RetentionSeries] = []

  public init() {}

  public static func == (lhs: RetentionSummary, rhs: RetentionSummary) -> Bool {
    (lhs.series, lhs.pastRetention, lhs.recordsPastRetention, lhs.legalHolds, lhs.worstDaysPast)
      == (rhs.series, rhs.pastRetention, rhs.recordsPastRetention, rhs.legalHolds, rhs.worstDaysPast)
      && lhs.pastDisposal.map(\.series) == rhs.pastDisposal.map(\.series) && lhs.schedule == rhs.schedule
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(series)
    hasher.combine(pastRetention)
    hasher.combine(pastDisposal.map(\.series))
  }
}

/// Why a sensitive system is exposed.
public enum ExposureReason: String, Sendable, Hashable, CaseIterable {
  case pastEndOfSupport = "past end of support"
  case overdueAccessReview = "access review overdue"
  case overdueComplianceItem = "overdue high or critical item"
}

/// Data classes and sensitive systems, from `systems.csv`.
public struct DataClassSummary: Sendable, Hashable {
  /// Lower-case class (`unknown` when empty) → systems.
  public var byClass: [String: Int] = [:]
  public var personalData = 0
  public var sensitive = 0
  /// Ids of the exposed sensitive systems, sorted.
  public var exposed: [String] = []
  /// Why each exposed system is, in `ExposureReason` order.
  public var reasons: [String: [ExposureReason]] = [:]

  public init() {}
}
