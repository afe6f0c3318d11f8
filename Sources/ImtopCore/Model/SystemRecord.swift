/// One row of `systems.csv`: a system of the portfolio, as a CMDB export describes it.
public struct SystemRecord: Hashable, Sendable {
  public var id: String
  public var name: String
  /// As written (ERP, CRM, Records...); free text, shown and counted as is.
  public var category: String
  public var kind: SystemKind
  public var sourcing: Sourcing?
  public var vendor: String
  /// A team or role.
  public var owner: String
  /// 1 (most critical) to 4.
  public var criticality: Int?
  public var lifecycle: Lifecycle?
  public var users: Int?
  /// Target availability in percent (99.9).
  public var sla: Double?
  public var endOfSupport: LocalDate?
  public var dependsOn: [String]
  /// Nil when empty or when the file has no `data_class` column (counted as `unknown`).
  public var dataClass: DataClass?
  /// Whether the system holds personal data (empty or no column: no).
  public var personalData: Bool = false
  /// Whether its file has a `data_class` or a `personal_data` column: only then are data figures computed.
  public var describesData: Bool = false
  /// Columns the contract does not define, in file order, for detail views.
  public var extra: [ExtraField]
  public var location: SourceLocation

  public init(
    id: String, name: String = "", category: String = "", kind: SystemKind = .software,
    sourcing: Sourcing? = nil, vendor: String = "", owner: String = "", criticality: Int? = nil,
    lifecycle: Lifecycle? = nil, users: Int? = nil, sla: Double? = nil, endOfSupport: LocalDate? = nil,
    dependsOn: [String] = [], extra: [ExtraField] = [], location: SourceLocation = SourceLocation(file: "", line: 0)
  ) {
    self.id = id
    self.name = name
    self.category = category
    self.kind = kind
    self.sourcing = sourcing
    self.vendor = vendor
    self.owner = owner
    self.criticality = criticality
    self.lifecycle = lifecycle
    self.users = users
    self.sla = sla
    self.endOfSupport = endOfSupport
    self.dependsOn = dependsOn
    self.extra = extra
    self.location = location
  }

  /// The name to show: `name`, or the id when the name is empty.
  public var displayName: String { name.isEmpty ? id : name }
}

/// A column the data contract does not define, kept with its header as written.
public struct ExtraField: Hashable, Sendable {
  public var name: String
  public var value: String

  public init(name: String, value: String) {
    self.name = name
    self.value = value
  }
}
