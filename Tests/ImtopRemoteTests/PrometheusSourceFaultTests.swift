import Foundation
import ImtopCore
import ImtopRemote
import ImtopTestSupport
import Testing

/// The HTTP client against a small stub server on loopback: each failure is a message naming the
/// server and what went wrong, never a crash or a hang; a good answer with the token it needs is read.
@Suite(.enabled(if: StubServer.python != nil, "python3 not found: the stub HTTP server cannot start"))
struct PrometheusSourceFaultTests {
  static let range = Timestamp(milliseconds: 1_800_000_000_000)...Timestamp(milliseconds: 1_800_000_120_000)

  func source(_ server: StubServer, _ mode: String, timeout: Span = .seconds(5), token: String? = nil) -> PrometheusSource {
    var settings = PrometheusSourceSettings(
      name: "fleet", url: "http://127.0.0.1:\(server.port)/\(mode)", timeout: timeout, status: .init(up: "probe_success"))
    settings.bearerTokenFile = token
    return PrometheusSource(settings)
  }

  func failure(_ result: Result<RemoteSamples, RemoteSourceFailure>) -> String? {
    if case .failure(let failure) = result { return failure.message }
    return nil
  }

  @Test func httpErrorsBadQueriesAndSlowAnswersAreFailures() throws {
    let server = try StubServer()
    defer { server.stop() }
    let unauthorized = failure(source(server, "401").fetch(Self.range, staleAfter: .minutes(10)))
    #expect(unauthorized?.contains("HTTP 401 Unauthorized") == true, "\(unauthorized ?? "success")")
    let unavailable = failure(source(server, "503").fetch(Self.range, staleAfter: .minutes(10)))
    #expect(unavailable?.contains("HTTP 503 Service Unavailable") == true, "\(unavailable ?? "success")")
    let bad = failure(source(server, "bad").fetch(Self.range, staleAfter: .minutes(10)))
    #expect(bad?.contains("HTTP 400") == true, "\(bad ?? "success")")
    #expect(bad?.contains("bad_data: 1:9: parse error") == true, "\(bad ?? "success")")
    let slow = failure(source(server, "slow", timeout: Span(milliseconds: 300)).fetch(Self.range, staleAfter: .minutes(10)))
    #expect(slow?.contains("no answer within timeout 300ms") == true, "\(slow ?? "success")")
  }

  @Test func anUnreachableServerIsAFailure() throws {
    let port = try LoopbackPort.free()
    let settings = PrometheusSourceSettings(name: "fleet", url: "http://127.0.0.1:\(port)", timeout: .seconds(1), status: .init(up: "up"))
    let message = failure(PrometheusSource(settings).fetch(Self.range, staleAfter: .minutes(10)))
    #expect(message?.contains("cannot reach the server") == true, "\(message ?? "success")")
  }

  @Test func theBearerTokenIsSentAndTheAnswerRead() throws {
    let server = try StubServer()
    defer { server.stop() }
    let folder = try TemporaryDirectory(prefix: "imtop-token")
    defer { folder.remove() }
    try Data("secret\n".utf8).write(to: folder.file("token"))
    let samples = try source(server, "auth", token: folder.file("token").path).fetch(Self.range, staleAfter: .minutes(10)).get()
    #expect(samples.status.map(\.system) == ["erp", "erp", "erp"])
    #expect(samples.status.map(\.state) == [.up, .down, .up])
    #expect(samples.coveredUntil == Self.range.upperBound)
    try Data("wrong\n".utf8).write(to: folder.file("token"))
    let refused = failure(source(server, "auth", token: folder.file("token").path).fetch(Self.range, staleAfter: .minutes(10)))
    #expect(refused?.contains("HTTP 401") == true)
  }
}

/// A stub of the Prometheus HTTP API in Python's standard library: the first part of the path
/// chooses the answer (`/401`, `/503`, `/bad`, `/slow`, `/auth` wanting `Bearer secret`).
final class StubServer {
  static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
    ?? (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }

  static let script = #"""
    import http.server, json, sys, time, urllib.parse
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args): pass
        def answer(self, code, body):
            data = json.dumps(body).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        def do_GET(self):
            mode = self.path.split("/")[1]
            query = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
            if mode == "401": return self.answer(401, {"status": "error", "error": "unauthorized"})
            if mode == "503": return self.answer(503, {"status": "error", "error": "service unavailable"})
            if mode == "bad": return self.answer(400, {"status": "error", "errorType": "bad_data", "error": "1:9: parse error: unexpected end of input"})
            if mode == "slow": time.sleep(3)
            if mode == "auth" and self.headers.get("Authorization") != "Bearer secret":
                return self.answer(401, {"status": "error", "error": "unauthorized"})
            start, end, step = float(query["start"][0]), float(query["end"][0]), float(query["step"][0])
            values, t, flip = [], start, 1
            while t <= end:
                values.append([t, str(flip)]); flip = 1 - flip; t += step
            self.answer(200, {"status": "success", "data": {"resultType": "matrix", "result": [{"metric": {"system": "erp"}, "values": values}]}})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(sys.argv[1], "w") as f: f.write(str(server.server_address[1]))
    server.serve_forever()
    """#

  let folder: TemporaryDirectory
  let pid: pid_t
  let port: Int

  init() throws {
    folder = try TemporaryDirectory(prefix: "imtop-stub")
    try Data(Self.script.utf8).write(to: folder.file("stub.py"))
    let portFile = folder.file("port").path
    pid = try ChildProcess.spawn(try #require(Self.python), [folder.file("stub.py").path, portFile])
    let deadline = Date().addingTimeInterval(30)
    var port: Int?
    while port == nil, Date() < deadline {
      port = (try? String(contentsOfFile: portFile, encoding: .utf8)).flatMap { Int($0) }
      if port == nil { usleep(20_000) }
    }
    self.port = try #require(port)
  }

  func stop() {
    // SIGKILL: the child inherits the test runner's blocked signals, and Python then never sees SIGTERM.
    kill(pid, SIGKILL)
    _ = ChildProcess.wait(pid)
    folder.remove()
  }
}
