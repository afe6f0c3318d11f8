import Logging

/// How a poller event is written to the log (the README's "Log"): a level, a message of one line,
/// and an `event` metadata value naming its kind, by which a log handler may limit its rate.
extension LiveEvent {
  /// The kind of event, as the `event` metadata value.
  public var logKind: String {
    switch self {
    case .stateChanged: return "state-changed"
    case .incidentOpened: return "incident-opened"
    case .fileFailed: return "file-failed"
    case .fileRecovered: return "file-recovered"
    case .badRecords: return "bad-records"
    case .fileAppeared: return "file-appeared"
    case .fileRemoved: return "file-removed"
    case .sourceAdded: return "source-added"
    case .sourceFailed: return "source-failed"
    case .sourceRecovered: return "source-recovered"
    case .wentSilent: return "went-silent"
    case .reportingAgain: return "reporting-again"
    }
  }

  /// Errors lose data (a file that cannot be read), warnings need a look (bad records), notices are
  /// what an operator reading the log later wants to find (recoveries, state changes, incidents).
  public var logLevel: Logger.Level {
    switch self {
    case .fileFailed, .sourceFailed: return .error
    case .badRecords, .wentSilent: return .warning
    case .reportingAgain: return .notice
    case .fileRecovered, .sourceRecovered, .stateChanged, .incidentOpened: return .notice
    case .fileAppeared, .fileRemoved, .sourceAdded: return .info
    }
  }

  /// The event in words, without the time the log line carries.
  public var logMessage: String {
    switch self {
    case .stateChanged(let system, let from, let to, let at):
      return "\(system): state \(from.rawValue) -> \(to.rawValue) at \(at.iso8601)"
    case .incidentOpened(let incident):
      return "new \(incident.priority.rawValue) incident \(incident.id) on \(incident.system): \(incident.summary)"
    case .fileFailed(let path, let message):
      return "\(path): read failed, its last good contents stay in use: \(message)"
    case .fileRecovered(let path):
      return "\(path): readable again"
    case .badRecords(let path, let count, let first):
      let noun = count == 1 ? "bad record" : "bad records"
      return "\(path): \(count) \(noun), the first: \(first)"
    case .fileAppeared(let path):
      return "\(path): new file"
    case .fileRemoved(let path):
      return "\(path): removed"
    case .sourceAdded(let name):
      return "\(name): new source"
    case .sourceFailed(let name, let message):
      return "\(name): query failed, the samples it gave before stay in use: \(message)"
    case .sourceRecovered(let name):
      return "\(name): answering again"
    case .wentSilent(let system, let lastSample, let at):
      return "\(system): no sample since \(lastSample.iso8601), silent from \(at.iso8601)"
    case .reportingAgain(let system, let lastSample, let at):
      return "\(system): reporting again at \(at.iso8601), after no sample since \(lastSample.iso8601)"
    }
  }
}

extension Logger {
  /// Writes one poller event at its level, with its kind as `event` metadata.
  public func log(_ event: LiveEvent) {
    log(level: event.logLevel, "\(event.logMessage)", metadata: ["event": "\(event.logKind)"])
  }
}
