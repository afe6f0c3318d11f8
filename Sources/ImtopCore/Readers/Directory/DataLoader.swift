import Foundation

/// Loads a whole data directory into a `DataSet`: every file read, then the cross-file rules applied.
public enum DataLoader {
  /// Reads `imtop.toml` first (zone, currency), then systems, budget, incidents, compliance, status and
  /// metrics, each kind's files in name order.
  public static func load(directory url: URL) -> DataSet {
    let directory = DataDirectory(url: url)
    var contents: [FileContents] = []
    var configuration = Configuration()
    if let configFile = directory.files(of: .config).first {
      let config = DataFileReader.read(configFile, context: ReadContext())
      if case .configuration(let read) = config.records { configuration = read }
      contents.append(config)
    }
    let fromBudget = configuration.currency == nil ? budgetCurrency(directory.files(of: .budget)) : nil
    let context = ReadContext(configuration: configuration, budgetCurrency: fromBudget)
    for kind in DataDirectory.readingOrder where kind != .config {
      for file in directory.files(of: kind) {
        contents.append(DataFileReader.read(file, context: context))
      }
    }
    return assemble(configuration: configuration, contents: contents)
  }

  /// The first currency the budget files name, in file order (see `BudgetReader.firstCurrency`).
  public static func budgetCurrency(_ files: [DataFile]) -> String? {
    for file in files {
      if case .success(let bytes) = file.readBytes(), let code = BudgetReader.firstCurrency(in: bytes) { return code }
    }
    return nil
  }

  /// Combines files read one by one into a `DataSet`, applying the cross-file rules: a system id
  /// defined in two files keeps its first definition; a record naming an unknown system is kept and
  /// reported once per id, where it first occurs (kinds in reading order, files in name order).
  ///
  /// `contents` may come in any order; the poller calls this with the latest reading of each file.
  public static func assemble(configuration: Configuration, contents: [FileContents]) -> DataSet {
    let ordered = contents.sorted(by: readsBefore)
    var set = DataSet(configuration: configuration)
    var reports: [String: FileReport] = [:]
    var issues: [DataIssue] = []
    var systemFiles: [String: SourceLocation] = [:]
    for file in ordered {
      var report = file.report
      issues += file.issues
      switch file.records {
      case .configuration: break
      case .systems(let records):
        for system in records {
          if let first = systemFiles[system.id] {
            issues.append(DataIssue(at: system.location, "duplicate system id \"\(system.id)\" (first defined in \(first))"))
            report.records -= 1
            report.errors += 1
          } else {
            systemFiles[system.id] = system.location
            set.systems.append(system)
          }
        }
      case .budget(let records): set.budget += records
      case .incidents(let records): set.incidents += records
      case .compliance(let records): set.compliance += records
      case .status(let records): set.status += records
      case .metrics(let records): set.metrics += records
      }
      reports[file.path] = report
    }
    issues += unknownSystemIssues(ordered, known: Set(systemFiles.keys))
    set.files = reports.values.sorted { $0.path < $1.path }
    set.issues = issues.sorted(by: issueOrder)
    return set
  }

  /// One issue per system id that no systems file defines, at its first occurrence. Skipped when no
  /// systems file was read (every id would be unknown, which says nothing).
  private static func unknownSystemIssues(_ ordered: [FileContents], known: Set<String>) -> [DataIssue] {
    let systemsFiles = ordered.filter { $0.kind == .systems }
    guard !systemsFiles.isEmpty, systemsFiles.allSatisfy({ $0.failure == nil }) else { return [] }
    let systemsName = systemsFiles.count == 1 ? systemsFiles[0].path : "systems/"
    var reported = known
    var issues: [DataIssue] = []
    for file in ordered {
      for (id, line) in file.systemLines.sorted(by: { $0.value < $1.value }) where !reported.contains(id) {
        reported.insert(id)
        issues.append(DataIssue(file: file.path, line: line, message: "unknown system \"\(id)\": not in \(systemsName)"))
      }
      // A `.jsonl` file whose record lines could not be paired still names its unknown systems.
      for id in systemIds(file.records) where !reported.contains(id) {
        reported.insert(id)
        issues.append(DataIssue(file: file.path, line: nil, message: "unknown system \"\(id)\": not in \(systemsName)"))
      }
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

  /// Kinds in reading order, then paths in name order.
  static func readsBefore(_ lhs: FileContents, _ rhs: FileContents) -> Bool {
    let left = DataDirectory.readingOrder.firstIndex(of: lhs.kind) ?? 0
    let right = DataDirectory.readingOrder.firstIndex(of: rhs.kind) ?? 0
    return left != right ? left < right : lhs.path < rhs.path
  }

  /// By file, then line (a whole-file issue first).
  static func issueOrder(_ lhs: DataIssue, _ rhs: DataIssue) -> Bool {
    if lhs.file != rhs.file { return lhs.file < rhs.file }
    return (lhs.line ?? 0) < (rhs.line ?? 0)
  }
}
