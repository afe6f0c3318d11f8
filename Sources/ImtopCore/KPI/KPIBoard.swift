/// Evaluates every KPI at an instant, with its status and trend.
enum KPIBoard {
  /// `now` is the context of the snapshot; `history` the contexts of earlier instants, oldest first,
  /// for the trend (which ends with the value at `now`), `step` apart.
  static func results(now: FigureContext, history: [FigureContext], step: Span = .days(1)) -> [KPIResult] {
    let input = now.input
    let builtIns = BuiltInKPIs.listed(
      kinds: Set(input.files.map(\.kind)), dataColumns: input.systems.contains(where: \.describesData))
    let definitions = BuiltInKPIs.merged(with: input.configuration.kpis, builtIns: builtIns)
    let expressions = now.kpiExpressions.parse(definitions.map(\.0.expression))
    return zip(definitions, expressions).map { entry, parsed in
      let (definition, isBuiltIn) = entry
      let expression: KPIExpression
      switch parsed {
      case .success(let parsed): expression = parsed
      case .failure(let error):
        return KPIResult(
          definition: definition, value: nil, status: .unknown, error: error.described(forKPI: definition.name),
          isBuiltIn: isBuiltIn)
      }
      let unchecked = KPIEvaluator.unchecked(expression, in: now)
      let value = unchecked.flatMap { $0.isFinite ? $0 : nil }
      let trend = history.isEmpty ? [] : history.map { KPIEvaluator.value(of: expression, in: $0) } + [value]
      // An overflow is a fault of the expression, not missing data: the tile says so.
      let error = unchecked?.isInfinite == true
        ? "KPI \"\(definition.name)\": the value is too large to compute (past 1.8e308)" : nil
      var result = KPIResult(
        definition: definition, value: value, status: definition.status(of: value), trend: trend, error: error,
        isBuiltIn: isBuiltIn)
      result.isMoney = expression.isMoney
      result.trendStep = step
      return result
    }
  }
}
