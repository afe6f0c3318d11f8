/// The seven KPIs every dashboard has (the README's metric definitions), written in the expression language so
/// that they go through the same evaluator as the user's, and a `[[kpi]]` of the same name replaces one.
public enum BuiltInKPIs {
  public static let definitions: [KPIDefinition] = [
    KPIDefinition(
      name: "Systems meeting SLA", expression: "systems_meeting_sla()", unit: "%", target: 100, warn: 90, crit: 75,
      better: .higher),
    KPIDefinition(
      name: "Open P1 incidents", expression: "open_incidents('P1')", unit: "", target: 0, warn: 1, crit: 3,
      better: .lower),
    KPIDefinition(
      name: "MTTR (30d)", expression: "mttr(30d)", unit: "min", target: 240, warn: 480, crit: 1440, better: .lower),
    KPIDefinition(
      name: "Budget variance", expression: "budget_variance()", unit: "%", target: 0, warn: 5, crit: 10, better: .target
    ),
    KPIDefinition(
      name: "Overdue compliance items", expression: "overdue()", unit: "", target: 0, warn: 1, crit: 5, better: .lower),
    KPIDefinition(
      name: "Systems past end of support", expression: "past_end_of_support()", unit: "", target: 0, warn: 1, crit: 3,
      better: .lower),
    KPIDefinition(
      name: "Data quality", expression: "data_quality()", unit: "%", target: 100, warn: 90, crit: 75, better: .higher),
  ]

  /// The KPIs to evaluate: the built-ins in order, each replaced in place by a configured KPI of the
  /// same name, then the other configured KPIs in file order. The flag says which are built in.
  public static func merged(with configured: [KPIDefinition]) -> [(definition: KPIDefinition, isBuiltIn: Bool)] {
    let byName = Dictionary(configured.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    let builtInNames = Set(definitions.map(\.name))
    var result = definitions.map { builtIn in
      byName[builtIn.name].map { ($0, false) } ?? (builtIn, true)
    }
    var seen = builtInNames
    for definition in configured where seen.insert(definition.name).inserted {
      result.append((definition, false))
    }
    return result
  }
}
