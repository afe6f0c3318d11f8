extension SystemHealth {
  /// The health of every system at the context's instant, with the figures that need the whole
  /// portfolio: open incidents, TCO and cost per user, SLA and end-of-support flags, dependants,
  /// impact through dependencies and dependency cycles.
  static func portfolio(of context: FigureContext) -> [SystemHealth] {
    let input = context.input
    let now = context.now
    // Only the inventory's systems have rows: an id it lacks is listed apart (`unregistered`).
    let records = input.systems

    var openBySystem: [String: Int] = [:]
    for incident in context.incidents.openList { openBySystem[incident.system, default: 0] += 1 }
    let budget = context.budget
    let today = context.zone.date(of: now)

    let timelines = context.timeless.inventoryTimelines
    // Each system's figures refer to its record in the store's own array (`RecordReference`).
    let shared = SharedRecords(records)
    // The last recomputation's figures, in the same order while the inventory is the same.
    let previous = context.portfolioMemo?.previous ?? []
    var result = records.indices.map { position in
      let record = records[position]
      let timeline = timelines[position]
      var health = SystemHealth(
        reference: RecordReference(shared, position: position), timeline: timeline, latency: input.latency[record.id],
        message: input.lastMessages[record.id], at: now, latencyPoints: context.latencyPoints)
      health.openIncidents = openBySystem[record.id] ?? 0
      health.tcoYTD = budget.bySystem[record.id]?.actualYTD ?? .zero
      if let users = record.users, users > 0 {
        health.costPerUserYTD = Money.rounding(Double(health.tcoYTD.minorUnits) / Double(users))
      }
      health.belowSLA = health.computedBelowSLA
      health.monthly = input.monthly.figures(
        of: record.id, timeline: timeline, sla: record.sla, months: context.reportedMonths)
      health.pastEndOfSupport = record.endOfSupport.map { $0 < today } ?? false
      if position < previous.count, previous[position].id == record.id { health.share(sameSeriesAs: previous[position]) }
      return health
    }

    let inventory = context.inventory
    let dependants = inventory.dependants
    let impact = inventory.graph.impact(states: result.map(\.state))
    let cycles = inventory.cycles
    for position in result.indices {
      result[position].dependants = dependants[position]
      result[position].impactedVia = impact[position]
      result[position].dependencyCycle = cycles[position]
    }
    context.portfolioMemo?.keep(result)
    return result
  }
}
