import Dispatch

/// Runs a `LiveSession` on a background thread every refresh interval and hands each update to a
/// callback (the dashboard posts it to its run loop's mailbox). Sleeps between polls, until the
/// session's next deadline when that comes first (`nextWait`); `requestPoll` wakes it at once (the
/// `r` key), `stop` ends it. Its poller asks remote sources in the background, and an answer wakes
/// it to add it (`RemoteFetching.background`).
public final class LiveFeed: @unchecked Sendable {
  private let session: LiveSession
  private let intervalOverride: Span?
  private let awaitsSettledFiles: Bool
  private let beforePoll: (@Sendable (Timestamp) -> Void)?
  private let deliver: @Sendable (LiveUpdate) -> Void
  private let configured: (@Sendable (Configuration) -> Void)?
  private let clock: any TimeSource
  private let condition = Condition()
  private var wakeRequested = false
  /// A remote source answered: poll now, without the re-read on demand's forced recomputation.
  private var answerArrived = false
  private var stopped = false
  private var interval: Span
  private var started = false
  private let finished = DispatchSemaphore(value: 0)

  /// - Parameters:
  ///   - intervalOverride: `--interval`; otherwise `refresh.interval` from the configuration.
  ///   - beforePoll: work to do just before each poll (the demo's simulator appending samples).
  ///   - awaitsSettledFiles: whether the first read and each re-read on demand wait (up to 2 s) for
  ///     CSV and TOML files being written to settle; the demo, which writes its own files whole, does not.
  ///   - progress: how far a long poll has got (`Poller.progressHandler`), from the poller's thread.
  ///   - configured: the data directory's configuration, read alone before the first poll, so that
  ///     its settings (the tabs, the theme) show while a long first read runs.
  public init(
    session: LiveSession, clock: any TimeSource, intervalOverride: Span?,
    beforePoll: (@Sendable (Timestamp) -> Void)? = nil, awaitsSettledFiles: Bool = true,
    progress: (@Sendable (LoadProgress) -> Void)? = nil, configured: (@Sendable (Configuration) -> Void)? = nil,
    deliver: @escaping @Sendable (LiveUpdate) -> Void
  ) {
    session.poller.progressHandler = progress
    self.configured = configured
    self.awaitsSettledFiles = awaitsSettledFiles
    self.session = session
    self.clock = clock
    self.intervalOverride = intervalOverride
    self.beforePoll = beforePoll
    self.deliver = deliver
    self.interval = intervalOverride ?? session.poller.store.configuration.refreshInterval
    session.poller.remoteFetching = .background { [weak self] in self?.answerReceived() }
  }

  public func start() {
    started = startThread(name: "imtop-poller", stackSize: 4 << 20) { [self] in run() }
  }

  /// Wakes the poller now (re-read on demand).
  public func requestPoll() {
    condition.lock()
    wakeRequested = true
    condition.signal()
    condition.unlock()
  }

  private func answerReceived() {
    condition.lock()
    answerArrived = true
    condition.signal()
    condition.unlock()
  }

  /// Ends the thread after its current poll, waiting up to `timeout` for it, so that nothing it
  /// does (the demo writing files) happens after the caller cleans up.
  public func stop(timeout: Double = 2) {
    condition.lock()
    stopped = true
    condition.signal()
    condition.unlock()
    if started { _ = finished.wait(timeout: .now() + timeout) }
  }

  /// How long to sleep after a poll at `now`: the refresh interval, or less when the session's
  /// next deadline (a system going silent, a held sample falling due) comes sooner.
  func nextWait(at now: Timestamp) -> Span {
    guard let deadline = session.nextDeadline else { return interval }
    return min(interval, max(.zero, deadline - now))
  }

  private func run() {
    defer { finished.signal() }
    var force = true
    var first = true
    while true {
      beforePoll?(clock.now)
      if force && awaitsSettledFiles { session.poller.awaitSettledWholeFiles() }
      if first, let configured { configured(session.readConfiguration()) }
      first = false
      if let update = session.step(force: force) {
        interval = intervalOverride ?? update.configuration.refreshInterval
        session.poller.settleTime = max(interval, .seconds(1))
        deliver(update)
      }
      condition.lock()
      // Held within a day: a wait that long is woken by the next refresh anyway.
      let seconds = min(86_400, max(0.05, Double(nextWait(at: clock.now).milliseconds) / 1000))
      let deadline = Condition.deadline(after: seconds)
      while !stopped && !wakeRequested && !answerArrived {
        if !condition.wait(until: deadline) { break }
      }
      force = wakeRequested
      wakeRequested = false
      answerArrived = false
      let done = stopped
      condition.unlock()
      if done { return }
    }
  }
}
