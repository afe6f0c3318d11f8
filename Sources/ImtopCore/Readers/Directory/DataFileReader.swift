/// Reads one whole data file (CSV or TOML) from its bytes: what the poller calls when such a file
/// changed. Logs (`.jsonl`) are read line by line from where the last read stopped, by the poller.
///
/// Each file is read on its own, given a `ReadContext` (zone and currency), so that a changed file
/// can be re-read without touching the others; cross-file rules (unknown systems, ids repeated
/// across files) are applied afterwards by `Store.assemble`.
public enum DataFileReader {
  /// Reads `bytes` as a file of `kind` at `path` (relative to the data directory).
  public static func read(kind: FileKind, bytes: [UInt8], path: String, context: ReadContext) -> FileContents {
    switch kind {
    case .systems:
      let reading = SystemsReader.read(bytes, path: path, context: context)
      // Of the ids an inventory names, only those it depends on can be unknown (its own are the
      // inventory): their first lines, not a table of every system (3 MB at 50,000 systems).
      var lines: [String: Int] = [:]
      for system in reading.records {
        for id in system.dependsOn where lines[id] == nil { lines[id] = system.location.line }
      }
      return contents(path, .systems(reading.records), reading, lines)
    case .budget:
      return table(BudgetReader.read(bytes, path: path, context: context), path, FileRecords.budget) { $0.system }
    case .incidents:
      return table(IncidentsReader.read(bytes, path: path, context: context), path, FileRecords.incidents) { $0.system }
    case .compliance:
      return table(ComplianceReader.read(bytes, path: path, context: context), path, FileRecords.compliance) { $0.system }
    case .training:
      return table(TrainingReader.read(bytes, path: path, context: context), path, FileRecords.training) { $0.system }
    case .access:
      return table(AccessReader.read(bytes, path: path, context: context), path, FileRecords.access) { $0.system }
    case .retention:
      return table(RetentionReader.read(bytes, path: path, context: context), path, FileRecords.retention) { $0.system }
    case .config:
      let reading = ConfigurationReader.read(bytes, path: path)
      return FileContents(
        path: path, records: .configuration(reading.configuration), issues: reading.issues, failure: reading.failure,
        rejected: reading.rejected)
    case .status, .metrics:
      let message = "is a log of JSON lines: expected it to be read line by line as it grows"
      let records: FileRecords = kind == .status ? .status([]) : .metrics([])
      return FileContents(path: path, records: records, issues: [DataIssue(file: path, line: nil, message: message)], failure: message)
    }
  }

  /// A table's contents, with the first line naming each system (`system` of a record, if any).
  private static func table<Record: Locatable>(
    _ reading: FileReading<Record>, _ path: String, _ wrap: ([Record]) -> FileRecords, system: (Record) -> String?
  ) -> FileContents {
    contents(path, wrap(reading.records), reading, firstLines(reading.records.map { (system($0), $0.location.line) }))
  }

  private static func contents<Record>(
    _ path: String, _ records: FileRecords, _ reading: FileReading<Record>, _ lines: [String: Int]
  ) -> FileContents {
    FileContents(
      path: path, records: records, issues: reading.issues, failure: reading.failure, rejected: reading.rejected,
      systemLines: lines)
  }

  private static func firstLines(_ pairs: [(String?, Int)]) -> [String: Int] {
    var lines: [String: Int] = [:]
    for (system, line) in pairs {
      if let system, lines[system] == nil { lines[system] = line }
    }
    return lines
  }
}

/// A record that knows the line it was read from.
protocol Locatable {
  var location: SourceLocation { get }
}

extension BudgetLine: Locatable {}
extension Incident: Locatable {}
extension ComplianceItem: Locatable {}
extension TrainingRow: Locatable {}
extension AccessRole: Locatable {}
extension RetentionSeries: Locatable {}
