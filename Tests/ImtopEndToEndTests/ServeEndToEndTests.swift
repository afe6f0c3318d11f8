import Foundation
import ImtopTestSupport
import Testing


/// `imtop serve` on the built binary: a data directory where one system spent half of the last
/// hour down, served on a free loopback port; its answers checked by the real promtool, scraped by
/// the real Prometheus server, and stopped by SIGTERM.
@Suite(.enabled(if: TmuxSession.imtopPath != nil, "the imtop binary is not built beside the tests"))
struct ServeEndToEndTests {
  let imtop = TmuxSession.imtopPath ?? "imtop"

  /// The fixture organisation with a minute grid of samples over the last hour: erp down for its
  /// first half, every other system up throughout.
  static func dataDirectory() throws -> LiveDataDirectory {
    let data = try LiveDataDirectory()
    let now = Date()
    var lines = ""
    for minute in stride(from: 60, through: 0, by: -1) {
      let stamp = LiveDataDirectory.iso(now.addingTimeInterval(-60 * Double(minute)))
      for system in ["erp", "crm", "records", "db", "wan", "laptops"] {
        let state = system == "erp" && minute > 30 ? "down" : "up"
        lines += "{\"ts\":\"\(stamp)\",\"system\":\"\(system)\",\"state\":\"\(state)\",\"latency_ms\":20}\n"
      }
    }
    try Data(lines.utf8).write(to: data.monitorLog)
    return data
  }

  /// `imtop serve` running, its standard error in a file.
  struct Server {
    let pid: pid_t
    let port: Int
    let log: URL

    init(imtop: String, data: URL, log: URL, extra: [String] = []) throws {
      port = try LoopbackPort.free()
      self.log = log
      pid = try ChildProcess.spawn(
        "/bin/sh",
        ["-c", #"log=$1; shift; exec "$@" 2>"$log""#, "sh", log.path, imtop, "serve", data.path, "--listen", "127.0.0.1:\(port)"] + extra)
    }

    func url(_ path: String) -> URL { URL(string: "http://127.0.0.1:\(port)\(path)")! }

    var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// Stops it with `signal`: its exit status, or nil if it did not end within 30 s (then killed).
    func stop(_ signal: Int32 = SIGTERM) -> Int32? {
      kill(pid, signal)
      if let status = ChildProcess.wait(pid, seconds: 30) { return status }
      kill(pid, SIGKILL)
      ChildProcess.wait(pid)
      return nil
    }
  }

  typealias Answer = LoopbackHTTP.Answer

  static func get(_ url: URL, accept: String? = nil) -> Answer? {
    try? LoopbackHTTP.get(url, accept: accept).get()
  }

  /// The ids of the systems `/snapshot.json` says are below their SLA.
  static func belowSLA(inJSON text: String) throws -> Set<String> {
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let systems = try #require(object["systems"] as? [[String: Any]])
    return Set(systems.filter { $0["below_sla"] as? Bool == true }.compactMap { $0["id"] as? String })
  }

  @Test func servesTheFiguresAndStopsOnSIGTERM() throws {
    let data = try Self.dataDirectory()
    defer { data.remove() }
    let logs = try TemporaryDirectory(prefix: "imtop-serve-log")
    defer { logs.remove() }
    let server = try Server(imtop: imtop, data: data.url, log: logs.file("stderr.log"), extra: ["--redact-costs"])
    var stopped = false
    defer { if !stopped { _ = server.stop(SIGKILL) } }

    let metrics = try LoopbackHTTP.poll(server.url("/metrics"), seconds: 60, context: server.logText) { $0.status == 200 }
    #expect(metrics.contentType == "application/openmetrics-text; version=1.0.0; charset=utf-8")
    #expect(metrics.body.hasSuffix("# EOF\n"))
    #expect(metrics.body.contains("imtop_system_up{"))
    #expect(!metrics.body.contains("imtop_budget_actual_ytd"), "--redact-costs leaves the money out")
    if PrometheusTools.promtool != nil {
      let check = try PrometheusTools.checkMetrics(metrics.body)
      #expect(check.status == 0, "promtool check metrics: \(check.output)")
    }
    let plain = try #require(Self.get(server.url("/metrics"), accept: "text/plain;version=0.0.4"))
    #expect(plain.contentType.hasPrefix("text/plain; version=0.0.4"))

    let snapshot = try #require(Self.get(server.url("/snapshot.json")))
    #expect(snapshot.status == 200)
    #expect(snapshot.contentType.hasPrefix("application/json"))
    let below = try Self.belowSLA(inJSON: snapshot.body)
    #expect(below.contains("erp"), "erp was down for half an hour against an SLA of 99.9 %")
    let flagged = Set(
      metrics.body.split(separator: "\n").filter { $0.hasPrefix("imtop_system_below_sla{") && $0.hasSuffix(" 1") }
        .compactMap { $0.firstMatch(of: /system="([^"]*)"/).map { String($0.1) } })
    #expect(flagged == below, "/metrics and /snapshot.json name the same systems below SLA")
    #expect(snapshot.body.contains(#""tco_ytd": null"#))
    #expect(snapshot.body.firstMatch(of: /"tco_ytd": *-?[0-9]/) == nil, "--redact-costs nulls the money in the JSON too")

    let healthy = try #require(Self.get(server.url("/-/healthy")))
    #expect(healthy.status == 200)
    #expect(healthy.body.trimmingCharacters(in: .whitespacesAndNewlines) == "OK")
    #expect(Self.get(server.url("/nothing-here"))?.status == 404)

    let status = server.stop(SIGTERM)
    stopped = true
    #expect(status == 0, "exit status after SIGTERM: \(String(describing: status)); log: \(server.logText)")
    #expect(server.logText.contains("listening on http://127.0.0.1:\(server.port)/metrics"))
    #expect(server.logText.contains("stopped"))
  }

  /// HEAD, a method no route takes, a second server on a port in use, and a request under way
  /// when SIGTERM comes: answered, then the connection closed and the server ended.
  @Test func answersHEADRefusesOtherMethodsAndFinishesARequestUnderWayOnSIGTERM() throws {
    let data = try Self.dataDirectory()
    defer { data.remove() }
    let logs = try TemporaryDirectory(prefix: "imtop-serve-http")
    defer { logs.remove() }
    let server = try Server(imtop: imtop, data: data.url, log: logs.file("stderr.log"))
    var stopped = false
    defer { if !stopped { _ = server.stop(SIGKILL) } }
    _ = try LoopbackHTTP.poll(server.url("/metrics"), seconds: 60, context: server.logText) { $0.status == 200 }

    func exchange(_ request: String) throws -> String {
      let connection = try RawHTTPConnection(port: server.port)
      defer { connection.close() }
      try connection.send(request)
      return connection.readToEnd()
    }
    // HEAD: GET's headers, its length included, and no body.
    let head = try exchange("HEAD /-/healthy HTTP/1.1\r\nHost: imtop\r\nConnection: close\r\n\r\n")
    #expect(head.hasPrefix("HTTP/1.1 200 OK\r\n"), "\(head)")
    #expect(head.contains("\r\nContent-Length: 3\r\n"), "\(head)")
    #expect(!head.lowercased().contains("transfer-encoding"))
    #expect(head.hasSuffix("\r\n\r\n"), "a HEAD answer has no body: \(head)")
    // HTTP/1.0 asking to keep the connection: told it is kept, and a second request answered on it.
    let old = try exchange(
      "GET /-/healthy HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET /-/healthy HTTP/1.0\r\n\r\n")
    #expect(old.components(separatedBy: "HTTP/1.0 200 OK\r\n").count == 3, "\(old)")
    #expect(old.contains("\r\nConnection: keep-alive\r\n") && old.contains("\r\nConnection: close\r\n"))
    // Nothing pipelined after a request that closes is answered.
    let closing = try exchange(
      "GET /-/healthy HTTP/1.1\r\nHost: imtop\r\nConnection: close\r\n\r\nGET /-/healthy HTTP/1.1\r\nHost: imtop\r\n\r\n")
    #expect(closing.components(separatedBy: "HTTP/1.1 200 OK\r\n").count == 2, "\(closing)")
    let post = try exchange("POST /metrics HTTP/1.1\r\nHost: imtop\r\nContent-Length: 2\r\nConnection: close\r\n\r\nab")
    #expect(post.hasPrefix("HTTP/1.1 405 Method Not Allowed\r\n"), "\(post)")
    #expect(post.contains("\r\nAllow: GET, HEAD\r\n"))

    let second = try ChildProcess.run("/bin/sh", ["-c", #""$0" "$@" 2>&1"#, imtop, "serve", data.url.path, "--listen", "127.0.0.1:\(server.port)"])
    #expect(second.status == 1)
    #expect(second.output.contains("cannot listen on 127.0.0.1:\(server.port)"), "\(second.output)")

    // The request's head is in, its body not yet when the server is told to stop.
    let pending = try RawHTTPConnection(port: server.port)
    defer { pending.close() }
    try pending.send("GET /-/healthy?from=test HTTP/1.1\r\nHost: imtop\r\nContent-Length: 4\r\n\r\nab")
    usleep(500_000)
    kill(server.pid, SIGTERM)
    let deadline = Date().addingTimeInterval(30)
    while !server.logText.contains("stopping:") && Date() < deadline { usleep(50_000) }
    #expect(server.logText.contains("stopping:"), "the server said it was stopping: \(server.logText)")
    try pending.send("cd")
    let answer = pending.readToEnd()
    #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n"), "\(answer)")
    #expect(answer.contains("\r\nConnection: close\r\n"), "a stopping server closes the connection after the answer")
    #expect(answer.hasSuffix("\r\n\r\nOK\n"))
    let status = ChildProcess.wait(server.pid, seconds: 30)
    stopped = status != nil
    #expect(status == 0, "exit status after SIGTERM: \(String(describing: status)); log: \(server.logText)")
  }

  @Test func servesTheUsersSourcesAsTheDashboardPollsThem() throws {
    let data = try Self.dataDirectory()
    defer { data.remove() }
    let logs = try TemporaryDirectory(prefix: "imtop-serve-source")
    defer { logs.remove() }
    // A source on a loopback port where nothing listens: it fails, and says so, as a failing file.
    let silentPort = try LoopbackPort.free()
    try logs.write([
      "user.toml": """
        [[source]]
        kind = "prometheus"
        name = "fleet"
        url = "http://127.0.0.1:\(silentPort)"
        timeout = "2s"
        [source.status]
        up = 'max by (system) (probe_success)'

        """
    ])
    let server = try Server(imtop: imtop, data: data.url, log: logs.file("stderr.log"), extra: ["--config", logs.file("user.toml").path])
    defer { _ = server.stop(SIGKILL) }
    // The source is asked on a thread of its own: the figures come first, its failure when its
    // query gives up.
    func failing(_ body: String) -> [Substring] {
      body.split(separator: "\n").filter { $0.hasPrefix("imtop_data_file_failing{") && $0.contains(#"file="fleet""#) }
    }
    let metrics = try LoopbackHTTP.poll(server.url("/metrics"), seconds: 60, context: server.logText) {
      $0.status == 200 && failing($0.body).contains { $0.hasSuffix(" 1") }
    }
    #expect(failing(metrics.body).count == 1, "\(failing(metrics.body))")
  }

  @Test func aBadListenAddressIsRefused() throws {
    let data = try Self.dataDirectory()
    defer { data.remove() }
    let result = try ChildProcess.run("/bin/sh", ["-c", #""$0" "$@" 2>&1"#, imtop, "serve", data.url.path, "--listen", "9469"])
    #expect(result.status == 64)
    #expect(result.output.contains("--listen \"9469\": expected HOST:PORT"))
  }

  @Test(.enabled(if: PrometheusTools.prometheus != nil, Comment(rawValue: PrometheusTools.missingNote("prometheus", variable: "IMTOP_PROMETHEUS"))))
  func prometheusScrapesTheSameSystemsBelowSLA() throws {
    let data = try Self.dataDirectory()
    defer { data.remove() }
    let work = try TemporaryDirectory(prefix: "imtop-serve-prometheus")
    defer { work.remove() }
    let server = try Server(imtop: imtop, data: data.url, log: work.file("serve.log"))
    defer { _ = server.stop() }
    let expected = try Self.belowSLA(
      inJSON: try LoopbackHTTP.poll(server.url("/snapshot.json"), seconds: 60, context: server.logText) { $0.status == 200 }.body)
    try #require(!expected.isEmpty)

    try work.write([
      "prometheus.yml": """
        global:
          scrape_interval: 1s
          evaluation_interval: 1s
        scrape_configs:
          - job_name: imtop
            static_configs:
              - targets: ["127.0.0.1:\(server.port)"]

        """
    ])
    let prometheus = try PrometheusServer(config: work.file("prometheus.yml"), storage: work.file("tsdb"))
    defer { prometheus.stop() }
    let port = prometheus.port
    var query = URLComponents(string: "http://127.0.0.1:\(port)/api/v1/query")!
    query.queryItems = [.init(name: "query", value: #"imtop_system_availability_ratio{window="30d"} < on(system) imtop_system_sla_ratio"#)]
    var found: Set<String> = []
    let deadline = Date().addingTimeInterval(90)
    while found != expected && Date() < deadline {
      if let answer = Self.get(query.url!), answer.status == 200,
        let object = try? JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any],
        let result = (object["data"] as? [String: Any])?["result"] as? [[String: Any]]
      {
        found = Set(result.compactMap { ($0["metric"] as? [String: Any])?["system"] as? String })
      }
      if found != expected { usleep(500_000) }
    }
    let targets = Self.get(URL(string: "http://127.0.0.1:\(port)/api/v1/targets")!)?.body ?? "no answer"
    #expect(found == expected, "Prometheus's answer within 90 s; its targets: \(targets)")
  }
}
