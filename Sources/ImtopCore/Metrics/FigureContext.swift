/// Every figure of the README's metric definitions at one instant, each computed on first use.
///
/// The engine reads all of them for the snapshot; a KPI trend evaluates its expression at past
/// instants and needs only what it names, so nothing is computed that no one asked for.
final class FigureContext {
  let input: EngineInput
  let now: Timestamp
  let latencyPoints: Int
  /// Figures of the input alone, whatever the instant: shared by a snapshot's context and its trend
  /// points, so that a KPI trend over 50,000 systems does not recount them per point.
  let timeless: TimelessFigures

  /// Budget summaries kept between recomputations: the engine's, shared with its trend points.
  let budgetMemo: BudgetSummaryMemo
  /// KPI expressions parsed at the last recomputation: the engine's.
  let kpiExpressions: KPIExpressionMemo
  /// What the inventory alone decides, kept between recomputations: the engine's.
  let inventoryMemo: InventoryMemo
  /// For a KPI trend's past point: the figures from the records alone kept between recomputations.
  let trendSession: TrendPointMemo.Session?
  /// The snapshot's context only: the systems' figures of the last recomputation, whose unchanged
  /// series the new ones share (`PortfolioMemo`). A trend point's systems are not kept.
  let portfolioMemo: PortfolioMemo?

  init(
    input: EngineInput, now: Timestamp, latencyPoints: Int = LatencyHistory.defaultCapacity, sharing other: FigureContext? = nil,
    budgetMemo: BudgetSummaryMemo? = nil, kpiExpressions: KPIExpressionMemo? = nil, inventoryMemo: InventoryMemo? = nil,
    trendSession: TrendPointMemo.Session? = nil, portfolioMemo: PortfolioMemo? = nil
  ) {
    self.input = input
    self.trendSession = trendSession
    self.portfolioMemo = portfolioMemo
    self.now = now
    self.latencyPoints = latencyPoints
    self.timeless = other?.timeless ?? TimelessFigures(input: input)
    self.budgetMemo = budgetMemo ?? other?.budgetMemo ?? BudgetSummaryMemo()
    self.kpiExpressions = kpiExpressions ?? other?.kpiExpressions ?? KPIExpressionMemo()
    self.inventoryMemo = inventoryMemo ?? other?.inventoryMemo ?? InventoryMemo()
  }

  /// The figures and metric aggregates KPI expressions named at this instant, each computed once
  /// however many KPIs name it: 10,000 KPIs on `availability(30d)` computed the portfolio's
  /// availability 150,000 times a recomputation, with their trends.
  var kpiFigures: [KPIFigure: Double?] = [:]
  var kpiAggregates: [KPIAggregateKey: Double?] = [:]

  var zone: Zone { input.configuration.zone }

  lazy var fiscalYear = FiscalYear(
    containing: now, startMonth: input.configuration.fiscalYearStart, zone: input.configuration.zone)

  /// The months of the monthly service figures, with their spans in the organisation's zone.
  lazy var reportedMonths = MonthlyLedger.reportedMonths(of: fiscalYear, zone: zone, at: now)

  lazy var incidents = IncidentSummary(incidents: input.incidents, at: now)

  lazy var budget = budgetMemo.summary(lines: input.budget, systems: input.systems, fiscalYear: fiscalYear, today: zone.date(of: now))

  lazy var compliance = ComplianceSummary(items: input.compliance, at: now, zone: zone)

  lazy var governance = GovernanceSummary(training: training, access: access, retention: retention, data: dataClasses)

  // The parts of `governance`, each computed only when something names it: a KPI trend point needs
  // one figure of one of them.
  lazy var training = GovernanceSummary.training(input, at: now)
  lazy var access = GovernanceSummary.access(input, at: now)
  lazy var retention = GovernanceSummary.retention(input, at: now)
  lazy var dataClasses = GovernanceSummary.data(input, at: now)

  /// Compliance items overdue, without the rest of `compliance` (sorted lists): a KPI trend point's need.
  lazy var overdueCompliance = ComplianceSummary.overdueCount(input.compliance, at: now, zone: zone)

  /// Open incidents per priority, without the lists of `incidents` (sorted for the panels): what the
  /// KPIs need at every trend point.
  lazy var openIncidents = IncidentSummary.openCounts(input.incidents, at: now)

  /// Every system of the inventory, in file order (ids it lacks are `EngineInput.unregistered`).
  lazy var systems: [SystemHealth] = SystemHealth.portfolio(of: self)

  /// What the inventory alone decides (its dependency graph, the portfolio's counts of records).
  lazy var inventory = inventoryMemo.figures(of: input.systems)

  /// The `depends_on` graph of the inventory, in file order (as `systems`).
  var dependencies: DependencyGraph { inventory.graph }

  lazy var portfolio: PortfolioSummary = {
    var summary = inventory.portfolio
    summary.pastEndOfSupport = pastEndOfSupportCount
    summary.belowSLA = PortfolioSummary.belowSLA(systems)
    return summary
  }()

  /// Availability over every inventory system together, time-weighted: all their up and degraded
  /// time over all their up, degraded and down time.
  func availability(over window: Span) -> Double? {
    var total = StateDurations()
    for timeline in timeless.inventoryTimelines {
      guard let durations = timeline?.durations(over: window, at: now) else { continue }
      total.add(.up, durations.serving)
      total.add(.down, durations.down)
    }
    return total.availability
  }

  func availability(of system: String, over window: Span) -> Double? {
    input.timelines[system]?.durations(over: window, at: now).availability
  }

  /// Of the inventory systems with an SLA and a known 30d availability, how many there are and how
  /// many meet their SLA (the others are below it).
  /// Counted from each system's SLA and 30d availability alone, not its whole health: KPI trends
  /// need it at every trend point.
  lazy var slaJudged: (judged: Int, meeting: Int) = {
    let records = input.systems
    let timelines = timeless.inventoryTimelines
    var tally = (judged: 0, meeting: 0)
    // Through the buffer: `timelines[position]?` copied each timeline (a retain and a release),
    // once per system at each of a KPI trend's points.
    timelines.withUnsafeBufferPointer { timelines in
      for position in records.indices {
        guard let sla = records[position].sla,
          let availability = timelines[position]?.durations(over: Window.month.span, at: now).availability
        else { continue }
        tally.judged += 1
        if availability >= sla { tally.meeting += 1 }
      }
    }
    return tally
  }()

  /// % of inventory systems with an SLA and a known 30d availability that meet it; nil when none has both.
  var systemsMeetingSLA: Double? {
    slaJudged.judged > 0 ? Double(slaJudged.meeting) / Double(slaJudged.judged) * 100 : nil
  }

  /// Inventory systems whose 30d availability is below their SLA.
  var belowSLACount: Int { slaJudged.judged - slaJudged.meeting }

  var pastEndOfSupportCount: Int { PortfolioSummary.pastEndOfSupport(input.systems, today: zone.date(of: now)) }

  var dataQualityPct: Double? { inventory.portfolio.dataQualityPct }

  var currencyDigits: Int { CurrencyInfo.minorDigits(input.configuration.effectiveCurrency) }
}

/// The figures of an `EngineInput` that do not depend on the instant (see `FigureContext.timeless`).
final class TimelessFigures {
  let input: EngineInput

  init(input: EngineInput) {
    self.input = input
  }

  /// Each inventory system's state runs, in file order: looked up once per snapshot rather than
  /// once per trend point and figure.
  lazy var inventoryTimelines: [StatusTimeline?] = input.systems.map { input.timelines[$0.id] }

  /// Training completion, when there is a `training.csv`: from its rows alone.
  lazy var trainingCompletionPct: Double? =
    input.has(.training) ? TrainingSummary.completionPct(of: input.training) : nil
}
