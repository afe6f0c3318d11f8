extension SystemHealth {
  /// The health of every system at the context's instant, with the figures that need the whole
  /// portfolio: open incidents, TCO and cost per user, SLA and end-of-support flags, dependants,
  /// impact through dependencies and dependency cycles.
  static func portfolio(of context: FigureContext) -> [SystemHealth] {
    let input = context.input
    let now = context.now
    let inventoryIDs = Set(input.systems.map(\.id))
    var others = Set(input.timelines.keys).union(input.latency.keys)
    for incident in context.incidents.openList { others.insert(incident.system) }
    let extras = others.subtracting(inventoryIDs).filter { !$0.isEmpty }.sorted().map { SystemRecord(id: $0) }
    let records = input.systems + extras

    var openBySystem: [String: Int] = [:]
    for incident in context.incidents.openList { openBySystem[incident.system, default: 0] += 1 }
    let budget = context.budget
    let today = context.zone.date(of: now)

    var result = records.enumerated().map { position, record in
      var health = SystemHealth(
        record: record, timeline: input.timelines[record.id], latency: input.latency[record.id],
        message: input.lastMessages[record.id], at: now, latencyPoints: context.latencyPoints)
      health.inInventory = position < input.systems.count
      health.openIncidents = openBySystem[record.id] ?? 0
      health.tcoYTD = budget.bySystem[record.id]?.actualYTD ?? .zero
      if let users = record.users, users > 0 {
        health.costPerUserYTD = Money.rounding(Double(health.tcoYTD.minorUnits) / Double(users))
      }
      health.belowSLA = health.computedBelowSLA
      health.pastEndOfSupport = record.endOfSupport.map { $0 < today } ?? false
      return health
    }

    let graph = DependencyGraph(systems: records)
    let dependants = graph.dependants()
    let impact = graph.impact(states: result.map(\.state))
    let cycles = graph.cycles()
    for position in result.indices {
      result[position].dependants = dependants[position]
      result[position].impactedVia = impact[position]
      result[position].dependencyCycle = cycles[position]
    }
    return result
  }
}
