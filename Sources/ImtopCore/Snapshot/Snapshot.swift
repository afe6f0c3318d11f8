/// Every figure of the README's metric definitions at one instant: the immutable value the screens and
/// `imtop snapshot` render. Money is exact (minor units); percentages are 0...100; nil means
/// "cannot be computed" (shown as `—` and written as JSON `null`), never 0.
public struct Snapshot: Sendable {
  public var asOf: Timestamp
  public var organization: OrganizationSummary
  public var systems: [SystemHealth]
  public var incidents: IncidentSummary
  public var budget: BudgetSummary
  public var compliance: ComplianceSummary
  public var portfolio: PortfolioSummary
  /// Training, access reviews, retention and data classes (each nil when its file is absent).
  public var governance = GovernanceSummary()
  public var kpis: [KPIResult]
  public var data: DataSummary
  /// The `depends_on` graph of `systems` (node `i` is `systems[i]`): the transitive dependency trees
  /// the screens draw come from it (`dependencies.tree(of:_:)`).
  public var dependencies: DependencyGraph

  public init(
    asOf: Timestamp, organization: OrganizationSummary, systems: [SystemHealth], incidents: IncidentSummary,
    budget: BudgetSummary, compliance: ComplianceSummary, portfolio: PortfolioSummary, kpis: [KPIResult],
    data: DataSummary, dependencies: DependencyGraph? = nil
  ) {
    self.asOf = asOf
    self.organization = organization
    self.systems = systems
    self.incidents = incidents
    self.budget = budget
    self.compliance = compliance
    self.portfolio = portfolio
    self.kpis = kpis
    self.data = data
    self.dependencies = dependencies ?? DependencyGraph(systems: systems.map(\.record))
  }
}

public struct OrganizationSummary: Sendable, Hashable {
  public var name: String
  public var currency: String
  public var fiscalYearStart: YearMonth
  public var fiscalYearEnd: YearMonth

  public init(name: String, currency: String, fiscalYearStart: YearMonth, fiscalYearEnd: YearMonth) {
    self.name = name
    self.currency = currency
    self.fiscalYearStart = fiscalYearStart
    self.fiscalYearEnd = fiscalYearEnd
  }
}

/// The three windows every rate is given over.
public enum Window: String, CaseIterable, Sendable, Hashable {
  case day = "24h", week = "7d", month = "30d"

  public var span: Span {
    switch self {
    case .day: return .hours(24)
    case .week: return .days(7)
    case .month: return .days(30)
    }
  }
}

/// A value per window (availability, coverage, MTTR...).
public struct Windowed<Value: Sendable & Hashable>: Sendable, Hashable {
  public var day: Value
  public var week: Value
  public var month: Value

  public init(day: Value, week: Value, month: Value) {
    self.day = day
    self.week = week
    self.month = month
  }

  public subscript(window: Window) -> Value {
    switch window {
    case .day: return day
    case .week: return week
    case .month: return month
    }
  }
}
