/// The KPIs every dashboard has (the README's metric definitions), written in the expression language so
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
    KPIDefinition(
      name: "Training completion", expression: "training_completion()", unit: "%", target: 100, warn: 90, crit: 75,
      better: .higher),
    KPIDefinition(
      name: "Access review coverage", expression: "review_coverage()", unit: "%", target: 100, warn: 95, crit: 80,
      better: .higher),
    KPIDefinition(
      name: "Records past retention", expression: "past_retention()", unit: "", target: 0, warn: 1, crit: 3,
      better: .lower),
    KPIDefinition(
      name: "Exposed sensitive systems", expression: "exposed()", unit: "", target: 0, warn: 1, crit: 3, better: .lower),
  ]

  /// What each governance KPI needs to be listed: its file, or for the last a data column in `systems.csv`.
  public enum Source: Sendable, Hashable {
    case file(FileKind)
    case dataColumns
  }

  /// The built-ins listed only when their source is there.
  public static let sources: [String: Source] = [
    "Training completion": .file(.training), "Access review coverage": .file(.access),
    "Records past retention": .file(.retention), "Exposed sensitive systems": .dataColumns,
  ]

  /// The built-ins whose source the data directory has (`kinds` present; `dataColumns` whether
  /// `systems.csv` has a `data_class` or `personal_data` column).
  public static func listed(kinds: Set<FileKind>, dataColumns: Bool) -> [KPIDefinition] {
    definitions.filter { definition in
      switch sources[definition.name] {
      case nil: return true
      case .file(let kind): return kinds.contains(kind)
      case .dataColumns: return dataColumns
      }
    }
  }

  /// The KPIs to evaluate: the built-ins in order, each replaced in place by a configured KPI of the
  /// same name, then the other configured KPIs in file order. The flag says which are built in.
  /// `builtIns` are the built-ins to list (all by default; see `listed(kinds:dataColumns:)`).
  public static func merged(
    with configured: [KPIDefinition], builtIns: [KPIDefinition] = definitions
  ) -> [(definition: KPIDefinition, isBuiltIn: Bool)] {
    let byName = Dictionary(configured.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    let builtInNames = Set(builtIns.map(\.name))
    var result = builtIns.map { builtIn in
      byName[builtIn.name].map { ($0, false) } ?? (builtIn, true)
    }
    var seen = builtInNames
    for definition in configured where seen.insert(definition.name).inserted {
      result.append((definition, false))
    }
    return result
  }
}
