/// Computes the value of a parsed KPI expression from the figures at one instant.
///
/// Unknown is contagious: a figure that cannot be computed, a metric without samples in the window,
/// a division by zero or any non-finite result gives nil (the KPI's status is then `unknown`), never a
/// made-up 0 and never a trap. `unchecked(_:in:)` keeps an infinite result apart, so the tile can say
/// why it has no value.
enum KPIEvaluator {
  static func value(of expression: KPIExpression, in context: FigureContext) -> Double? {
    guard let result = unchecked(expression, in: context), result.isFinite else { return nil }
    return result
  }

  /// The value with infinities kept, so that an overflow (`1e200 * 1e200`) stays one and can be
  /// reported; NaN (inf - inf) and unknown parts are nil.
  static func unchecked(_ expression: KPIExpression, in context: FigureContext) -> Double? {
    let result: Double?
    switch expression {
    case .number(let value):
      result = value
    case .negate(let inner):
      result = unchecked(inner, in: context).map { -$0 }
    case .binary(let op, let lhs, let rhs):
      guard let left = unchecked(lhs, in: context), let right = unchecked(rhs, in: context) else { return nil }
      switch op {
      case .add: result = left + right
      case .subtract: result = left - right
      case .multiply: result = left * right
      case .divide: result = right == 0 ? nil : left / right
      }
    case .aggregate(let aggregate, let reference, let window):
      let key = KPIAggregateKey(aggregate: aggregate, reference: reference, window: window)
      if let known = context.kpiAggregates[key] {
        result = known
      } else {
        // No window: any sample up to now (a century reaches back past every real file).
        result = context.input.metrics.aggregate(
          aggregate, metric: reference.metric, system: reference.system, over: window ?? .days(36_525),
          at: context.now)
        context.kpiAggregates[key] = result
      }
    case .figure(let figure):
      if let known = context.kpiFigures[figure] {
        result = known
      } else {
        if let session = context.trendSession {
          result = session.value(of: figure, at: context.now) { value(of: figure, in: context) }
        } else {
          result = value(of: figure, in: context)
        }
        context.kpiFigures[figure] = result
      }
    }
    guard let result, !result.isNaN else { return nil }
    return result
  }

  private static func value(of figure: KPIFigure, in context: FigureContext) -> Double? {
    switch figure {
    case .availability(let system?, let window): return context.availability(of: system, over: window)
    case .availability(nil, let window): return context.availability(over: window)
    case .budgetVariance: return context.budget.variancePct
    case .burnRate: return context.budget.burnRate?.major(digits: context.currencyDigits)
    case .runway: return context.budget.runwayMonths
    case .forecast: return context.budget.forecastYearEnd?.major(digits: context.currencyDigits)
    case .openIncidents(let priority?): return Double(context.openIncidents[priority] ?? 0)
    case .openIncidents(nil): return Double(context.openIncidents.values.reduce(0, +))
    case .mttr(let window):
      return IncidentSummary.meanMinutes(context.input.incidents, window: window, at: context.now) { $0.resolved }
    case .mtta(let window):
      return IncidentSummary.meanMinutes(context.input.incidents, window: window, at: context.now) { $0.acknowledged }
    case .overdue: return Double(context.overdueCompliance)
    case .dataQuality: return context.dataQualityPct
    case .pastEndOfSupport: return Double(context.pastEndOfSupportCount)
    case .belowSLA: return Double(context.belowSLACount)
    case .systemsMeetingSLA: return context.systemsMeetingSLA
    case .trainingCompletion: return context.timeless.trainingCompletionPct
    case .reviewCoverage: return context.access?.coveragePct
    case .pastRetention: return context.retention.map { Double($0.pastRetention) }
    case .exposed: return context.dataClasses.map { Double($0.exposed.count) }
    }
  }
}

/// A metric aggregate as a KPI expression names it, the key of `FigureContext.kpiAggregates`.
struct KPIAggregateKey: Hashable {
  var aggregate: MetricAggregate
  var reference: MetricReference
  var window: Span?
}
