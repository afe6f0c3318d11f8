import FoundationEssentials
import Glibc

extension Poller {
  /// Reads a CSV or TOML file again when its identity changed; a failed read keeps the last good
  /// contents in the store.
  ///
  /// A file replaced by a rename (a new inode, as careful exporters write) is whole and read at once,
  /// as is a file seen for the first time. One changed in place may be half-written: it is read only
  /// once its size, modification time and inode have stayed the same for `settleTime`, across polls.
  func pollWholeFile(_ path: String, into poll: inout PollProgress) {
    guard let file = tracked[path] else { return }
    guard let identity = FileIdentity.of(path: listing.fullPath(path)) else {
      // Listed but not there to follow: a symbolic link that loops or points nowhere.
      fail(path, "cannot be read: \(String(cString: strerror(errno)))", into: &poll)
      return
    }
    if file.identity == identity {
      tracked[path]?.settling = nil
      return
    }
    if let old = file.identity, old.isSameFile(as: identity), identity.isRegularFile {
      guard let settling = file.settling, settling.identity == identity else {
        tracked[path]?.settling = (identity, poll.now)
        return
      }
      guard poll.now - settling.since >= settleTime else { return }
    }
    tracked[path]?.settling = nil
    guard identity.isRegularFile else {
      fail(path, "is a directory or device: expected a \(file.kind.fileExtension.uppercased()) file", identity: identity, into: &poll)
      return
    }
    guard identity.size <= Int64(Poller.maximumWholeFileSize) else {
      fail(path, "file of \(identity.size) bytes is too large: expected at most \(Poller.maximumWholeFileSize >> 20) MB", identity: identity, into: &poll)
      return
    }
    let bytes: [UInt8]
    switch Poller.readWhole(listing.fullPath(path)) {
    case .success(let read): bytes = read
    case .failure(let error):
      fail(path, error.message, identity: identity, into: &poll)
      return
    }
    if file.kind == .budget, budgetCurrency == nil { budgetCurrency = BudgetReader.firstCurrency(in: bytes) }
    let context = ReadContext(configuration: store.configuration, budgetCurrency: budgetCurrency)
    var contents = readWholeFile(file.kind, bytes, path, context)
    contents.modified = identity.modified
    if let failure = contents.failure {
      let line = contents.issues.first { $0.message == failure }?.line
      fail(path, failure, line: line, identity: identity, into: &poll)
    } else {
      accept(contents, path: path, identity: identity, into: &poll)
    }
  }

  private func accept(_ read: FileContents, path: String, identity: FileIdentity, into poll: inout PollProgress) {
    var contents = read
    if let drop = Poller.recordDrop(from: store.contents[path], to: contents) { contents.issues.append(drop) }
    if case .incidents(let incidents) = contents.records {
      if incidentsBaselineRead {
        let known = store.incidentIDs
        for incident in incidents where !known.contains(incident.id) { poll.events.append(.incidentOpened(incident)) }
      }
      poll.readIncidents = true
    }
    if store.setContents(contents) { restartLogs() }
    tracked[path]?.identity = identity
    tracked[path]?.records = contents.records.count
    tracked[path]?.errors = contents.rejected
    recover(path, into: &poll)
    poll.issues.append(contentsOf: contents.issues)
    if let first = contents.issues.first { poll.events.append(.badRecords(path: path, count: contents.issues.count, first: first)) }
    poll.changed.insert(path)
    updateReport(for: path)
  }

  /// A warning when an inventory file now holds less than half the records it held: the file was
  /// read whole, but an export cut short at a row boundary looks exactly like this.
  static func recordDrop(from before: FileContents?, to after: FileContents) -> DataIssue? {
    guard after.kind == .systems, let before, before.kind == .systems else { return nil }
    let old = before.records.count
    let new = after.records.count
    guard new * 2 < old else { return nil }
    return DataIssue(
      file: after.path, line: nil,
      message: "\(old) systems before, \(new) now: more than half the inventory is gone (is the export complete?)",
      severity: .warning)
  }

  /// After the zone or `stale_after` changed (the store emptied its history): every log is read
  /// again from its start under the new settings, later in the same poll, and every remote source
  /// is asked again for its whole history (a source's last point no longer says what the store holds);
  /// an answer still on its way is dropped.
  private func restartLogs() {
    for logPath in tracked.keys where tracked[logPath]?.kind.isAppendOnly == true {
      tracked[logPath]?.identity = nil
      tracked[logPath]?.restartFromBeginning()
      tracked[logPath]?.aggregatesAfter = nil
    }
    remoteStates = [:]
    remoteGeneration += 1
  }

  /// The whole file at `path`, read with the system calls themselves, so that what cannot be read
  /// says why in the system's own words (`cannot be read: Permission denied`).
  static func readWhole(_ path: String) -> Result<[UInt8], ReadFailure> {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { return .failure(ReadFailure(errno: errno)) }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 << 10)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(ReadFailure(errno: errno))
      }
      if count == 0 { return .success(bytes) }
      guard bytes.count + count <= Poller.maximumWholeFileSize else {
        return .failure(ReadFailure(message: "file is too large: expected at most \(Poller.maximumWholeFileSize >> 20) MB"))
      }
      bytes.append(contentsOf: chunk[0..<count])
    }
  }
}

/// Why a file could not be read at all, as shown after its path.
struct ReadFailure: Error {
  var message: String

  init(message: String) {
    self.message = message
  }

  /// `cannot be read: ` and the system's text for `errno`.
  init(errno code: Int32) {
    self.message = "cannot be read: \(String(cString: strerror(code)))"
  }
}
