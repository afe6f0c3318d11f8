/// Something the event feed shows, found by one poll.
public enum LiveEvent: Hashable, Sendable {
  /// A system's state changed (`to` is `unknown` when its latest sample went stale).
  case stateChanged(system: String, from: ServiceState, to: ServiceState, at: Timestamp)
  /// An incident id that was not in the incident files before (not raised for the first read).
  case incidentOpened(Incident)
  /// A file could not be read; its last good contents stay in use, stale.
  case fileFailed(path: String, message: String)
  /// A file that had failed was read successfully again.
  case fileRecovered(path: String)
  /// New bad records in a file: how many, and the first of them.
  case badRecords(path: String, count: Int, first: DataIssue)
  case fileAppeared(path: String)
  case fileRemoved(path: String)

  /// When it happened as far as the data says (state changes), for ordering the feed.
  public var time: Timestamp? {
    if case .stateChanged(_, _, _, let at) = self { return at }
    if case .incidentOpened(let incident) = self { return incident.opened }
    return nil
  }
}
