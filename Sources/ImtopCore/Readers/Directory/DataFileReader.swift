/// Reads one data file of any kind from its bytes: the entry point for the loader and the poller.
///
/// Each file is read on its own, given a `ReadContext` (zone and currency), so that a changed file
/// can be re-read without touching the others; cross-file rules (unknown systems, ids repeated
/// across files) are applied afterwards by `DataLoader.assemble`.
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
      return contents(path, .systems(reading.records), reading, bytes, lines)
    case .budget:
      let reading = BudgetReader.read(bytes, path: path, context: context)
      return contents(path, .budget(reading.records), reading, bytes, firstLines(reading.records.map { ($0.system, $0.location.line) }))
    case .incidents:
      let reading = IncidentsReader.read(bytes, path: path, context: context)
      return contents(path, .incidents(reading.records), reading, bytes, firstLines(reading.records.map { ($0.system, $0.location.line) }))
    case .compliance:
      let reading = ComplianceReader.read(bytes, path: path, context: context)
      return contents(path, .compliance(reading.records), reading, bytes, firstLines(reading.records.map { ($0.system, $0.location.line) }))
    case .status:
      let batch = bytes.withUnsafeBytes { JSONLineReader.readStatus($0, file: path, firstLine: 1, zone: context.zone) }
      return lineContents(path, .status(batch.records), batch, bytes, batch.records.map(\.system))
    case .metrics:
      let batch = bytes.withUnsafeBytes { JSONLineReader.readMetrics($0, file: path, firstLine: 1, zone: context.zone) }
      return lineContents(path, .metrics(batch.records), batch, bytes, batch.records.map(\.system))
    case .config:
      let reading = ConfigurationReader.read(bytes, path: path)
      return FileContents(
        path: path, records: .configuration(reading.configuration), issues: reading.issues, failure: reading.failure,
        rejected: reading.rejected, consumedBytes: bytes.count, consumedLines: lineCount(bytes))
    }
  }

  /// Reads a file from disk; a file that cannot be read yields no records and a `failure`.
  public static func read(_ file: DataFile, context: ReadContext) -> FileContents {
    let modified = file.modified
    switch file.readBytes() {
    case .success(let bytes):
      var result = read(kind: file.kind, bytes: bytes, path: file.path, context: context)
      result.modified = modified
      return result
    case .failure(let error):
      let empty: FileRecords
      switch file.kind {
      case .systems: empty = .systems([])
      case .budget: empty = .budget([])
      case .incidents: empty = .incidents([])
      case .compliance: empty = .compliance([])
      case .status: empty = .status([])
      case .metrics: empty = .metrics([])
      case .config: empty = .configuration(Configuration())
      }
      return FileContents(
        path: file.path, records: empty, issues: [DataIssue(file: file.path, line: nil, message: error.message)],
        failure: error.message, modified: modified)
    }
  }

  private static func contents<Record>(
    _ path: String, _ records: FileRecords, _ reading: FileReading<Record>, _ bytes: [UInt8], _ lines: [String: Int]
  ) -> FileContents {
    FileContents(
      path: path, records: records, issues: reading.issues, failure: reading.failure, rejected: reading.rejected,
      systemLines: lines, consumedBytes: bytes.count, consumedLines: lineCount(bytes))
  }

  private static func firstLines(_ pairs: [(String?, Int)]) -> [String: Int] {
    var lines: [String: Int] = [:]
    for (system, line) in pairs {
      if let system, lines[system] == nil { lines[system] = line }
    }
    return lines
  }

  /// The number of physical lines: line feeds, plus one for a last line without one.
  static func lineCount(_ bytes: [UInt8]) -> Int {
    var count = 0
    for byte in bytes where byte == 0x0A { count += 1 }
    if let last = bytes.last, last != 0x0A { count += 1 }
    return count
  }
}
