import ImtopCore

extension SystemColumn {
  /// The key that orders `system` by this column the way `compare` does.
  func sortKey(_ system: SystemHealth) -> RowOrder.Key {
    let record = system.record
    func number(_ value: Double?) -> RowOrder.Key { value.map(RowOrder.Key.real) ?? .missing }
    func count(_ value: Int?) -> RowOrder.Key { value.map { .integer(Int64($0)) } ?? .missing }
    switch self {
    case .status: return .integer(Int64(Self.severity(system)))
    case .name: return .text(record.displayName.lowercased())
    case .category: return .text(record.category.lowercased())
    case .kind: return .text(record.kind.rawValue)
    case .sourcing: return .text(record.sourcing?.rawValue ?? "~")
    case .vendor: return .text(record.vendor.lowercased())
    case .owner: return .text(record.owner.lowercased())
    case .criticality: return .integer(Int64(record.criticality ?? 9))
    case .lifecycle: return .integer(Int64(Self.lifecycleRank(system)))
    case .endOfSupport: return record.endOfSupport.map { .integer(Int64($0.dayNumber)) } ?? .missing
    case .users: return count(record.users)
    case .availabilityDay: return number(system.availability.day)
    case .availabilityWeek: return number(system.availability.week)
    case .availability: return number(system.availability.month)
    case .outages: return .integer(Int64(system.outages30d))
    case .sla: return number(record.sla)
    case .latency: return number(system.latencyMs)
    case .lastSeen: return system.lastSample.map { .integer(~$0.milliseconds) } ?? .missing
    case .incidents: return .integer(Int64(system.openIncidents))
    case .tco: return .integer(system.tcoYTD.minorUnits)
    case .costPerUser: return system.costPerUserYTD.map { .integer($0.minorUnits) } ?? .missing
    }
  }
}
