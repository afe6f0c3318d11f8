import ImtopCore

/// The columns of the systems table, each sortable (`s` cycles them, `S` reverses).
public enum SystemColumn: String, CaseIterable, Sendable, Hashable {
  case status, name, category, kind, sourcing, vendor, owner, criticality, lifecycle, endOfSupport, users
  case availabilityDay, availabilityWeek, availability, outages, sla, latency, lastSeen, incidents, tco, costPerUser

  public var title: String {
    switch self {
    case .status: return "State"
    case .name: return "System"
    case .category: return "Category"
    case .kind: return "Kind"
    case .sourcing: return "Sourcing"
    case .vendor: return "Vendor"
    case .owner: return "Owner"
    case .criticality: return "Crit"
    case .lifecycle: return "Lifecycle"
    case .endOfSupport: return "End of support"
    case .users: return "Users"
    case .availabilityDay: return "Avail 24h"
    case .availabilityWeek: return "Avail 7d"
    case .availability: return "Avail 30d"
    case .outages: return "Outages 30d"
    case .sla: return "SLA"
    case .latency: return "Latency"
    case .lastSeen: return "Last seen"
    case .incidents: return "Inc"
    case .tco: return "TCO YTD"
    case .costPerUser: return "Cost/user"
    }
  }

  /// Whether the natural first sort is descending (worst or biggest first).
  public var descendingFirst: Bool {
    switch self {
    case .status, .users, .outages, .latency, .lastSeen, .incidents, .tco, .costPerUser: return true
    default: return false
    }
  }

  /// Whether `a` comes before `b` when sorting by this column in the given direction. Ties are broken
  /// by name then id, always A to Z, so equal rows keep a stable, readable order either way.
  func ordered(_ a: SystemHealth, _ b: SystemHealth, ascending: Bool) -> Bool {
    if let less = compare(a, b) { return ascending ? less : !less }
    let an = a.record.displayName.lowercased(), bn = b.record.displayName.lowercased()
    return an != bn ? an < bn : a.id < b.id
  }

  /// nil when equal on this column.
  private func compare(_ a: SystemHealth, _ b: SystemHealth) -> Bool? {
    func order<T: Comparable>(_ x: T, _ y: T) -> Bool? { x == y ? nil : x < y }
    func optional<T: Comparable>(_ x: T?, _ y: T?) -> Bool? {
      switch (x, y) {
      case (nil, nil): return nil
      case (nil, _): return true  // missing values sort first ascending, last when descending
      case (_, nil): return false
      case (let x?, let y?): return order(x, y)
      }
    }
    switch self {
    case .status: return order(Self.severity(a), Self.severity(b))
    case .name: return order(a.record.displayName.lowercased(), b.record.displayName.lowercased())
    case .category: return order(a.record.category.lowercased(), b.record.category.lowercased())
    case .kind: return order(a.record.kind.rawValue, b.record.kind.rawValue)
    case .sourcing: return order(a.record.sourcing?.rawValue ?? "~", b.record.sourcing?.rawValue ?? "~")
    case .vendor: return order(a.record.vendor.lowercased(), b.record.vendor.lowercased())
    case .owner: return order(a.record.owner.lowercased(), b.record.owner.lowercased())
    case .criticality: return order(a.record.criticality ?? 9, b.record.criticality ?? 9)
    case .lifecycle:
      let all = Lifecycle.allCases
      return order(a.record.lifecycle.flatMap { all.firstIndex(of: $0) } ?? 9, b.record.lifecycle.flatMap { all.firstIndex(of: $0) } ?? 9)
    case .endOfSupport: return optional(a.record.endOfSupport?.dayNumber, b.record.endOfSupport?.dayNumber)
    case .users: return optional(a.record.users, b.record.users)
    case .availabilityDay: return optional(a.availability.day, b.availability.day)
    case .availabilityWeek: return optional(a.availability.week, b.availability.week)
    case .availability: return optional(a.availability.month, b.availability.month)
    case .outages: return order(a.outages30d, b.outages30d)
    case .sla: return optional(a.record.sla, b.record.sla)
    case .latency: return optional(a.latencyMs, b.latencyMs)
    // Descending puts the oldest latest sample (the longest silence) first; never sampled last.
    case .lastSeen: return optional(a.lastSample.map { ~$0.milliseconds }, b.lastSample.map { ~$0.milliseconds })
    case .incidents: return order(a.openIncidents, b.openIncidents)
    case .tco: return order(a.tcoYTD, b.tcoYTD)
    case .costPerUser: return optional(a.costPerUserYTD, b.costPerUserYTD)
    }
  }

  private static let lifecycles = Lifecycle.allCases

  /// A lifecycle's place in `Lifecycle.allCases` (9 when missing), the order lifecycles sort in.
  static func lifecycleRank(_ system: SystemHealth) -> Int {
    system.record.lifecycle.flatMap { lifecycles.firstIndex(of: $0) } ?? 9
  }

  /// How bad a system's state is, for sorting worst first: down, impacted, degraded, unknown,
  /// maintenance, up, then systems not in service (planned or retired, with no monitor expected).
  static func severity(_ system: SystemHealth) -> Int {
    if system.state == .unknown, let lifecycle = system.record.lifecycle, lifecycle == .plan || lifecycle == .retired {
      return -1
    }
    switch system.state {
    case .down: return 5
    case .degraded: return 3
    case .unknown: return 2
    case .maintenance: return 1
    case .up: return system.impactedVia == nil ? 0 : 4
    }
  }
}
