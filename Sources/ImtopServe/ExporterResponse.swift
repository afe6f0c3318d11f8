import ImtopCore

/// What `imtop serve` answers to a GET, without the HTTP machinery: one home for the routes, so
/// they are tested without a socket.
public struct ExporterResponse: Equatable, Sendable {
  public var status: Int
  public var contentType: String
  public var body: String

  public static let metricsPath = "/metrics"
  public static let snapshotPath = "/snapshot.json"
  public static let healthPath = "/-/healthy"

  /// Prometheus's text format 0.0.4, for a scraper that asks for text/plain and not for OpenMetrics.
  /// The OpenMetrics text imtop writes is readable by that parser too (its `# UNIT` and `# EOF`
  /// are comments there).
  public static let plainTextType = "text/plain; version=0.0.4; charset=utf-8"
  static let textType = "text/plain; charset=utf-8"
  static let jsonType = "application/json; charset=utf-8"

  /// The answer to a request as it came (`GET`, `/metrics?name[]=x`): GET and HEAD are answered
  /// by the route of the target's path (HEAD's body is left out when it is sent), other methods 405.
  public static func answer(
    method: String, target: String, accept: String?, snapshot: Snapshot?, version: String, redactMoney: Bool
  ) -> ExporterResponse {
    guard method == "GET" || method == "HEAD" else { return methodNotAllowed }
    return answer(path: path(ofTarget: target), accept: accept, snapshot: snapshot, version: version, redactMoney: redactMoney)
  }

  /// The answer to `GET path` with the `Accept` header `accept`, from `snapshot` (nil before the
  /// first read of the data directory).
  public static func answer(
    path: String, accept: String?, snapshot: Snapshot?, version: String, redactMoney: Bool
  ) -> ExporterResponse {
    switch path {
    case healthPath:
      return ExporterResponse(status: 200, contentType: textType, body: "OK\n")
    case metricsPath:
      guard let snapshot else { return notYet }
      let text = SnapshotOpenMetrics(version: version, redactMoney: redactMoney).encode(snapshot)
      return ExporterResponse(status: 200, contentType: metricsType(accept: accept), body: text)
    case snapshotPath:
      guard let snapshot else { return notYet }
      return ExporterResponse(status: 200, contentType: jsonType, body: SnapshotJSON(redactMoney: redactMoney).encode(snapshot))
    default:
      return ExporterResponse(
        status: 404, contentType: textType,
        body: "not found: imtop serve answers \(metricsPath), \(snapshotPath) and \(healthPath)\n")
    }
  }

  /// A method other than GET or HEAD: every route only reads.
  public static let methodNotAllowed = ExporterResponse(
    status: 405, contentType: textType, body: "imtop serve only answers GET and HEAD\n")

  /// The path of a request's target (`/metrics?name[]=x` asks for `/metrics`): a scraper may add
  /// parameters, which no route reads.
  public static func path(ofTarget target: String) -> String {
    String(target.prefix { $0 != "?" && $0 != "#" })
  }

  /// Before the first snapshot: 503, and why.
  static let notYet = ExporterResponse(
    status: 503, contentType: textType, body: "no snapshot yet: the first read of the data directory is not done\n")

  /// OpenMetrics unless the scraper asks for text/plain and not for OpenMetrics.
  static func metricsType(accept: String?) -> String {
    guard let accept = accept?.lowercased() else { return SnapshotOpenMetrics.contentType }
    if accept.contains("application/openmetrics-text") || !accept.contains("text/plain") {
      return SnapshotOpenMetrics.contentType
    }
    return plainTextType
  }
}
