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
      var lines: [String: Int] = [:]
      for system in reading.records {
        for id in [system.id] + system.dependsOn where lines[id] == nil { lines[id] = system.location.line }
      }
      return contents(path, .systems(reading.records), reading, lines)
    case .budget:
      let reading = BudgetReader.read(bytes, path: path, context: context)
      return contents(path, .budget(reading.records), reading, firstLines(reading.records.map { ($0.system, $0.location.line) }))
    case .incidents:
      let reading = IncidentsReader.read(bytes, path: path, context: context)
      return contents(path, .incidents(reading.records), reading, firstLines(reading.records.map { ($0.system, $0.location.line) }))
    case .compliance:
      let reading = ComplianceReader.read(bytes, path: path, context: context)
      return contents(path, .compliance(reading.records), reading, firstLines(reading.records.map { ($0.system, $0.location.line) }))
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
