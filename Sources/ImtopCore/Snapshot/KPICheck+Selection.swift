extension KPICheck {
  /// The KPIs `check --kpi NAME` names (README: `check --kpis`), in the dashboard's order: a name
  /// matches exactly, else ignoring case when that finds one KPI. `unknown` lists the names that match
  /// none, in the order given.
  public static func select(_ names: [String], from kpis: [KPIResult]) -> (selected: [KPIResult], unknown: [String]) {
    var chosen = Set<String>()
    var unknown: [String] = []
    for name in names {
      if kpis.contains(where: { $0.definition.name == name }) {
        chosen.insert(name)
        continue
      }
      let folded = kpis.filter { $0.definition.name.lowercased() == name.lowercased() }
      if folded.count == 1, let only = folded.first {
        chosen.insert(only.definition.name)
      } else {
        unknown.append(name)
      }
    }
    return (kpis.filter { chosen.contains($0.definition.name) }, unknown)
  }

  /// The report when `--kpi` names a KPI that does not exist: UNKNOWN (exit 3), naming the known ones
  /// so that the command line can be fixed from the monitoring system's screen.
  public static func unknownNames(_ unknown: [String], known kpis: [KPIResult]) -> KPICheck {
    let asked = unknown.map { "\"\(longOutput($0))\"" }.joined(separator: ", ")
    let names = kpis.map { "\"\(longOutput($0.definition.name))\"" }.joined(separator: ", ")
    let noun = unknown.count == 1 ? "no KPI named" : "no KPIs named"
    return KPICheck(
      text: "KPI UNKNOWN - \(noun) \(asked); the KPIs are \(names.isEmpty ? "none" : names)\n", status: .unknown)
  }
}
