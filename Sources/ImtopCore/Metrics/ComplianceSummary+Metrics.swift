extension ComplianceSummary {
  /// The items overdue at `now`, counted without the rest of the summary (a KPI trend point's need).
  static func overdueCount(_ items: [ComplianceItem], at now: Timestamp, zone: Zone) -> Int {
    items.reduce(0) { $0 + ($1.isOverdue(at: now, zone: zone) ? 1 : 0) }
  }

  /// The compliance figures at `now`, with date-only deadlines read in `zone`: an item due on a date
  /// is on time all that local day and overdue from the start of the next.
  public init(items: [ComplianceItem], at now: Timestamp, zone: Zone) {
    let today = zone.date(of: now)
    var overdueByKind: [String: Int] = [:]
    var overdueBySeverity: [String: Int] = [:]
    var overdueCount = 0
    var oldest: Int?
    var openItems: [(item: ComplianceItem, daysPast: Int?)] = []
    var closed = 0
    var closedOnTime = 0
    for item in items {
      if let done = item.closed, done <= now {
        closed += 1
        if done < item.due.overdueFrom(in: zone) { closedOnTime += 1 }
      }
      guard item.isOpen(at: now) else { continue }
      guard item.isOverdue(at: now, zone: zone) else {
        openItems.append((item, nil))
        continue
      }
      overdueCount += 1
      overdueByKind[item.kind.rawValue, default: 0] += 1
      overdueBySeverity[item.severity.rawValue, default: 0] += 1
      let days = Int(today.dayNumber - item.due.localDate(in: zone).dayNumber)
      oldest = max(oldest ?? days, days)
      openItems.append((item, days))
    }
    let sorted = openItems.sorted { lhs, rhs in
      switch (lhs.daysPast, rhs.daysPast) {
      case (let left?, let right?) where left != right: return left > right
      case (.some, nil): return true
      case (nil, .some): return false
      default: return (lhs.item.opened, lhs.item.id) < (rhs.item.opened, rhs.item.id)
      }
    }
    self.init(
      open: openItems.count, overdue: overdueCount, overdueByKind: overdueByKind,
      overdueBySeverity: overdueBySeverity,
      onTimeClosurePct: closed > 0 ? Double(closedOnTime) / Double(closed) * 100 : nil,
      oldestOverdueDays: oldest, openItems: sorted.map(\.item))
  }
}
