import ImtopCore

/// An organisation's records held in memory, for tests that compute figures without files.
///
/// There is no second way into the metric engine: the records go into the dashboard's store as
/// the poller puts them there (whole files set, samples added as one log each), and the engine
/// reads the store's `engineInput()`.
public struct TestOrganisation: Sendable {
  public var configuration: Configuration
  public var systems: [SystemRecord]
  public var budget: [BudgetLine]
  public var status: [StatusSample]
  public var incidents: [Incident]
  public var metrics: [MetricSample]
  public var compliance: [ComplianceItem]
  /// Problems to report beside the store's own (as if a reader had found them).
  public var issues: [DataIssue]
  /// File reports to give the engine instead of the store's (which has none for records in memory).
  public var files: [FileReport]

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

  /// The store holding these records, as a one-shot command's store would after a poll at `now`.
  public func store(at now: Timestamp) -> Store {
    var store = Store.oneShot(configuration: configuration)
    store.setContents(FileContents(path: FileKind.config.fileName, records: .configuration(configuration)))
    store.setContents(FileContents(path: FileKind.systems.fileName, records: .systems(systems)))
    store.setContents(FileContents(path: FileKind.budget.fileName, records: .budget(budget)))
    store.setContents(FileContents(path: FileKind.incidents.fileName, records: .incidents(incidents)))
    store.setContents(FileContents(path: FileKind.compliance.fileName, records: .compliance(compliance)))
    store.add(status, from: FileKind.status.fileName, now: now)
    store.add(metrics, from: FileKind.metrics.fileName, now: now)
    store.discardExpired(at: now)
    return store
  }

  /// What the metric engine reads at `now`.
  public func engineInput(at now: Timestamp) -> EngineInput {
    var input = store(at: now).engineInput()
    input.issues = (input.issues + issues).sorted(by: DataIssue.fileOrder)
    if !files.isEmpty { input.files = files }
    return input
  }
}

extension MetricEngine {
  /// The snapshot of an in-memory organisation at `now`, through the store.
  public func snapshot(of organisation: TestOrganisation, at now: Timestamp) -> Snapshot {
    snapshot(of: organisation.engineInput(at: now), at: now)
  }
}

extension Array where Element == DataIssue {
  /// The issues but the data-quality warnings (`2 systems have no owner: ...`), for tests of other
  /// rules on inventories that leave those fields out.
  public var apartFromDataQuality: [DataIssue] {
    filter { !($0.severity == .warning && DataIssue.isDataQuality($0.message)) }
  }
}

extension DataIssue {
  /// Whether `message` is a data-quality warning's (`2 systems have no owner: crm, hr`).
  public static func isDataQuality(_ message: String) -> Bool {
    QualityField.allCases.contains { field in
      message.contains(" no \(field.rawValue): ") && (message.hasPrefix("1 system has ") || message.contains(" systems have "))
    }
  }
}
