/// Everything the metric engine reads, however it was gathered: a one-off read of a data directory
/// (`imtop snapshot`, `imtop check`) or the live store the poller keeps up to date.
public struct EngineInput: Sendable {
  public var configuration: Configuration
  public var systems: [SystemRecord]
  public var budget: [BudgetLine]
  public var incidents: [Incident]
  public var compliance: [ComplianceItem]
  /// The governance files' rows (`training.csv`, `access.csv`, `retention.csv`), all files of each kind.
  public var training: [TrainingRow] = []
  public var access: [AccessRole] = []
  public var retention: [RetentionSeries] = []
  /// State runs per system id (systems not in `systems.csv` included, under their own id).
  public var timelines: [String: StatusTimeline]
  public var latency: [String: LatencyHistory]
  /// The message of each system's latest status sample that had one.
  public var lastMessages: [String: String]
  public var metrics: any MetricSource
  public var files: [FileReport]
  /// Whether a file of that kind is there (a figure from a file that is not is nil, not zero).
  func has(_ kind: FileKind) -> Bool { files.contains { $0.kind == kind } }
  public var issues: [DataIssue]
  /// Ids that records name and `systems.csv` lacks.
  public var unregistered: [UnregisteredSystem]
  /// Samples held back for being stamped in the future, by log and system.
  public var heldSamples: [HeldSamples]
  /// The monthly service figures the state runs no longer reach (see `MonthlyLedger`).
  public var monthly: MonthlyLedger

  public init(
    configuration: Configuration, systems: [SystemRecord], budget: [BudgetLine], incidents: [Incident],
    compliance: [ComplianceItem], timelines: [String: StatusTimeline], latency: [String: LatencyHistory],
    lastMessages: [String: String], metrics: any MetricSource, files: [FileReport], issues: [DataIssue],
    unregistered: [UnregisteredSystem] = [], heldSamples: [HeldSamples] = [],
    monthly: MonthlyLedger = MonthlyLedger()
  ) {
    self.configuration = configuration
    self.systems = systems
    self.budget = budget
    self.incidents = incidents
    self.compliance = compliance
    self.timelines = timelines
    self.latency = latency
    self.lastMessages = lastMessages
    self.metrics = metrics
    self.files = files
    self.issues = issues
    self.unregistered = unregistered
    self.heldSamples = heldSamples
    self.monthly = monthly
  }
}
