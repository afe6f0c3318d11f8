/// Everything read from a data directory at one moment: records, configuration, and what was wrong.
public struct DataSet: Sendable {
  public var configuration: Configuration
  public var systems: [SystemRecord]
  public var budget: [BudgetLine]
  public var status: [StatusSample]
  public var incidents: [Incident]
  public var metrics: [MetricSample]
  public var compliance: [ComplianceItem]
  public var files: [FileReport]
  /// Every problem, in file name order then line order.
  public var issues: [DataIssue]

  public init(
    configuration: Configuration = Configuration(), systems: [SystemRecord] = [], budget: [BudgetLine] = [],
    status: [StatusSample] = [], incidents: [Incident] = [], metrics: [MetricSample] = [],
    compliance: [ComplianceItem] = [], files: [FileReport] = [], issues: [DataIssue] = []
  ) {
    self.configuration = configuration
    self.systems = systems
    self.budget = budget
    self.status = status
    self.incidents = incidents
    self.metrics = metrics
    self.compliance = compliance
    self.files = files
    self.issues = issues
  }
}

/// What one file yielded: for `imtop check`, the data-age display and the snapshot's `data.files`.
public struct FileReport: Hashable, Sendable {
  /// Relative to the data directory (`status.jsonl`, `status/edge.jsonl`).
  public var path: String
  public var kind: FileKind
  public var records: Int
  public var errors: Int
  /// Last modification time; nil when the file could not be looked at.
  public var modified: Timestamp?
  /// Set when the file could not be read this time (the last good contents stay in use, stale).
  public var failure: String?

  public init(path: String, kind: FileKind, records: Int = 0, errors: Int = 0, modified: Timestamp? = nil, failure: String? = nil) {
    self.path = path
    self.kind = kind
    self.records = records
    self.errors = errors
    self.modified = modified
    self.failure = failure
  }
}
