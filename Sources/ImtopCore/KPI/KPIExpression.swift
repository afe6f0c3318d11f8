/// A parsed KPI expression (the README's configuration section): arithmetic over numbers, `metrics.jsonl` aggregates and
/// the built-in figures of section 3.
public indirect enum KPIExpression: Hashable, Sendable {
  case number(Double)
  case negate(KPIExpression)
  case binary(KPIOperator, KPIExpression, KPIExpression)
  /// An aggregate of a metric over `(now − window, now]`; a bare `metric(...)` is `last` with no window.
  case aggregate(MetricAggregate, MetricReference, window: Span?)
  case figure(KPIFigure)

  /// Whether the value is an amount of money (so `--redact-costs` hides it).
  public var isMoney: Bool {
    switch self {
    case .number, .aggregate: return false
    case .negate(let inner): return inner.isMoney
    case .binary(_, let lhs, let rhs): return lhs.isMoney || rhs.isMoney
    case .figure(let figure): return figure == .forecast || figure == .burnRate
    }
  }
}

public enum KPIOperator: String, Hashable, Sendable {
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"
}

/// The samples of one metric, of one system or of all.
public struct MetricReference: Hashable, Sendable {
  public var metric: String
  public var system: String?

  public init(metric: String, system: String? = nil) {
    self.metric = metric
    self.system = system
  }
}

/// A built-in figure of the README's metric definitions as a KPI expression can name it.
public enum KPIFigure: Hashable, Sendable {
  /// Time-weighted over every system of the inventory when `system` is nil.
  case availability(system: String?, window: Span)
  case budgetVariance, burnRate, runway, forecast
  case openIncidents(Priority?)
  case mttr(Span)
  case mtta(Span)
  case overdue, dataQuality, pastEndOfSupport, belowSLA, systemsMeetingSLA
  case trainingCompletion, reviewCoverage, pastRetention, exposed
}
