import Dispatch
import Glibc
import ImtopCore
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix

/// The HTTP side of `imtop serve`: SwiftNIO's HTTP/1.1 server pipeline on `address`, answering
/// from `state` through `ExporterResponse`. `run()` returns once SIGTERM or SIGINT has stopped the
/// server gracefully: it stops accepting, lets each connection finish the request under way, then
/// closes it.
///
/// NIO's own pipeline rather than a web framework: three fixed GET routes need no router,
/// middleware or service lifecycle, and the framework that served them (Hummingbird, with its
/// lifecycle, async-algorithms, metrics and HTTP-types packages) was 4.8 MB of the static binary;
/// NIO and its HTTP/1 codec are linked anyway for the Prometheus client.
public struct Exporter: Sendable {
  public var address: ListenAddress
  public var state: ExporterState
  public var version: String
  public var redactMoney: Bool
  public var logger: Logger

  /// A connection that sends nothing for this long is closed (a scraper keeps its connection open
  /// between scrapes; one that went away without closing would hold a descriptor for ever).
  static let idleTimeout = TimeAmount.minutes(5)
  /// How long a graceful stop waits for requests under way before closing their connections.
  static let drainTimeout = TimeAmount.seconds(10)

  public init(address: ListenAddress, state: ExporterState, version: String, redactMoney: Bool, logger: Logger) {
    self.address = address
    self.state = state
    self.version = version
    self.redactMoney = redactMoney
    self.logger = logger
  }

  /// Serves until SIGTERM or SIGINT; `onListening` runs once the socket is bound. Throws when the
  /// address cannot be bound (in use, not this machine's, a name that does not resolve).
  public func run(onListening: @escaping @Sendable () -> Void = {}) async throws {
    let stop = StopSignals([SIGTERM, SIGINT])
    let connections = Connections()
    let exporter = self
    let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .serverChannelOption(.backlog, value: 256)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
      .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          connections.insert(channel)
          let pipeline = channel.pipeline.syncOperations
          try pipeline.addHandler(IdleStateHandler(readTimeout: Self.idleTimeout))
          try pipeline.configureHTTPServerPipeline(withErrorHandling: true)
          try pipeline.addHandler(ExporterHTTPHandler(exporter: exporter))
        }
      }
    let server = try await bootstrap.bind(host: address.host, port: address.port).get()
    onListening()
    await stop.wait()
    try? await server.close().get()
    let open = connections.stopAfterRequests()
    logger.info("stopping: no new connections; \(open.count) open, each closed once its request under way is answered")
    await Connections.closed(open, within: Self.drainTimeout, on: server.eventLoop)
  }
}

/// Asks a connection to close once the request under way, if any, is answered.
private struct StopAfterRequest: Sendable {}

/// Reads requests off one connection and writes `Exporter`'s answers; the pipeline before it
/// decodes HTTP/1.1, answers malformed requests with 400 and keeps pipelined requests in order.
///
/// A stop (`StopAfterRequest`) closes an idle connection at once and any other after its answer is
/// written. Not NIO's `ChannelShouldQuiesceEvent`: that takes a request whose head has only partly
/// arrived for an idle connection, and the 400 the closing connection then gets for the partial
/// request trips the pipeline's own check of what may be written once it has quiesced.
private final class ExporterHTTPHandler: ChannelInboundHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundOut = HTTPServerResponsePart

  private let exporter: Exporter
  private var request: HTTPRequestHead?
  private var answersBeingWritten = 0
  private var stopping = false
  /// An answer said `Connection: close`: any request pipelined after it is not answered (RFC 9112
  /// section 9.6); the connection closes once that answer is written.
  private var closing = false

  init(exporter: Exporter) { self.exporter = exporter }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    guard !closing else { return }
    switch unwrapInboundIn(data) {
    case .head(let head): request = head
    case .body: break  // No route takes a body; it is read and dropped.
    case .end:
      guard let head = request else { return }
      request = nil
      respond(to: head, context: context)
    }
  }

  private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
    let answer = ExporterResponse.answer(
      method: head.method.rawValue, target: head.uri, accept: head.headers.first(name: "accept"),
      snapshot: exporter.state.snapshot, version: exporter.version, redactMoney: exporter.redactMoney)
    var body = context.channel.allocator.buffer(capacity: answer.body.utf8.count)
    body.writeString(answer.body)
    var headers = HTTPHeaders()
    headers.add(name: "Content-Type", value: answer.contentType)
    headers.add(name: "Content-Length", value: String(body.readableBytes))
    headers.add(name: "Date", value: HTTPDate.now())
    headers.add(name: "Server", value: "imtop/\(exporter.version)")
    let refused = answer.status == ExporterResponse.methodNotAllowed.status
    if refused { headers.add(name: "Allow", value: "GET, HEAD") }
    // A refused method's connection is closed: after a CONNECT, NIO's codec sends the answer without
    // its length and reads nothing more from the connection.
    let keepAlive = head.isKeepAlive && !stopping && !refused
    if !keepAlive {
      headers.add(name: "Connection", value: "close")
      closing = true
    } else if head.version == .http1_0 {
      // HTTP/1.0 closes after each answer unless told otherwise.
      headers.add(name: "Connection", value: "keep-alive")
    }
    let status = HTTPResponseStatus(statusCode: answer.status)
    context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
    if head.method != .HEAD { context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil) }
    answersBeingWritten += 1
    let promise = context.eventLoop.makePromise(of: Void.self)
    context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: promise)
    let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
    let channel = context.channel
    promise.futureResult.whenComplete { _ in
      let this = handler.value
      this.answersBeingWritten -= 1
      if !keepAlive || (this.stopping && this.isIdle) { channel.close(promise: nil) }
    }
  }

  /// No request read in part, no answer being written.
  private var isIdle: Bool { request == nil && answersBeingWritten == 0 }

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    switch event {
    case is IdleStateHandler.IdleStateEvent:
      context.close(promise: nil)
    case is StopAfterRequest:
      stopping = true
      if isIdle { context.close(promise: nil) }
    default:
      context.fireUserInboundEventTriggered(event)
    }
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    // A connection reset by the client, a write to a closed socket: that connection ends.
    context.close(promise: nil)
  }
}

/// The open connections, so that a stop can let each finish its request and close.
private final class Connections: @unchecked Sendable {
  private let lock = Lock()
  private var open: [ObjectIdentifier: any Channel] = [:]

  func insert(_ channel: any Channel) {
    let key = ObjectIdentifier(channel)
    lock.withLock { open[key] = channel }
    channel.closeFuture.whenComplete { [self] _ in _ = lock.withLock { open.removeValue(forKey: key) } }
  }

  /// Asks every connection to close once its request under way is answered (at once when idle):
  /// the connections asked.
  func stopAfterRequests() -> [any Channel] {
    let channels = lock.withLock { Array(open.values) }
    for channel in channels { channel.pipeline.fireUserInboundEventTriggered(StopAfterRequest()) }
    return channels
  }

  /// Returns once `channels` are closed, closing those still open after `timeout` (a client that
  /// sent half a request and stopped).
  static func closed(_ channels: [any Channel], within timeout: TimeAmount, on loop: any EventLoop) async {
    guard !channels.isEmpty else { return }
    let closed = EventLoopFuture.andAllComplete(channels.map(\.closeFuture), on: loop)
    let timer = loop.scheduleTask(in: timeout) { for channel in channels { channel.close(promise: nil) } }
    try? await closed.get()
    timer.cancel()
  }
}

/// Waits for one of a set of signals, delivered through Dispatch rather than a handler of ours.
private final class StopSignals: @unchecked Sendable {
  private let sources: [any DispatchSourceSignal]
  private let lock = Lock()
  private var fired = false
  private var waiter: CheckedContinuation<Void, Never>?

  init(_ signals: [Int32]) {
    let queue = DispatchQueue(label: "imtop.serve.signals")
    var sources: [any DispatchSourceSignal] = []
    for number in signals {
      // On Linux, Dispatch puts its own handler in place when the source is registered (after
      // `resume`, on its own thread); ignoring the signal first would lose one that came before.
      // Until then a signal has its default effect and ends the process.
      #if !os(Linux)
      signal(number, SIG_IGN)
      #endif
      sources.append(DispatchSource.makeSignalSource(signal: number, queue: queue))
    }
    self.sources = sources
    for source in sources {
      source.setEventHandler { [weak self] in self?.fire() }
      source.resume()
    }
  }

  deinit { for source in sources { source.cancel() } }

  private func fire() {
    let waiting: CheckedContinuation<Void, Never>? = lock.withLock {
      fired = true
      defer { waiter = nil }
      return waiter
    }
    waiting?.resume()
  }

  func wait() async {
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      let now = lock.withLock {
        if fired { return true }
        waiter = continuation
        return false
      }
      if now { continuation.resume() }
    }
  }
}
