import Hummingbird
import ImtopCore
import Logging
import UnixSignals

/// The HTTP side of `imtop serve`: Hummingbird on `address`, answering from `state` through
/// `ExporterResponse`. `run()` returns once SIGTERM or SIGINT has stopped the server gracefully
/// (requests under way are finished).
public struct Exporter: Sendable {
  public var address: ListenAddress
  public var state: ExporterState
  public var version: String
  public var redactMoney: Bool
  public var logger: Logger

  public init(address: ListenAddress, state: ExporterState, version: String, redactMoney: Bool, logger: Logger) {
    self.address = address
    self.state = state
    self.version = version
    self.redactMoney = redactMoney
    self.logger = logger
  }

  /// Serves until SIGTERM or SIGINT; `onListening` runs once the socket is bound.
  public func run(onListening: @escaping @Sendable () -> Void = {}) async throws {
    let router = Router()
    let exporter = self
    // Every path, "/" included, goes to `ExporterResponse`, which knows the routes.
    for pattern in ["/", "**"] {
      router.get(RouterPath(pattern)) { request, _ -> Response in
        exporter.respond(path: request.uri.path, accept: request.headers[.accept])
      }
    }
    let application = Application(
      router: router,
      configuration: ApplicationConfiguration(address: .hostname(address.host, port: address.port), serverName: "imtop/\(version)"),
      onServerRunning: { _ in onListening() },
      logger: logger)
    try await application.runService(gracefulShutdownSignals: [.sigterm, .sigint])
  }

  func respond(path: String, accept: String?) -> Response {
    let answer = ExporterResponse.answer(
      path: path, accept: accept, snapshot: state.snapshot, version: version, redactMoney: redactMoney)
    return Response(
      status: HTTPResponse.Status(code: answer.status),
      headers: [.contentType: answer.contentType],
      body: ResponseBody(byteBuffer: ByteBuffer(string: answer.body)))
  }
}
