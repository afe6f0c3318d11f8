import Foundation

extension Poller {
  /// Reads a CSV or TOML file again when its identity changed; a failed read keeps the last good
  /// contents in the store.
  func pollWholeFile(_ path: String, into poll: inout PollProgress) {
    guard let file = tracked[path] else { return }
    guard let identity = FileIdentity.of(path: listing.fullPath(path)) else { return }
    if file.identity == identity { return }
    guard identity.isRegularFile else {
      fail(path, "is a directory or device: expected a \(file.kind.fileExtension.uppercased()) file", identity: identity, into: &poll)
      return
    }
    guard identity.size <= Int64(Poller.maximumWholeFileSize) else {
      fail(path, "file of \(identity.size) bytes is too large: expected at most \(Poller.maximumWholeFileSize >> 20) MB", identity: identity, into: &poll)
      return
    }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: listing.fullPath(path)))
    } catch {
      fail(path, "cannot be read: \(Poller.describe(error))", identity: identity, into: &poll)
      return
    }
    if let problem = TextCheck.problem(in: data) {
      fail(path, problem, identity: identity, into: &poll)
      return
    }
    switch readWholeFile(file.kind, path, data, store.configuration) {
    case .failed(let message):
      fail(path, message, identity: identity, into: &poll)
    case .read(let contents, let issues):
      accept(contents, issues: issues, path: path, identity: identity, into: &poll)
    }
  }

  private func accept(_ contents: WholeFileContents, issues: [DataIssue], path: String, identity: FileIdentity, into poll: inout PollProgress) {
    if case .incidents(let incidents) = contents {
      if incidentsBaselineRead {
        let known = store.incidentIDs
        for incident in incidents where !known.contains(incident.id) { poll.events.append(.incidentOpened(incident)) }
      }
      poll.readIncidents = true
    }
    if store.setContents(contents, for: path) {
      // The zone or stale_after changed: every log is read again under the new settings.
      for logPath in tracked.keys where tracked[logPath]?.kind.isAppendOnly == true {
        tracked[logPath]?.identity = nil
        tracked[logPath]?.restartFromBeginning()
        tracked[logPath]?.aggregatesAfter = nil
      }
    }
    tracked[path]?.identity = identity
    tracked[path]?.records = contents.recordCount
    tracked[path]?.errors = issues.count
    recover(path, into: &poll)
    store.replaceIssues(issues, for: path)
    poll.issues.append(contentsOf: issues)
    if let first = issues.first { poll.events.append(.badRecords(path: path, count: issues.count, first: first)) }
    poll.changed.insert(path)
    updateReport(for: path)
  }

  static func describe(_ error: Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(underlying.code)))
    }
    return nsError.localizedDescription
  }
}
