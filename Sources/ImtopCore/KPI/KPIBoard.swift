/// Evaluates every KPI at an instant, with its status and trend.
enum KPIBoard {
  /// `now` is the context of the snapshot; `history` the contexts of earlier instants, oldest first,
  /// for the trend (which ends with the value at `now`).
  static func results(now: FigureContext, history: [FigureContext]) -> [KPIResult] {
    BuiltInKPIs.merged(with: now.input.configuration.kpis).map { definition, isBuiltIn in
      let expression: KPIExpression
      do throws(KPIExpressionError) {
        expression = try KPIParser.parse(definition.expression)
      } catch {
        return KPIResult(
          definition: definition, value: nil, status: .unknown, error: error.described(forKPI: definition.name),
          isBuiltIn: isBuiltIn)
      }
      let value = KPIEvaluator.value(of: expression, in: now)
      let trend = history.isEmpty ? [] : history.map { KPIEvaluator.value(of: expression, in: $0) } + [value]
      var result = KPIResult(
        definition: definition, value: value, status: definition.status(of: value), trend: trend,
        isBuiltIn: isBuiltIn)
      result.isMoney = expression.isMoney
      return result
    }
  }
}
