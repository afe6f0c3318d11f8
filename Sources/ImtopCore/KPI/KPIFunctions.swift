/// The functions a KPI expression may call, and the check of each call's arguments.
enum KPIFunctions {
  typealias Arguments = [(argument: KPIArgument, column: Int)]

  private static let noArguments: [String: KPIFigure] = [
    "budget_variance": .budgetVariance, "burn_rate": .burnRate, "runway": .runway, "forecast": .forecast,
    "overdue": .overdue, "data_quality": .dataQuality, "past_end_of_support": .pastEndOfSupport,
    "below_sla": .belowSLA, "systems_meeting_sla": .systemsMeetingSLA,
    "training_completion": .trainingCompletion, "review_coverage": .reviewCoverage,
    "past_retention": .pastRetention, "exposed": .exposed,
  ]

  static func isKnown(_ name: String) -> Bool {
    noArguments[name] != nil || MetricAggregate(rawValue: name) != nil
      || ["metric", "availability", "open_incidents", "mttr", "mtta"].contains(name)
  }

  static func build(
    _ name: String, arguments: Arguments, column: Int, closeColumn: Int
  ) throws(KPIExpressionError) -> KPIExpression {
    if let figure = noArguments[name] {
      if let extra = arguments.first {
        throw KPIExpressionError(column: extra.column, "\(name) takes no arguments")
      }
      return .figure(figure)
    }
    if let aggregate = MetricAggregate(rawValue: name) {
      return try buildAggregate(aggregate, arguments, closeColumn: closeColumn)
    }
    switch name {
    case "metric":
      return .aggregate(.last, try metricReference(arguments, closeColumn: closeColumn), window: nil)
    case "availability":
      guard arguments.count <= 2 else { throw tooMany(name, arguments[2].column) }
      let system =
        arguments.count == 2 ? try string(arguments[0], "the system id, as in availability('erp', 30d)") : nil
      let window = try required(window: arguments.last, name, closeColumn, withinHistory: true)
      return .figure(.availability(system: system, window: window))
    case "open_incidents":
      guard arguments.count <= 1 else { throw tooMany(name, arguments[1].column) }
      guard let first = arguments.first else { return .figure(.openIncidents(nil)) }
      let text = try string(first, "a priority, as in open_incidents('P1')")
      guard let priority = Priority(parsing: text) else {
        throw KPIExpressionError(column: first.column, "unknown priority '\(text)' (expected P1, P2, P3 or P4)")
      }
      return .figure(.openIncidents(priority))
    case "mttr", "mtta":
      guard arguments.count <= 1 else { throw tooMany(name, arguments[1].column) }
      let window = try required(window: arguments.first, name, closeColumn)
      return .figure(name == "mttr" ? .mttr(window) : .mtta(window))
    default:
      throw KPIExpressionError(column: column, "unknown function '\(name)'")
    }
  }

  private static func buildAggregate(
    _ aggregate: MetricAggregate, _ arguments: Arguments, closeColumn: Int
  ) throws(KPIExpressionError) -> KPIExpression {
    let name = aggregate.rawValue
    guard let first = arguments.first else {
      throw KPIExpressionError(column: closeColumn, "\(name) needs metric('name') as its first argument")
    }
    guard case .expression(.aggregate(.last, let reference, window: nil)) = first.argument else {
      throw KPIExpressionError(column: first.column, "the first argument of \(name) must be metric('name')")
    }
    guard arguments.count <= 2 else { throw tooMany(name, arguments[2].column) }
    if aggregate == .last && arguments.count == 1 {
      return .aggregate(.last, reference, window: nil)
    }
    let window = try required(window: arguments.count == 2 ? arguments[1] : nil, name, closeColumn, withinHistory: true)
    return .aggregate(aggregate, reference, window: window)
  }

  private static func metricReference(_ arguments: Arguments, closeColumn: Int) throws(KPIExpressionError)
    -> MetricReference
  {
    guard let first = arguments.first else {
      throw KPIExpressionError(column: closeColumn, "metric needs the metric name, as in metric('cpu')")
    }
    guard arguments.count <= 2 else { throw tooMany("metric", arguments[2].column) }
    let metric = try string(first, "the metric name, as in metric('cpu')")
    let system = arguments.count == 2 ? try string(arguments[1], "a system id, as in metric('cpu', 'erp')") : nil
    return MetricReference(metric: metric, system: system)
  }

  private static func string(_ argument: (argument: KPIArgument, column: Int), _ what: String)
    throws(KPIExpressionError) -> String
  {
    guard case .string(let text) = argument.argument else {
      throw KPIExpressionError(column: argument.column, "expected \(what)")
    }
    return text
  }

  /// The window argument of `name`. Status and metric samples are kept for `Store.retention`
  /// (30 days), so a window over them (`withinHistory`) may not be longer: it would silently cover
  /// less than it says. Incidents are kept whole, so `mttr` and `mtta` take any window.
  private static func required(
    window argument: (argument: KPIArgument, column: Int)?, _ name: String, _ closeColumn: Int,
    withinHistory: Bool = false
  ) throws(KPIExpressionError) -> Span {
    guard let argument else {
      throw KPIExpressionError(column: closeColumn, "\(name) needs a window such as 30d")
    }
    guard case .duration(let span) = argument.argument else {
      throw KPIExpressionError(column: argument.column, "expected a window such as 30d, 24h, 15m or 90s")
    }
    if withinHistory, span > Store.retention {
      let days = Store.retention.milliseconds / 86_400_000
      throw KPIExpressionError(
        column: argument.column, "the window is longer than the \(days) days of samples imtop keeps: expected at most \(days)d")
    }
    return span
  }

  private static func tooMany(_ name: String, _ column: Int) -> KPIExpressionError {
    KPIExpressionError(column: column, "too many arguments for \(name)")
  }
}
