import ImtopCore

extension SystemColumn {
  /// One row's value in a column, worked out once before sorting so that comparisons touch neither
  /// the system (a large value to copy) nor its texts (lowercased anew in every comparison).
  enum SortKey {
    /// A value the system does not have: first ascending, last descending.
    case missing
    case integer(Int64)
    case real(Double)
    case text(String)
  }

  /// The key that orders `system` by this column the way `compare` does.
  func sortKey(_ system: SystemHealth) -> SortKey {
    let record = system.record
    func number(_ value: Double?) -> SortKey { value.map(SortKey.real) ?? .missing }
    func count(_ value: Int?) -> SortKey { value.map { .integer(Int64($0)) } ?? .missing }
    switch self {
    case .status: return .integer(Int64(Self.severity(system)))
    case .name: return .text(record.displayName.lowercased())
    case .category: return .text(record.category.lowercased())
    case .sourcing: return .text(record.sourcing?.rawValue ?? "~")
    case .owner: return .text(record.owner.lowercased())
    case .criticality: return .integer(Int64(record.criticality ?? 9))
    case .lifecycle: return .integer(Int64(Self.lifecycleRank(system)))
    case .users: return count(record.users)
    case .availability: return number(system.availability.month)
    case .sla: return number(record.sla)
    case .latency: return number(system.latencyMs)
    case .lastSeen: return system.lastSample.map { .integer(~$0.milliseconds) } ?? .missing
    case .incidents: return .integer(Int64(system.openIncidents))
    case .tco: return .integer(system.tcoYTD.minorUnits)
    case .costPerUser: return system.costPerUserYTD.map { .integer($0.minorUnits) } ?? .missing
    }
  }

  /// Whether `a` sorts before `b` ascending; nil when they are equal (then name and id decide).
  static func compare(_ a: SortKey, _ b: SortKey) -> Bool? {
    func order<T: Comparable>(_ x: T, _ y: T) -> Bool? { x == y ? nil : x < y }
    switch (a, b) {
    case (.missing, .missing): return nil
    case (.missing, _): return true
    case (_, .missing): return false
    case (.integer(let x), .integer(let y)): return order(x, y)
    case (.real(let x), .real(let y)): return order(x, y)
    case (.text(let x), .text(let y)): return order(x, y)
    default: return nil  // one column gives one kind of key; never reached
    }
  }
}
