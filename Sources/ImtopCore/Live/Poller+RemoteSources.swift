extension Poller {
  /// Queries each source whose interval has passed, from a step after its last point to now (at the
  /// first query, from `now − history`), and adds what it returns to the store under its name, as a
  /// log's new lines are. A failure keeps the last good samples and marks the source failed, as a
  /// file that cannot be read; the next query, once the source answers again, fetches the range
  /// missed meanwhile.
  func pollRemoteSources(into poll: inout PollProgress) {
    for source in remoteSources {
      var state = remoteStates[source.name] ?? RemoteSourceState()
      let interval = source.interval ?? store.configuration.refreshInterval
      if let last = state.lastAttempt, poll.now >= last, poll.now - last < interval { continue }
      state.lastAttempt = poll.now
      let start = state.next ?? RemoteSourceState.aligned(poll.now - source.history, step: source.step)
      if start > poll.now {
        remoteStates[source.name] = state
        continue
      }
      if tracked[source.name] == nil {
        tracked[source.name] = TrackedFile(kind: .status)
        poll.events.append(.sourceAdded(name: source.name))
      }
      switch source.fetch(start...poll.now, staleAfter: store.configuration.staleAfter) {
      case .failure(let failure):
        remoteStates[source.name] = state
        fail(source.name, failure.message, into: &poll)
      case .success(let samples):
        state.next = samples.coveredUntil + source.step
        remoteStates[source.name] = state
        recover(source.name, into: &poll)
        add(samples, from: source.name, into: &poll)
      }
    }
  }

  private func add(_ samples: RemoteSamples, from name: String, into poll: inout PollProgress) {
    tracked[name]?.records += samples.status.count + samples.metrics.count
    tracked[name]?.errors += samples.issues.count
    if let latest = (samples.status.map(\.timestamp) + samples.metrics.map(\.timestamp)).max() {
      let modified = max(latest, tracked[name]?.identity?.modified ?? latest)
      tracked[name]?.identity = FileIdentity(device: 0, inode: 0, size: 0, modifiedNanoseconds: modified.milliseconds.saturatingMultiplied(by: 1_000_000))
    }
    if !samples.status.isEmpty {
      noteRunsBefore(into: &poll)
      store.add(samples.status, from: name, now: poll.now)
      poll.changed.insert(name)
    }
    if !samples.metrics.isEmpty {
      store.add(samples.metrics, from: name, now: poll.now)
      poll.changed.insert(name)
    }
    if !samples.issues.isEmpty {
      store.appendIssues(samples.issues, for: name)
      poll.issues += samples.issues
      poll.changed.insert(name)
    }
    updateReport(for: name)
  }
}

/// Where a source stands: when it was last asked, and the first grid point not yet fetched.
struct RemoteSourceState {
  var lastAttempt: Timestamp?
  var next: Timestamp?

  /// `time` rounded up to a multiple of `step` (since the epoch), as Prometheus's own grid is.
  static func aligned(_ time: Timestamp, step: Span) -> Timestamp {
    let width = max(1, step.milliseconds)
    let remainder = ((time.milliseconds % width) + width) % width
    return remainder == 0 ? time : Timestamp(milliseconds: time.milliseconds - remainder + width)
  }
}
