import ArgumentParser
import Dispatch
import FoundationEssentials
import Glibc
import ImtopCore
import ImtopServe
import Logging

/// `imtop serve`: no terminal; polls the data directory as the dashboard does and serves the newest
/// figures over HTTP for Prometheus (`/metrics`), scripts (`/snapshot.json`) and health checks
/// (`/-/healthy`). Logs go to standard error, for systemd's journal.
struct ServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve the figures over HTTP, without a terminal: /metrics (OpenMetrics), /snapshot.json, /-/healthy.",
    discussion: """
      Polls the data directory as the dashboard does (refresh.interval, or --interval) and answers \
      GET /metrics with the same OpenMetrics text as `imtop snapshot --format openmetrics` (503 until \
      the first read of the directory is done; a source of your configuration is added when it \
      answers), GET /snapshot.json with the same JSON as `--format json`, and GET \
      /-/healthy with 200 OK. Listens on \(ListenAddress.standard) unless --listen names another \
      address; one beyond this machine is said so at start. Logs go to standard error. SIGTERM or \
      SIGINT stops it (exit status 0).
      """
  )

  @OptionGroup var data: DataDirectoryOption

  @Option(help: ArgumentHelp("Address and port to listen on (\(ListenAddress.expected)).", valueName: "HOST:PORT"))
  var listen: String = ListenAddress.standard.description

  @Option(help: "How often the data files are polled (2s, 500ms, 1m); overrides refresh.interval.")
  var interval: String?

  @Flag(help: "Leave every money figure out of /metrics and null in /snapshot.json.")
  var redactCosts = false

  @OptionGroup var user: UserConfigurationOption

  func validate() throws {
    if ListenAddress(parsing: listen) == nil { throw ValidationError("--listen \"\(listen)\": expected \(ListenAddress.expected)") }
    _ = try LiveOptions.intervalSpan(interval)
  }

  func run() throws {
    guard let address = ListenAddress(parsing: listen) else { throw ValidationError("--listen \"\(listen)\"") }
    try data.requireDataDirectory(command: "imtop serve")
    let intervalOverride = try LiveOptions.intervalSpan(interval)
    LoggingSystem.bootstrap { label in
      var handler = StreamLogHandler.standardError(label: label)
      handler.logLevel = .info
      return handler
    }
    let logger = Logger(label: "imtop.serve")
    let userConfiguration = user.load()
    for issue in userConfiguration.issues { logger.warning("\(CheckReport.line(issue))") }

    let state = ExporterState()
    let clock = SystemTimeSource()
    let poller = Poller.live(directory: data.path, clock: clock, user: userConfiguration)
    let session = LiveSession(poller: poller, logger: Logger(label: "imtop.poller"))
    let feed = LiveFeed(session: session, clock: clock, intervalOverride: intervalOverride) { update in
      state.update(update.snapshot)
    }
    let version = Imtop.configuration.version
    logger.notice("imtop \(version) serve started on the data directory \(data.url.path), pid \(getpid())", metadata: ["event": "start"])
    if !address.isLoopback {
      logger.warning(
        "listening on \(address), beyond this machine: whoever can reach it reads every figure (--listen \(ListenAddress.standard) keeps it local)")
    }
    let exporter = Exporter(address: address, state: state, version: version, redactMoney: redactCosts, logger: Logger(label: "imtop.http"))
    feed.start()
    let listening = Latch()
    let outcome = Self.block {
      try await exporter.run {
        listening.set()
        logger.notice("listening on http://\(address)/metrics (also /snapshot.json, /-/healthy)")
      }
    }
    feed.stop()
    if let error = outcome {
      let what = listening.isSet ? "stopped" : "cannot listen on \(address)"
      logger.error("\(what): \(error)", metadata: ["event": "stop"])
      throw ExitCode(1)
    }
    logger.notice("stopped", metadata: ["event": "stop"])
  }

  /// Set once, from any thread.
  private final class Latch: @unchecked Sendable {
    private let lock = Lock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
  }

  /// Runs `work` to its end from this synchronous command: the error it threw, or nil.
  private static func block(_ work: @escaping @Sendable () async throws -> Void) -> (any Error)? {
    final class Outcome: @unchecked Sendable { var error: (any Error)? }
    let outcome = Outcome()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
      do { try await work() } catch { outcome.error = error }
      done.signal()
    }
    done.wait()
    return outcome.error
  }
}
