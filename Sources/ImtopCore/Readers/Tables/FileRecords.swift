/// The records of one file, whatever its kind: what `DataFileReader.read` hands the poller.
public enum FileRecords: Sendable {
  case systems([SystemRecord])
  case budget([BudgetLine])
  case incidents([Incident])
  case compliance([ComplianceItem])
  case training([TrainingRow])
  case access([AccessRole])
  case retention([RetentionSeries])
  case status([StatusSample])
  case metrics([MetricSample])
  /// `imtop.toml`: the settings read (the defaults for anything missing or broken).
  case configuration(Configuration)

  public var kind: FileKind {
    switch self {
    case .systems: return .systems
    case .budget: return .budget
    case .incidents: return .incidents
    case .compliance: return .compliance
    case .training: return .training
    case .access: return .access
    case .retention: return .retention
    case .status: return .status
    case .metrics: return .metrics
    case .configuration: return .config
    }
  }

  /// How many records were read (a configuration counts as one).
  public var count: Int {
    switch self {
    case .systems(let records): return records.count
    case .budget(let records): return records.count
    case .incidents(let records): return records.count
    case .compliance(let records): return records.count
    case .training(let records): return records.count
    case .access(let records): return records.count
    case .retention(let records): return records.count
    case .status(let records): return records.count
    case .metrics(let records): return records.count
    case .configuration: return 1
    }
  }
}

/// One file read on its own: where it is, what it held, and what was wrong with it.
public struct FileContents: Sendable {
  /// Relative to the data directory (`status/edge.jsonl`).
  public var path: String
  public var records: FileRecords
  /// Problems found in this file alone, in line order (cross-file problems come from `Store.assemble`).
  public var issues: [DataIssue]
  /// Set when the whole file was rejected (see `FileReading.failure`).
  public var failure: String?
  /// Rows or lines rejected (each has one issue); warnings such as unknown config keys are not counted.
  public var rejected: Int
  /// Last modification time, when known.
  public var modified: Timestamp?
  /// The first physical line naming each system id (a record's `system`, `id` or `depends_on`), so
  /// that an unknown id is reported where it first occurs.
  public var systemLines: [String: Int]

  public init(
    path: String, records: FileRecords, issues: [DataIssue] = [], failure: String? = nil, rejected: Int = 0,
    modified: Timestamp? = nil, systemLines: [String: Int] = [:]
  ) {
    self.path = path
    self.records = records
    self.issues = issues
    self.failure = failure
    self.rejected = rejected
    self.modified = modified
    self.systemLines = systemLines
  }

  public var kind: FileKind { records.kind }

  /// The `FileReport` of this file for `imtop check` and the snapshot.
  public var report: FileReport {
    FileReport(path: path, kind: kind, records: records.count, errors: rejected, modified: modified, failure: failure)
  }
}
