/// Incident figures of the README's metric definitions.
public struct IncidentSummary: Sendable, Hashable {
  /// Open incidents per priority (every priority present, 0 when none).
  public var open: [Priority: Int]
  public var mttrMinutes: Windowed<Double?>
  public var mttaMinutes: Windowed<Double?>
  /// The open incidents themselves, most urgent first, for panels and detail views.
  public var openList: [Incident]
  /// Open incidents not acknowledged at `asOf`, per priority (every priority present, 0 when none).
  public var unacknowledged: [Priority: Int]
  /// MTTR and MTTA over the 30 days ending at `asOf`, per priority (every priority present).
  public var byPriority30d: [Priority: ResponseTimes]
  /// The incidents resolved inside the 30 days ending at `asOf`, latest resolution first.
  public var resolvedList: [Incident]

  /// Mean minutes to resolve and to acknowledge; nil when no incident got there in the window.
  public struct ResponseTimes: Sendable, Hashable {
    public var mttrMinutes: Double?
    public var mttaMinutes: Double?

    public init(mttrMinutes: Double?, mttaMinutes: Double?) {
      self.mttrMinutes = mttrMinutes
      self.mttaMinutes = mttaMinutes
    }
  }

  public init(
    open: [Priority: Int], mttrMinutes: Windowed<Double?>, mttaMinutes: Windowed<Double?>, openList: [Incident],
    unacknowledged: [Priority: Int] = [:], byPriority30d: [Priority: ResponseTimes] = [:], resolvedList: [Incident] = []
  ) {
    self.open = open
    self.mttrMinutes = mttrMinutes
    self.mttaMinutes = mttaMinutes
    self.openList = openList
    self.unacknowledged = unacknowledged
    self.byPriority30d = byPriority30d
    self.resolvedList = resolvedList
  }
}

/// Planned and actual money for one slice of the budget (a category, a system, a month...).
public struct BudgetFigures: Sendable, Hashable {
  public var annualPlanned: Money
  public var plannedYTD: Money
  public var actualYTD: Money

  public init(annualPlanned: Money = .zero, plannedYTD: Money = .zero, actualYTD: Money = .zero) {
    self.annualPlanned = annualPlanned
    self.plannedYTD = plannedYTD
    self.actualYTD = actualYTD
  }
}

/// Planned and actual totals of one fiscal month (for the bar chart and the burn sparkline).
public struct MonthFigures: Sendable, Hashable {
  public var month: YearMonth
  public var planned: Money
  /// nil when no line of that month has an actual yet.
  public var actual: Money?

  public init(month: YearMonth, planned: Money, actual: Money?) {
    self.month = month
    self.planned = planned
    self.actual = actual
  }
}

/// Budget figures for the fiscal year containing `asOf`.
public struct BudgetSummary: Sendable, Hashable {
  public var ytdMonths: [YearMonth]
  public var totals: BudgetFigures
  public var variancePct: Double?
  public var forecastYearEnd: Money?
  public var varianceAtCompletion: Money?
  public var burnRate: Money?
  public var runwayMonths: Double?
  public var byCategory: [String: BudgetFigures]
  public var byType: [String: BudgetFigures]
  public var bySourcing: [String: BudgetFigures]
  public var bySystem: [String: BudgetFigures]
  /// Every month of the fiscal year, in order; a month's actual counts only once the month has closed.
  public var months: [MonthFigures]
  /// Σ actual of the fiscal year's lines for months that have not closed (the current one included),
  /// which counts in no other figure.
  public var bookedAhead: Money

  public init(
    ytdMonths: [YearMonth], totals: BudgetFigures, variancePct: Double?, forecastYearEnd: Money?,
    varianceAtCompletion: Money?, burnRate: Money?, runwayMonths: Double?, byCategory: [String: BudgetFigures],
    byType: [String: BudgetFigures], bySourcing: [String: BudgetFigures], bySystem: [String: BudgetFigures],
    months: [MonthFigures], bookedAhead: Money = .zero
  ) {
    self.ytdMonths = ytdMonths
    self.totals = totals
    self.variancePct = variancePct
    self.forecastYearEnd = forecastYearEnd
    self.varianceAtCompletion = varianceAtCompletion
    self.burnRate = burnRate
    self.runwayMonths = runwayMonths
    self.byCategory = byCategory
    self.byType = byType
    self.bySourcing = bySourcing
    self.bySystem = bySystem
    self.months = months
    self.bookedAhead = bookedAhead
  }
}

/// Compliance figures of the README's metric definitions.
public struct ComplianceSummary: Sendable, Hashable {
  public var open: Int
  public var overdue: Int
  public var overdueByKind: [String: Int]
  public var overdueBySeverity: [String: Int]
  public var onTimeClosurePct: Double?
  public var oldestOverdueDays: Int?
  /// Open items, overdue first (most days past due first), for panels and detail views.
  public var openItems: [ComplianceItem]

  public init(
    open: Int, overdue: Int, overdueByKind: [String: Int], overdueBySeverity: [String: Int],
    onTimeClosurePct: Double?, oldestOverdueDays: Int?, openItems: [ComplianceItem]
  ) {
    self.open = open
    self.overdue = overdue
    self.overdueByKind = overdueByKind
    self.overdueBySeverity = overdueBySeverity
    self.onTimeClosurePct = onTimeClosurePct
    self.oldestOverdueDays = oldestOverdueDays
    self.openItems = openItems
  }
}

/// Portfolio counts of the README's metric definitions.
public struct PortfolioSummary: Sendable, Hashable {
  public var byCategory: [String: Int]
  public var bySourcing: [String: Int]
  public var byLifecycle: [String: Int]
  public var byCriticality: [String: Int]
  public var pastEndOfSupport: Int
  public var belowSLA: Int
  public var dataQualityPct: Double?
  /// For each data-quality field, the ids of the systems that lack it, sorted (a field no
  /// system lacks is left out): what to fix to raise `dataQualityPct`.
  public var lacking: [QualityField: [String]]

  public init(
    byCategory: [String: Int], bySourcing: [String: Int], byLifecycle: [String: Int], byCriticality: [String: Int],
    pastEndOfSupport: Int, belowSLA: Int, dataQualityPct: Double?, lacking: [QualityField: [String]] = [:]
  ) {
    self.byCategory = byCategory
    self.bySourcing = bySourcing
    self.byLifecycle = byLifecycle
    self.byCriticality = byCriticality
    self.pastEndOfSupport = pastEndOfSupport
    self.belowSLA = belowSLA
    self.dataQualityPct = dataQualityPct
    self.lacking = lacking
  }

  /// Systems that lack at least one data-quality field.
  public var incompleteCount: Int { Set(lacking.values.joined()).count }
}

/// A KPI evaluated at `asOf`.
public struct KPIResult: Sendable, Hashable {
  public var definition: KPIDefinition
  public var value: Double?
  public var status: KPIStatus
  /// Recent values for the trend sparkline, oldest first.
  public var trend: [Double?]
  /// The time between two trend values (one day): the trend covers `trend.count` of them.
  public var trendStep: Span = .days(1)
  /// Why there is no value: a bad expression (with its column) or a failed evaluation.
  public var error: String?
  public var isBuiltIn: Bool
  /// The value is an amount of money (`forecast()`, `burn_rate()`), hidden when costs are redacted.
  public var isMoney = false

  public init(definition: KPIDefinition, value: Double?, status: KPIStatus, trend: [Double?] = [], error: String? = nil, isBuiltIn: Bool) {
    self.definition = definition
    self.value = value
    self.status = status
    self.trend = trend
    self.error = error
    self.isBuiltIn = isBuiltIn
  }
}

/// The state of the data behind the figures.
public struct DataSummary: Sendable, Hashable {
  public var files: [FileReport]
  public var issues: [DataIssue]
  /// Kinds whose files are missing (a panel names the file it wants).
  public var missingKinds: [FileKind]
  /// Ids that records name and `systems.csv` lacks: no system row, listed here to be fixed.
  public var unregistered: [UnregisteredSystem]

  public init(files: [FileReport], issues: [DataIssue], missingKinds: [FileKind], unregistered: [UnregisteredSystem] = []) {
    self.files = files
    self.issues = issues
    self.missingKinds = missingKinds
    self.unregistered = unregistered
  }
}
