import TOMLKit

extension ConfigurationBuilder {
  /// Reads the `[[kpi]]` tables; one without a name or an expression is rejected, the others kept.
  mutating func readKPIs() {
    guard let value = root["kpi"] else { return }
    guard let array = value.array else {
      reject("kpi must be a list of tables ([[kpi]])", table: "kpi", key: "kpi")
      return
    }
    for (offset, element) in array.enumerated() {
      let tableName = "kpi#\(offset + 1)"
      guard let table = element.table else {
        reject("kpi \(offset + 1) must be a table ([[kpi]])", table: tableName, key: "kpi")
        continue
      }
      let location = SourceLocation(file: path, line: index.arrayTableLine(tableName) ?? 1)
      if let kpi = kpi(table, tableName: tableName, location: location) {
        configuration.kpis.append(kpi)
      }
    }
  }

  private mutating func kpi(_ table: TOMLTable, tableName: String, location: SourceLocation) -> KPIDefinition? {
    warnUnknownKeys(table, name: tableName, known: ConfigurationReader.knownKeys["kpi"] ?? [])
    let name = string(table, tableName, "name")?.trimmingSpaces() ?? ""
    let expression = string(table, tableName, "expr")?.trimmingSpaces() ?? ""
    guard !name.isEmpty, !expression.isEmpty else {
      let missing = name.isEmpty ? "name" : "expr"
      let label = name.isEmpty ? "a [[kpi]]" : "kpi \"\(name)\""
      rejected += 1
      issues.append(DataIssue(at: location, "\(label) has no \(missing): expected name = \"...\" and expr = \"...\""))
      return nil
    }
    var kpi = KPIDefinition(name: name, expression: expression, location: location)
    kpi.unit = string(table, tableName, "unit") ?? ""
    kpi.target = number(table, tableName, "target", kpiName: name)
    kpi.warn = number(table, tableName, "warn", kpiName: name)
    kpi.crit = number(table, tableName, "crit", kpiName: name)
    if let text = string(table, tableName, "better") {
      if let direction = KPIDirection(parsing: text) {
        kpi.better = direction
      } else {
        reject("kpi \"\(name)\": unknown better \"\(text)\": expected \(KPIDirection.expectedDescription)", table: tableName, key: "better")
      }
    }
    return kpi
  }

  private mutating func number(_ table: TOMLTable, _ tableName: String, _ key: String, kpiName: String) -> Double? {
    guard let value = table[key] else { return nil }
    if let number = value.double ?? value.int.map(Double.init) { return number }
    reject("kpi \"\(kpiName)\": \(key) must be a number, not \(describe(value))", table: tableName, key: key)
    return nil
  }
}
