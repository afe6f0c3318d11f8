import Logging

/// What the dashboard receives from its background work: the latest figures and what happened.
public struct LiveUpdate: Sendable {
  public var snapshot: Snapshot
  /// Events found since the previous update (file failures, recoveries, new incidents...).
  public var events: [LiveEvent]
  /// The configuration in force (the last good `imtop.toml`, or the defaults).
  public var configuration: Configuration

  public init(snapshot: Snapshot, events: [LiveEvent], configuration: Configuration) {
    self.snapshot = snapshot
    self.events = events
    self.configuration = configuration
  }
}

/// One step of the live dashboard's background work: poll the data directory, and compute new
/// figures when something changed (a system going silent included) or when enough time has passed
/// for the windows to have moved.
///
/// Separate from the thread that drives it, so tests step it with a hand-moved clock. What each poll
/// finds goes to `logger` as it happens (the README's "Log").
public final class LiveSession {
  public let poller: Poller
  public let engine: MetricEngine
  /// With no file change, figures are still recomputed this often (states go stale, windows slide);
  /// 30 s by default: a recomputation with KPI trends is the costliest thing an idle dashboard does.
  /// A large portfolio's come less often (`idleEvery`).
  public let recomputeEvery: Span
  /// How long the last recomputation took on the thread that stepped it (processor time).
  public private(set) var lastCost = Span.zero
  /// Reads the stepping thread's processor time (`ProcessorTime.ofThisThread`; a test's own count).
  private let workClock: () -> Span
  private var lastComputed: Timestamp?
  private var pendingEvents: [LiveEvent] = []
  /// What `readConfiguration` found, for the next step.
  private var configurationEvents: [LiveEvent] = []
  private var silence = SilenceWatch()
  /// After a step, the next instant something changes with no file changing: a system still
  /// reporting goes silent, or a sample stamped in the future takes effect (`SilenceWatch`). The
  /// feed polls again then if that comes before its next poll, so the event and the figures follow
  /// within a poll of it, however long the interval. Nil before the first step and when nothing is due.
  public private(set) var nextDeadline: Timestamp?
  private let logger: Logger
  private var polledOnce = false
  /// When every system was last looked at for silence.
  private var lastLook: Timestamp?

  /// - Parameter logger: where file failures, recoveries, bad records, state changes and new
  ///   incidents are logged; by default nowhere.
  public init(
    poller: Poller, engine: MetricEngine = MetricEngine(), recomputeEvery: Span = .seconds(30),
    logger: Logger = Logger(label: "imtop.poller", factory: { _ in SwiftLogNoOpLogHandler() }),
    workClock: @escaping () -> Span = ProcessorTime.ofThisThread
  ) {
    self.poller = poller
    self.engine = engine
    self.recomputeEvery = recomputeEvery
    self.logger = logger
    self.workClock = workClock
  }

  /// How often figures are recomputed with nothing changed: `recomputeEvery`, or on a portfolio
  /// whose recomputation is costly, `idleCostFactor` times what the last one took (at most
  /// `longestIdle`). The screen's own work on new figures costs about as much again, so an idle
  /// dashboard stays well under 1 % of a core at any size: 50,000 systems take about 0.15 s, and
  /// are recomputed every minute. A change, a system going silent or a future sample still brings
  /// new figures at once.
  public var idleEvery: Span {
    let bounded = Span(milliseconds: lastCost.milliseconds.saturatingMultiplied(by: Self.idleCostFactor))
    return max(recomputeEvery, min(bounded, max(Self.longestIdle, recomputeEvery)))
  }

  /// An idle recomputation comes after at least this many times its cost: 0.25 % of a core.
  public static let idleCostFactor: Int64 = 400
  /// However costly, figures with nothing changed are at most this old: windows keep sliding.
  public static let longestIdle = Span.minutes(5)

  /// Reads `imtop.toml` alone, before the first step, so that its settings show while a long first
  /// read runs; what the read found comes with the next step's events, and is logged with them.
  public func readConfiguration() -> Configuration {
    configurationEvents += poller.pollConfiguration()
    return poller.store.configuration
  }

  /// Polls once. Returns an update when figures were recomputed; nil when nothing changed and the
  /// last figures are recent enough.
  /// - Complexity: O(bytes appended) for the poll; the snapshot is O(systems + records of the small files).
  public func step(force: Bool = false) -> LiveUpdate? {
    var result = poller.poll()
    if !configurationEvents.isEmpty {
      result.events = configurationEvents + result.events
      configurationEvents = []
    }
    // Nothing read and no deadline passed: no system can have gone silent or come back, so the
    // look at every system is skipped (an idle dashboard on a large portfolio does no work per system).
    let quiet =
      !result.hasChanges && result.events.isEmpty && lastLook.map { result.now >= $0 } ?? false
      && nextDeadline.map { result.now < $0 } ?? true
    let silenceEvents = quiet ? [] : silence.changes(in: poller.store, at: result.now)
    log(result.events + silenceEvents, files: result.reports.count)
    pendingEvents += result.events + silenceEvents
    if !quiet {
      nextDeadline = SilenceWatch.nextDeadline(in: poller.store, at: result.now)
      lastLook = result.now
    }
    let due = lastComputed.map { result.now - $0 >= idleEvery || result.now < $0 } ?? true
    guard force || result.hasChanges || !result.events.isEmpty || due else { return nil }
    lastComputed = result.now
    let started = workClock()
    let input = poller.engineInput()
    let snapshot = engine.snapshot(of: input, at: result.now)
    lastCost = max(.zero, workClock() - started)
    let events = pendingEvents
    pendingEvents = []
    return LiveUpdate(snapshot: snapshot, events: events, configuration: input.configuration)
  }

  /// Logs a poll's events. The first poll reads the whole history: its state changes and new files
  /// are a starting point, summed up in one line; its failures and bad records are logged as later.
  private func log(_ events: [LiveEvent], files: Int) {
    guard polledOnce else {
      polledOnce = true
      logger.info(
        "first read of \(poller.directory): \(files) files",
        metadata: ["event": "first-read"])
      for event in events {
        switch event {
        case .stateChanged, .fileAppeared, .sourceAdded: continue
        default: logger.log(event)
        }
      }
      return
    }
    for event in events { logger.log(event) }
  }
}
