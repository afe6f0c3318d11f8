extension Store {
  /// The records of the whole-read files combined, with the problems only the combination shows.
  struct Assembly: Sendable {
    var systems: [SystemRecord] = []
    var budget: [BudgetLine] = []
    var incidents: [Incident] = []
    var compliance: [ComplianceItem] = []
    var training: [TrainingRow] = []
    var access: [AccessRole] = []
    var retention: [RetentionSeries] = []
    /// Every file's own issues and the cross-file ones, in file then line order.
    var issues: [DataIssue] = []
    /// Per file, rows its reader accepted that the cross-file rules rejected (a duplicate id).
    var duplicateRows: [String: Int] = [:]
    /// Per configuration file, KPIs whose expression does not parse.
    var badKPIs: [String: Int] = [:]
    /// Ids named by records but missing from the inventory (none when no inventory was read).
    var unregistered: [UnregisteredSystem] = []
    /// For each of `unregistered`, its records in the whole-read files (the rest are the logs').
    var unregisteredInFiles: [Int] = []

    /// `unregistered` with each one's records in the logs as they stand now (`logged`): more lines
    /// from a log change only those, so the store does not assemble the files again for them.
    func unregistered(logged: (String) -> Int) -> [UnregisteredSystem] {
      guard unregisteredInFiles.count == unregistered.count else { return unregistered }
      return zip(unregistered, unregisteredInFiles).map { system, inFiles in
        var system = system
        system.records = inFiles + logged(system.id)
        return system
      }
    }

    /// `report` with the rejections found here added.
    func adjusted(_ report: FileReport) -> FileReport {
      var adjusted = report
      let duplicates = duplicateRows[report.path] ?? 0
      adjusted.records -= duplicates
      adjusted.errors += duplicates + (badKPIs[report.path] ?? 0)
      return adjusted
    }
  }

  /// Combines files read one by one, applying the cross-file rules: a system id defined in two
  /// files keeps its first definition; a record naming an unknown system is kept and reported once
  /// per id, where it first occurs (kinds in reading order, files in name order).
  ///
  /// `contents` may come in any order: the latest reading of each file, logs standing in with the
  /// systems they named.
  /// `logged` counts, per log kind, the samples naming each system.
  static func assemble(
    configuration: Configuration, contents: [FileContents], logged: [FileKind: [String: Int]] = [:]
  ) -> Assembly {
    let ordered = contents.sorted(by: FileKind.readsBefore)
    var assembly = Assembly()
    var issues: [DataIssue] = []
    var systemFiles: [String: SourceLocation] = [:]
    for file in ordered {
      issues += file.issues
      switch file.records {
      case .configuration(let read):
        // A KPI whose expression does not parse is a problem of the config file, at the KPI's table.
        let kpiIssues = KPIDefinition.issues(in: read.kpis, configFile: file.path)
        issues += kpiIssues
        if !kpiIssues.isEmpty { assembly.badKPIs[file.path] = kpiIssues.count }
      case .systems(let records):
        // The first systems file is kept as read when it names no id twice, not copied: at 50,000
        // systems a second array of the same records held 14 MB for as long as the dashboard ran.
        var kept: [SystemRecord]? = assembly.systems.isEmpty ? nil : []
        for (position, system) in records.enumerated() {
          if let earlier = systemFiles[system.id] {
            issues.append(DataIssue(at: system.location, "duplicate system id \"\(system.id)\" (first defined in \(earlier))"))
            assembly.duplicateRows[file.path, default: 0] += 1
            if kept == nil { kept = Array(records[..<position]) }
          } else {
            systemFiles[system.id] = system.location
            kept?.append(system)
          }
        }
        if let kept { assembly.systems += kept } else { assembly.systems = records }
      case .budget(let records): assembly.budget += records
      case .incidents(let records): assembly.incidents += records
      case .compliance(let records): assembly.compliance += records
      case .training(let records): assembly.training += records
      case .access(let records): assembly.access += records
      case .retention(let records): assembly.retention += records
      case .status, .metrics: break
      }
    }
    issues += unknownSystemIssues(ordered, known: Set(systemFiles.keys))
    issues += dependencyCycleIssues(assembly.systems)
    issues += QualityField.issues(in: assembly.systems)
    assembly.issues = issues.sorted(by: DataIssue.fileOrder)
    if hasInventory(ordered) {
      assembly.unregistered = unregistered(assembly, known: Set(systemFiles.keys), logged: logged)
    }
    return assembly
  }

  /// One warning per dependency cycle, at the first of its systems in file order: impact through
  /// dependencies is not followed around it.
  private static func dependencyCycleIssues(_ systems: [SystemRecord]) -> [DataIssue] {
    var reported = Set<Set<String>>()
    var issues: [DataIssue] = []
    for (index, cycle) in DependencyGraph(systems: systems).cycles().enumerated() {
      guard let cycle, cycle.first == systems[index].id, reported.insert(Set(cycle)).inserted else { continue }
      let loop = (cycle + [systems[index].id]).joined(separator: " → ")
      issues.append(DataIssue(
        at: systems[index].location, "dependency cycle \(loop): impact is not followed around it", severity: .warning))
    }
    return issues
  }

  /// Whether a systems file was read, and none failed: only then is an id missing from it news.
  private static func hasInventory(_ ordered: [FileContents]) -> Bool {
    let systemsFiles = ordered.filter { $0.kind == .systems }
    return !systemsFiles.isEmpty && systemsFiles.allSatisfy { $0.failure == nil }
  }

  /// Every id the records name that the inventory lacks, with the kinds naming it and their records.
  private static func unregistered(
    _ assembly: Assembly, known: Set<String>, logged: [FileKind: [String: Int]]
  ) -> [UnregisteredSystem] {
    var counts: [FileKind: [String: Int]] = logged
    for line in assembly.budget { if let id = line.system { counts[.budget, default: [:]][id, default: 0] += 1 } }
    for incident in assembly.incidents { counts[.incidents, default: [:]][incident.system, default: 0] += 1 }
    for item in assembly.compliance { if let id = item.system { counts[.compliance, default: [:]][id, default: 0] += 1 } }
    for row in assembly.training { if let id = row.system { counts[.training, default: [:]][id, default: 0] += 1 } }
    for role in assembly.access { counts[.access, default: [:]][role.system, default: 0] += 1 }
    for series in assembly.retention { if let id = series.system { counts[.retention, default: [:]][id, default: 0] += 1 } }
    var found: [String: UnregisteredSystem] = [:]
    for kind in FileKind.readingOrder {
      for (id, records) in counts[kind] ?? [:] where !known.contains(id) && !id.isEmpty && records > 0 {
        found[id, default: UnregisteredSystem(id: id, kinds: [], records: 0)].kinds.append(kind)
        found[id]?.records += records
      }
    }
    return found.keys.sorted().compactMap { found[$0] }
  }

  /// One warning per system id that no systems file defines, at its first occurrence. Skipped when
  /// no systems file was read (every id would be unknown, which says nothing).
  private static func unknownSystemIssues(_ ordered: [FileContents], known: Set<String>) -> [DataIssue] {
    guard hasInventory(ordered) else { return [] }
    let systemsFiles = ordered.filter { $0.kind == .systems }
    let systemsName = systemsFiles.count == 1 ? systemsFiles[0].path : "systems/"
    var reported = known
    var issues: [DataIssue] = []
    func report(_ id: String, in file: FileContents, line: Int?) {
      reported.insert(id)
      issues.append(DataIssue(file: file.path, line: line, message: "unknown system \"\(id)\": not in \(systemsName)", severity: .warning))
    }
    for file in ordered {
      for (id, line) in file.systemLines.sorted(by: { ($0.value, $0.key) < ($1.value, $1.key) }) where !reported.contains(id) {
        report(id, in: file, line: line)
      }
      // A log's systems whose first line is not known are still named.
      for id in systemIds(file.records) where !reported.contains(id) { report(id, in: file, line: nil) }
    }
    return issues
  }

  private static func systemIds(_ records: FileRecords) -> [String] {
    switch records {
    case .status(let samples): return samples.map(\.system)
    case .metrics(let samples): return samples.compactMap(\.system)
    default: return []
    }
  }
}
