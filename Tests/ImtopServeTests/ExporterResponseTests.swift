import Foundation
import ImtopCore
@testable import ImtopServe
import ImtopTestSupport
import Testing

struct ListenAddressTests {
  @Test(arguments: [
    ("127.0.0.1:9469", "127.0.0.1", 9469, true), ("0.0.0.0:80", "0.0.0.0", 80, false), ("[::1]:9469", "::1", 9469, true),
    ("[::]:1", "::", 1, false), ("localhost:65535", "localhost", 65535, true), ("exporter.example:9469", "exporter.example", 9469, false),
  ])
  func parses(text: String, host: String, port: Int, loopback: Bool) throws {
    let address = try #require(ListenAddress(parsing: text))
    #expect(address.host == host)
    #expect(address.port == port)
    #expect(address.isLoopback == loopback)
    #expect(address.description == text)
  }

  @Test(arguments: ["9469", ":9469", "127.0.0.1:", "127.0.0.1:0", "127.0.0.1:65536", "::1:9469", "[::1]9469", "a b:1", "host:+80", "host:٣"])
  func refuses(text: String) {
    #expect(ListenAddress(parsing: text) == nil)
  }
}

struct ExporterResponseTests {
  static let now = CivilTime(year: 2026, month: 11, day: 28, hour: 9).utcTimestamp

  static func snapshot() throws -> Snapshot { try DemoSnapshot.make(seed: 5, now: now, historyDays: 2) }

  func answer(_ path: String, accept: String? = nil, snapshot: Snapshot?, redact: Bool = false) -> ExporterResponse {
    ExporterResponse.answer(path: path, accept: accept, snapshot: snapshot, version: "9.8.7", redactMoney: redact)
  }

  @Test func beforeTheFirstSnapshotTheFiguresAre503WithAReasonAndHealthIsOK() {
    for path in [ExporterResponse.metricsPath, ExporterResponse.snapshotPath] {
      let early = answer(path, snapshot: nil)
      #expect(early.status == 503)
      #expect(early.body.contains("no snapshot yet"))
    }
    #expect(answer(ExporterResponse.healthPath, snapshot: nil).status == 200)
    #expect(answer(ExporterResponse.healthPath, snapshot: nil).body == "OK\n")
  }

  @Test(arguments: [false, true])
  func theFiguresAreTheSnapshotCommandsText(redact: Bool) throws {
    let snapshot = try Self.snapshot()
    let metrics = answer(ExporterResponse.metricsPath, snapshot: snapshot, redact: redact)
    #expect(metrics.status == 200)
    #expect(metrics.body == SnapshotOpenMetrics(version: "9.8.7", redactMoney: redact).encode(snapshot))
    #expect(metrics.body.contains("imtop_budget_actual_ytd{") == !redact)
    let json = answer(ExporterResponse.snapshotPath, snapshot: snapshot, redact: redact)
    #expect(json.status == 200)
    #expect(json.contentType.hasPrefix("application/json"))
    #expect(json.body == SnapshotJSON(redactMoney: redact).encode(snapshot))
  }

  @Test func theContentTypeFollowsAccept() throws {
    let snapshot = try Self.snapshot()
    let prometheus = "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1"
    for accept in [nil, prometheus, "*/*"] {
      #expect(answer(ExporterResponse.metricsPath, accept: accept, snapshot: snapshot).contentType == SnapshotOpenMetrics.contentType)
    }
    let plain = answer(ExporterResponse.metricsPath, accept: "text/plain;version=0.0.4;q=0.9,*/*;q=0.1", snapshot: snapshot)
    #expect(plain.contentType == ExporterResponse.plainTextType)
  }

  @Test(arguments: ["/", "/metrics/", "/snapshot", "/-/ready", "/METRICS"])
  func otherPathsAre404(path: String) throws {
    let answer = answer(path, snapshot: try Self.snapshot())
    #expect(answer.status == 404)
    #expect(answer.body.contains("/metrics"))
  }

  @Test(arguments: [
    ("/metrics", "/metrics"), ("/metrics?name[]=imtop_system_up", "/metrics"), ("/snapshot.json#top", "/snapshot.json"),
    ("/-/healthy?", "/-/healthy"), ("/?metrics", "/"),
  ])
  func theRouteIsTheTargetsPathWithoutItsQuery(target: String, path: String) {
    #expect(ExporterResponse.path(ofTarget: target) == path)
  }

  @Test func onlyGETAndHEADAreAnswered() throws {
    let snapshot = try Self.snapshot()
    func answer(_ method: String) -> ExporterResponse {
      ExporterResponse.answer(method: method, target: "/metrics?x=1", accept: nil, snapshot: snapshot, version: "9.8.7", redactMoney: false)
    }
    for method in ["GET", "HEAD"] {
      #expect(answer(method).status == 200)
      #expect(answer(method).body.hasSuffix("# EOF\n"))
    }
    for method in ["POST", "PUT", "DELETE", "OPTIONS", "get"] {
      #expect(answer(method) == ExporterResponse.methodNotAllowed)
    }
    #expect(ExporterResponse.methodNotAllowed.status == 405)
  }
}

struct HTTPDateTests {
  /// RFC 9110's own example of the preferred format, and days either side of a leap day and a
  /// year's end.
  @Test(arguments: [
    (CivilTime(year: 1994, month: 11, day: 6, hour: 8, minute: 49, second: 37), "Sun, 06 Nov 1994 08:49:37 GMT"),
    (CivilTime(year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 59, millisecond: 999), "Thu, 29 Feb 2024 23:59:59 GMT"),
    (CivilTime(year: 2026, month: 12, day: 31, hour: 0, minute: 0, second: 0), "Thu, 31 Dec 2026 00:00:00 GMT"),
    (CivilTime(year: 1970, month: 1, day: 1), "Thu, 01 Jan 1970 00:00:00 GMT"),
  ])
  func isTheIMFFixdate(time: CivilTime, text: String) {
    #expect(HTTPDate.format(time.utcTimestamp) == text)
  }
}
