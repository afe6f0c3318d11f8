import ImtopCore

/// One line of the event feed: a system changing state, or a problem in the data.
public struct FeedEvent: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    case stateChange(system: String, from: ServiceState, to: ServiceState)
    case dataIssue(DataIssue)
    case note(String)
    /// A system went silent (`returned` false: no sample since `lastSample`) or reports again after
    /// a silence (`returned` true: its first sample since `lastSample` is the event's time).
    case silence(system: String, lastSample: Timestamp, returned: Bool)
  }

  public var time: Timestamp
  public var kind: Kind

  public init(time: Timestamp, kind: Kind) {
    self.time = time
    self.kind = kind
  }

  /// The system an event is about, if any.
  public var system: String? {
    if case .stateChange(let system, _, _) = kind { return system }
    if case .silence(let system, _, _) = kind { return system }
    return nil
  }

  /// What changed from `old` to `new`: every system whose state differs (new systems included when
  /// they are not `unknown`), and every data issue `old` did not have. A system that became unknown
  /// by going silent is left to the live feed's silence event, which says for how long. A system
  /// `old` listed without a sample and heard from now (a remote source's first answer, a monitor's
  /// first line) brings the changes of its history instead, as the first figures do (`history`).
  /// Pure, so the run loop can call it and tests can check it.
  public static func changes(from old: Snapshot?, to new: Snapshot) -> [FeedEvent] {
    var events: [FeedEvent] = []
    let oldSystems = old?.systems ?? []
    let systems = new.systems
    // Each system is looked at in place (a copy of its whole figures per system was most of the
    // cost at 50,000), and found at the same position in the old snapshot when the inventory is
    // the same; by id otherwise (an id listed twice, which the store never lets through, is then
    // compared with its first occurrence).
    var previous: [String: (state: ServiceState, sampled: Bool)]?
    /// The system's state in `old` and whether it had a sample there; nil when `old` lacks it.
    func state(before position: Int) -> (state: ServiceState, sampled: Bool)? {
      let id = systems[position].id
      if position < oldSystems.count, oldSystems[position].id == id {
        return (oldSystems[position].state, oldSystems[position].lastSample != nil)
      }
      if previous == nil {
        previous = Dictionary(
          oldSystems.indices.map { (oldSystems[$0].id, (oldSystems[$0].state, oldSystems[$0].lastSample != nil)) },
          uniquingKeysWith: { first, _ in first })
      }
      return previous?[id]
    }
    var firstHeard = NewestEvents(limit: historyLimit)
    for position in systems.indices {
      let known = state(before: position)
      let before = known?.state ?? .unknown
      let after = systems[position].state
      // A system listed before without a sample, now with some. (A system new to the inventory is
      // one change from unknown, as before; the first figures, with no `old`, are the caller's.)
      if let known, !known.sampled, systems[position].lastSample != nil {
        let history = historyEvents(of: systems[position], at: new.asOf, limit: historyLimit)
        if !history.isEmpty {
          firstHeard.add(history)
          continue
        }
      }
      guard before != after, !(systems[position].silent && after == .unknown) else { continue }
      let time = systems[position].lastSample.map { max($0, old?.asOf ?? $0) } ?? new.asOf
      events.append(FeedEvent(time: min(time, new.asOf), kind: .stateChange(system: systems[position].id, from: before, to: after)))
    }
    events += firstHeard.newestFirst
    let known = Set(old?.data.issues ?? [])
    for issue in new.data.issues where !known.contains(issue) {
      events.append(FeedEvent(time: new.asOf, kind: .dataIssue(issue)))
    }
    return events
  }

  /// The latest state changes found in the data: what the feed starts with, so that it opens on the
  /// recent past the store holds rather than on nothing. From each system's history (the snapshot's
  /// last 30 days), newest first, at most `limit`.
  public static func history(of snapshot: Snapshot, limit: Int = historyLimit) -> [FeedEvent] {
    var events = NewestEvents(limit: limit)
    for system in snapshot.systems { events.add(historyEvents(of: system, at: snapshot.asOf, limit: limit)) }
    return events.newestFirst
  }

  /// Most changes of state the history of the first figures (or of a system first heard from) brings.
  public static let historyLimit = 100

  /// `system`'s changes of state in its history up to `now`, newest first, at most `limit`.
  private static func historyEvents(of system: SystemHealth, at now: Timestamp, limit: Int) -> [FeedEvent] {
    system.history.entries.prefix(limit).filter { $0.from != $0.state && $0.start <= now }.map { entry in
      FeedEvent(time: entry.start, kind: .stateChange(system: system.id, from: entry.from, to: entry.state))
    }
  }
}

/// The newest `limit` of events added in batches: what sorting them all by time, newest first
/// (events of equal time in the order added), and keeping the first `limit` gives, without holding
/// them all (the first figures of 50,000 systems bring one for nearly each: 6 MB at once).
private struct NewestEvents {
  let limit: Int
  private var kept: [FeedEvent] = []

  init(limit: Int) { self.limit = max(0, limit) }

  mutating func add(_ events: [FeedEvent]) {
    guard limit > 0 else { return }
    kept += events
    // Sorting is stable, so equal times keep the order they were added in, across compactions.
    if kept.count >= 2 * limit { kept = Array(sorted().prefix(limit)) }
  }

  var newestFirst: [FeedEvent] { Array(sorted().prefix(limit)) }

  private func sorted() -> [FeedEvent] { kept.sorted { $0.time > $1.time } }
}
