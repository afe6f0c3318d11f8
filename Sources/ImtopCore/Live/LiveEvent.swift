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
  /// A source of the user's configuration (a Prometheus server) is queried for the first time.
  case sourceAdded(name: String)
  /// A source's query failed; the samples it gave before stay in use, stale.
  case sourceFailed(name: String, message: String)
  /// A source that had failed answered again.
  case sourceRecovered(name: String)
  /// A system's latest sample (`lastSample`) became older than `stale_after`: its monitor stopped
  /// reporting. `at` is when it went silent, `lastSample` + `stale_after`.
  case wentSilent(system: String, lastSample: Timestamp, at: Timestamp)
  /// A silent system has a new sample, at `at`; `lastSample` is its last one before the silence.
  case reportingAgain(system: String, lastSample: Timestamp, at: Timestamp)

  /// When it happened as far as the data says (state changes, silence), for ordering the feed.
  public var time: Timestamp? {
    if case .stateChanged(_, _, _, let at) = self { return at }
    if case .incidentOpened(let incident) = self { return incident.opened }
    if case .wentSilent(_, _, let at) = self { return at }
    if case .reportingAgain(_, _, let at) = self { return at }
    return nil
  }
}
