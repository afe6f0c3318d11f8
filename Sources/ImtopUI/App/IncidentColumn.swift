import ImtopCore

/// The sortable columns of the incidents page (`s` cycles them, `S` reverses). The open and the
/// resolved table share them; a column one table does not show (`Resolved` for open incidents)
/// leaves that table in its natural order.
public enum IncidentColumn: String, CaseIterable, Sendable, Hashable {
  case priority, system, age, acknowledged, resolved, id, summary

  public var title: String {
    switch self {
    case .priority: return "Pri"
    case .system: return "System"
    case .age: return "Age"
    case .acknowledged: return "Ack"
    case .resolved: return "Resolved"
    case .id: return "ID"
    case .summary: return "Summary"
    }
  }

  /// Whether the natural first sort is descending (oldest, longest unacknowledged, latest first).
  public var descendingFirst: Bool {
    switch self {
    case .age, .acknowledged, .resolved: return true
    default: return false
    }
  }

  /// The key that orders `incident` by this column at `now`; `name` is its system's display name.
  func sortKey(_ incident: Incident, name: String, at now: Timestamp) -> RowOrder.Key {
    switch self {
    case .priority: return .integer(Int64(Priority.allCases.firstIndex(of: incident.priority) ?? 9))
    case .system: return .text(name.lowercased())
    // How long it has been open, or was until it was resolved.
    case .age: return .integer((Self.end(incident, at: now) - incident.opened).milliseconds)
    case .acknowledged:
      // Not acknowledged sorts as worse than any acknowledgement, the longest wait first; then the
      // slowest acknowledgement.
      guard let acknowledged = incident.acknowledged, incident.isAcknowledged(at: now) else {
        return .integer(Int64(1) << 50 + (Self.end(incident, at: now) - incident.opened).milliseconds)
      }
      return .integer((acknowledged - incident.opened).milliseconds)
    case .resolved:
      guard let resolved = incident.resolved, resolved <= now else { return .missing }
      return .integer(resolved.milliseconds)
    case .id: return .text(incident.id.lowercased())
    case .summary: return .text(incident.summary.lowercased())
    }
  }

  /// When an incident stopped being open: its resolution, or `now` while it is open.
  static func end(_ incident: Incident, at now: Timestamp) -> Timestamp {
    incident.resolved.map { min($0, now) } ?? now
  }
}

/// The incidents page's rows for a filter and sort: the open incidents, then those resolved in the
/// last 30 days, each list in the table's order. The selection moves over both, open ones first.
struct IncidentRows: Sendable {
  var open: [Incident]
  var resolved: [Incident]

  static let empty = IncidentRows(open: [], resolved: [])

  var count: Int { open.count + resolved.count }
  var isEmpty: Bool { count == 0 }
  subscript(position: Int) -> Incident { position < open.count ? open[position] : resolved[position - open.count] }

  /// Where the incident with this id is (the first with it: an export may repeat an id).
  func position(ofID id: String) -> Int? {
    if let index = open.firstIndex(where: { $0.id == id }) { return index }
    return resolved.firstIndex { $0.id == id }.map { $0 + open.count }
  }

  /// Filters and sorts the snapshot's lists with the systems table's machinery. Ties keep the
  /// snapshot's order (open: priority, then oldest; resolved: latest resolution first).
  init(_ summary: IncidentSummary, names: [String: String], filter: String, column: IncidentColumn, ascending: Bool, at now: Timestamp) {
    let needle = filter.lowercased()
    func ordered(_ incidents: [Incident]) -> [Incident] {
      let matching = needle.isEmpty ? incidents : incidents.filter { Self.matches($0, names: names, needle, at: now) }
      let keys = matching.map { column.sortKey($0, name: names[$0.system] ?? $0.system, at: now) }
      return RowOrder.sorted(keys, ties: Array(matching.indices), ascending: ascending).map { matching[$0] }
    }
    open = ordered(summary.openList)
    resolved = ordered(summary.resolvedList)
  }

  init(open: [Incident], resolved: [Incident]) {
    self.open = open
    self.resolved = resolved
  }

  /// The filter's haystack: id, priority, system id and name, summary, and whether it is
  /// unacknowledged or resolved (so `/unack` lists those waiting for someone).
  static func matches(_ incident: Incident, names: [String: String], _ needle: String, at now: Timestamp) -> Bool {
    var texts = [incident.id, incident.priority.rawValue, incident.system, names[incident.system] ?? "", incident.summary]
    if !incident.isOpen(at: now) {
      texts.append("resolved")
    } else if !incident.isAcknowledged(at: now) {
      texts.append("unacknowledged")
    }
    return RowOrder.matches(texts, needle)
  }
}
