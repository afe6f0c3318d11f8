import Synchronization

/// How a poll asks its remote sources.
public enum RemoteFetching: Sendable {
  /// On the poller's own thread: the poll waits for each answer. One-shot commands read everything
  /// at one instant this way, and tests step it.
  case inline
  /// Each query on a thread of its own: the poll that starts it goes on without waiting, and the
  /// first poll after the answer arrives adds it, as the inline poll would have. `wake` is called
  /// when an answer arrives, so that it is added then rather than at the next refresh. A slow or
  /// unreachable server (up to its timeout) never holds back the files' figures or the first frame.
  case background(wake: @Sendable () -> Void)
}

extension Poller {
  /// Queries each source whose interval has passed, from a step after its last point to now (at the
  /// first query, from `now − history`), and adds what it returns to the store under its name, as a
  /// log's new lines are. A failure keeps the last good samples and marks the source failed, as a
  /// file that cannot be read; the next query, once the source answers again, fetches the range
  /// missed meanwhile. With `.background` fetching, the answers that arrived since the last poll
  /// are added first, and a source still being asked is not asked again.
  func pollRemoteSources(into poll: inout PollProgress) {
    for answer in remoteAnswers.take() {
      if remoteInFlight[answer.name] == answer.generation { remoteInFlight[answer.name] = nil }
      // An answer to a query made before the history was emptied (`restartLogs`) is not added:
      // the source is asked for its whole history again.
      guard answer.generation == remoteGeneration, let source = remoteSources.first(where: { $0.name == answer.name }) else {
        continue
      }
      add(answer.result, of: source, into: &poll)
    }
    for source in remoteSources where remoteInFlight[source.name] != remoteGeneration {
      var state = remoteStates[source.name] ?? RemoteSourceState()
      let interval = source.interval ?? store.configuration.refreshInterval
      if let last = state.lastAttempt, poll.now >= last, poll.now - last < interval { continue }
      state.lastAttempt = poll.now
      remoteStates[source.name] = state
      let start = state.next ?? RemoteSourceState.aligned(poll.now - source.history, step: source.step)
      if start > poll.now { continue }
      if tracked[source.name] == nil {
        tracked[source.name] = TrackedFile(kind: .status)
        poll.events.append(.sourceAdded(name: source.name))
        updateReport(for: source.name)
      }
      let range = start...poll.now
      let staleAfter = store.configuration.staleAfter
      switch remoteFetching {
      case .inline:
        add(source.fetch(range, staleAfter: staleAfter), of: source, into: &poll)
      case .background(let wake):
        let generation = remoteGeneration
        let answers = remoteAnswers
        remoteInFlight[source.name] = generation
        let started = startThread(name: "imtop-fetch") {
          answers.put(RemoteAnswer(name: source.name, generation: generation, result: source.fetch(range, staleAfter: staleAfter)))
          wake()
        }
        if !started {
          remoteInFlight[source.name] = nil
          fail(source.name, "cannot query it: the system refused a thread for it", into: &poll)
        }
      }
    }
  }

  /// Adds one answer of `source`: its samples, or its failure.
  private func add(_ result: Result<RemoteSamples, RemoteSourceFailure>, of source: any RemoteSource, into poll: inout PollProgress) {
    switch result {
    case .failure(let failure):
      fail(source.name, failure.message, into: &poll)
    case .success(let samples):
      // The first answer since the history was (re)started brings it whole: a starting point.
      if remoteStates[source.name]?.next == nil { poll.startingPoints.formUnion(samples.status.map(\.system)) }
      remoteStates[source.name, default: RemoteSourceState()].next = samples.coveredUntil + source.step
      recover(source.name, into: &poll)
      add(samples, from: source.name, into: &poll)
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

/// One source's answer to a query made on a thread of its own, and the history it was asked for
/// (`Poller.remoteGeneration` when it was made).
struct RemoteAnswer: Sendable {
  var name: String
  var generation: Int
  var result: Result<RemoteSamples, RemoteSourceFailure>
}

/// The answers of background queries, from their threads to the poller's.
final class RemoteAnswers: Sendable {
  private let answers = Mutex<[RemoteAnswer]>([])

  func put(_ answer: RemoteAnswer) { answers.withLock { $0.append(answer) } }

  /// The answers that arrived since the last call, in arrival order.
  func take() -> [RemoteAnswer] { answers.withLock { answers in defer { answers = [] }; return answers } }
}
