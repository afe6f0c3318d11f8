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

  init(input: EngineInput, now: Timestamp, latencyPoints: Int = 48, sharing other: FigureContext? = nil) {
    self.input = input
    self.now = now
    self.latencyPoints = latencyPoints
    self.timeless = other?.timeless ?? TimelessFigures(input: input, today: input.configuration.zone.date(of: now))
  }

  var zone: Zone { input.configuration.zone }

  lazy var fiscalYear = FiscalYear(
    containing: now, startMonth: input.configuration.fiscalYearStart, zone: input.configuration.zone)

  /// The months of the monthly service figures, with their spans in the organisation's zone.
  lazy var reportedMonths = MonthlyLedger.reportedMonths(of: fiscalYear, zone: zone, at: now)

  lazy var incidents = IncidentSummary(incidents: input.incidents, at: now)

  lazy var budget = BudgetSummary(
    lines: input.budget, systems: input.systems, fiscalYear: fiscalYear, today: zone.date(of: now))

  lazy var compliance = ComplianceSummary(items: input.compliance, at: now, zone: zone)

  lazy var governance = GovernanceSummary(input: input, at: now)

  /// Every system of the inventory, in file order (ids it lacks are `EngineInput.unregistered`).
  lazy var systems: [SystemHealth] = SystemHealth.portfolio(of: self)

  /// The `depends_on` graph of the inventory, in file order (as `systems`).
  lazy var dependencies = DependencyGraph(systems: input.systems)

  lazy var portfolio = PortfolioSummary(inventory: systems, today: zone.date(of: now))

  /// 30d availability of each inventory system, without the rest of its health (for KPI trends).
  lazy var inventoryAvailability30d: [(record: SystemRecord, availability: Double?)] = input.systems.map {
    ($0, input.timelines[$0.id]?.durations(over: Window.month.span, at: now).availability)
  }

  /// Availability over every inventory system together, time-weighted: all their up and degraded
  /// time over all their up, degraded and down time.
  func availability(over window: Span) -> Double? {
    var total = StateDurations()
    for record in input.systems {
      guard let durations = input.timelines[record.id]?.durations(over: window, at: now) else { continue }
      total.add(.up, durations.serving)
      total.add(.down, durations.down)
    }
    return total.availability
  }

  func availability(of system: String, over window: Span) -> Double? {
    input.timelines[system]?.durations(over: window, at: now).availability
  }

  /// % of inventory systems with an SLA and a known 30d availability that meet it; nil when none has both.
  var systemsMeetingSLA: Double? {
    let judged = inventoryAvailability30d.compactMap { entry -> Bool? in
      guard let sla = entry.record.sla, let availability = entry.availability else { return nil }
      return availability >= sla
    }
    guard !judged.isEmpty else { return nil }
    return Double(judged.filter { $0 }.count) / Double(judged.count) * 100
  }

  /// Inventory systems whose 30d availability is below their SLA.
  var belowSLACount: Int {
    inventoryAvailability30d.filter { entry in
      guard let sla = entry.record.sla, let availability = entry.availability else { return false }
      return availability < sla
    }.count
  }

  var pastEndOfSupportCount: Int {
    let today = zone.date(of: now)
    return input.systems.filter { $0.endOfSupport.map { $0 < today } ?? false }.count
  }

  var dataQualityPct: Double? { timeless.dataQualityPct }

  var currencyDigits: Int { CurrencyInfo.minorDigits(input.configuration.effectiveCurrency) }
}

/// The figures of an `EngineInput` that do not depend on the instant (see `FigureContext.timeless`).
final class TimelessFigures {
  let input: EngineInput
  /// The snapshot's own date, for the summaries that take one (no figure here depends on it).
  let today: LocalDate

  init(input: EngineInput, today: LocalDate) {
    self.input = input
    self.today = today
  }

  /// The portfolio's data quality: from the records alone.
  lazy var dataQualityPct: Double? =
    PortfolioSummary(inventory: input.systems.map { SystemHealth(record: $0) }, today: today).dataQualityPct
}
