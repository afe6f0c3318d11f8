extension Poller {
  /// What a poll has read so far, for `progressHandler`: bytes read over all its logs, and once the
  /// poll has run `LoadProgressMeter.delay` (or at once, before a `LoadProgressMeter.largeLoad`),
  /// what it has to read in all (worked out then, once).
  struct ReadingProgress {
    var meter: LoadProgressMeter
    /// The logs the poll looks at, in the order it reads them.
    let logs: [String]
    var current: String?
    /// Where the log being read was when this poll started on it.
    var currentStart: Int64 = 0
    var doneBefore: Int64 = 0
    var done: Int64 = 0
    var filesStarted = 0
    /// What the poll has to read in all, bytes and logs, worked out at its first report.
    var total: (bytes: Int64, files: Int)?
  }

  /// Starts counting a poll's reading, when something wants to know.
  func startProgress(logs: [String], at now: Timestamp) {
    reading = progressHandler == nil ? nil : ReadingProgress(meter: LoadProgressMeter(started: now), logs: logs)
  }

  /// Notes that the log at `path` has been read up to `offset` of `size`; reports progress when due.
  /// - Complexity: O(1), and a `stat` per log once per poll that runs past the delay.
  func noteReading(_ path: String, at offset: Int64, of size: Int64) {
    guard var progress = reading, let handler = progressHandler else { return }
    if progress.current != path {
      progress.current = path
      progress.currentStart = offset
      progress.doneBefore = progress.done
      progress.filesStarted += 1
    }
    progress.done = progress.doneBefore + max(0, offset - progress.currentStart)
    var report: LoadProgress?
    if progress.meter.isDue(at: clock.now, ahead: size - offset) {
      let total = progress.total ?? {
        let later = pendingAfter(path, in: progress.logs)
        return (progress.done + max(0, size - offset) + later.bytes, progress.filesStarted + later.files)
      }()
      progress.total = total
      report = LoadProgress(
        work: .reading(file: path, number: progress.filesStarted, count: max(total.files, progress.filesStarted)),
        bytesDone: progress.done, bytesTotal: max(total.bytes, progress.done))
    }
    reading = progress
    if let report { handler(report) }
  }

  /// The bytes still to read in the logs after `path`, and how many have some.
  private func pendingAfter(_ path: String, in logs: [String]) -> (bytes: Int64, files: Int) {
    guard let index = logs.firstIndex(of: path) else { return (0, 0) }
    var pending: (bytes: Int64, files: Int) = (0, 0)
    for later in logs[(index + 1)...] {
      guard let identity = FileIdentity.of(path: listing.fullPath(later)), identity.isRegularFile else { continue }
      let known = tracked[later].flatMap { file in file.identity.map { identity.isSameFile(as: $0) ? file.offset : 0 } } ?? 0
      let left = identity.size - min(known, identity.size)
      if left > 0 { pending = (pending.bytes + left, pending.files + 1) }
    }
    return pending
  }
}
