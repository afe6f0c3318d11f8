/// Computes the `Snapshot` (every figure of the README's metric definitions and every KPI) from an `EngineInput` at
/// an instant.
///
/// A pure function of its input and `now`: no clock, no files, so the live dashboard, `imtop snapshot
/// --now` and the tests all get the same figures from the same data. All it keeps between calls is
/// a memo of budget summaries, each reused only for the very lines and systems it was computed from
/// (`BudgetSummaryMemo`), the KPI expressions parsed, reused only for the same sources
/// (`KPIExpressionMemo`), what the inventory alone decides, reused only for the same records
/// (`InventoryMemo`), and the KPI trend points' figures from the records alone, reused only for the
/// same records and instant (`TrendPointMemo`). A trend's past points are whole steps before `now`
/// rounded down to a 1,440th of the step (a minute, for daily trends).
public struct MetricEngine: Sendable {
  /// How many latency buckets each system's sparkline series has.
  public var latencyPoints: Int
  /// How many values each KPI trend has (the last is the value at `now`); 0 for none.
  public var trendPoints: Int
  /// The time between two trend values.
  public var trendStep: Span
  let budgetMemo = BudgetSummaryMemo()
  let kpiExpressions = KPIExpressionMemo()
  let inventoryMemo = InventoryMemo()
  let portfolioMemo = PortfolioMemo()
  let trendMemo = TrendPointMemo()

  public init(latencyPoints: Int = LatencyHistory.defaultCapacity, trendPoints: Int = 14, trendStep: Span = .days(1)) {
    self.latencyPoints = max(0, latencyPoints)
    self.trendPoints = max(0, trendPoints)
    self.trendStep = trendStep
  }

  /// The snapshot as of `now`.
  /// - Complexity: linear in the records, plus a binary search per timeline and window; KPI trends
  ///   repeat only the figures their expressions name, once per trend point.
  public func snapshot(of input: EngineInput, at now: Timestamp) -> Snapshot {
    let context = FigureContext(
      input: input, now: now, latencyPoints: latencyPoints, budgetMemo: budgetMemo, kpiExpressions: kpiExpressions,
      inventoryMemo: inventoryMemo, portfolioMemo: portfolioMemo)
    // The past points from `now` rounded down a little, so that they stay put from one
    // recomputation to the next and their figures from the records alone can be kept.
    let trendSession = trendPoints > 1 ? trendMemo.session(for: input) : nil
    let anchor = TrendPointMemo.anchor(now, step: trendStep)
    let history =
      trendPoints > 1
      ? (1..<trendPoints).reversed().map { step in
        FigureContext(
          input: input, now: anchor - Span(milliseconds: trendStep.milliseconds.saturatingMultiplied(by: Int64(step))),
          latencyPoints: 0, sharing: context, trendSession: trendSession)
      }
      : []
    let fiscalYear = context.fiscalYear
    let configuration = input.configuration
    let present = Set(input.files.map(\.kind))
    var snapshot = Snapshot(
      asOf: now,
      organization: OrganizationSummary(
        name: configuration.organizationName, currency: configuration.effectiveCurrency,
        fiscalYearStart: fiscalYear.start, fiscalYearEnd: fiscalYear.end),
      systems: context.systems,
      incidents: context.incidents,
      budget: context.budget,
      compliance: context.compliance,
      portfolio: context.portfolio,
      kpis: KPIBoard.results(now: context, history: history, step: trendStep),
      data: DataSummary(
        files: input.files, issues: input.issues(at: now),
        missingKinds: FileKind.allCases.filter { $0 != .config && !present.contains($0) },
        unregistered: input.unregistered),
      dependencies: context.dependencies)
    snapshot.governance = context.governance
    if let trendSession { trendMemo.keep(trendSession) }
    return snapshot
  }
}
