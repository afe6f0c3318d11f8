import AsyncHTTPClient
import FoundationEssentials
import ImtopCore
import NIOCore
import NIOHTTP1
import NIOSSL

/// A Prometheus server (or anything with its HTTP API: Thanos, VictoriaMetrics, Mimir) as a data
/// source: each fetch runs the source's queries over `/api/v1/query_range` and turns the answers
/// into samples (`PrometheusSamples`).
public final class PrometheusSource: RemoteSource {
  /// Points per series in one `query_range` request: Prometheus refuses more than 11,000.
  public static let maximumPointsPerQuery: Int64 = 10_000

  public let settings: PrometheusSourceSettings
  private let client: HTTPClient
  private let ownsClient: Bool

  public var name: String { settings.name }
  public var interval: Span? { settings.interval }
  public var history: Span { settings.history }
  public var step: Span { settings.step }

  public init(_ settings: PrometheusSourceSettings) {
    self.settings = settings
    if let caFile = settings.caFile {
      var tls = TLSConfiguration.makeClientConfiguration()
      tls.trustRoots = .file(caFile)
      client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: HTTPClient.Configuration(tlsConfiguration: tls))
      ownsClient = true
    } else {
      client = HTTPClient.shared
      ownsClient = false
    }
  }

  deinit {
    if ownsClient { try? client.syncShutdown() }
  }

  /// The sources of the user's `[[source]]` tables.
  public static func sources(of user: UserConfiguration) -> [any RemoteSource] {
    user.settings.sources.map { PrometheusSource($0) }
  }

  public func fetch(_ range: ClosedRange<Timestamp>, staleAfter: Span) -> Result<RemoteSamples, RemoteSourceFailure> {
    guard settings.step <= staleAfter else {
      return .failure(RemoteSourceFailure(
        "step \(DurationParser.text(settings.step)) exceeds refresh.stale_after \(DurationParser.text(staleAfter)): expected a step no longer than stale_after"))
    }
    let headers: HTTPHeaders
    switch authorization() {
    case .success(let value): headers = value
    case .failure(let failure): return .failure(failure)
    }
    let chunks = Self.chunks(of: range, step: settings.step)
    guard let last = chunks.last else { return .success(RemoteSamples(coveredUntil: range.lowerBound - settings.step)) }
    do {
      let status = settings.status
      let series = PrometheusSamples.StatusSeries(
        up: try run(status.up, role: "status.up", chunks, headers),
        degraded: try status.degraded.map { try run($0, role: "status.degraded", chunks, headers) } ?? [],
        maintenance: try status.maintenance.map { try run($0, role: "status.maintenance", chunks, headers) } ?? [],
        latencyMs: try status.latencyMs.map { try run($0, role: "status.latency_ms", chunks, headers) } ?? [])
      let converter = PrometheusSamples(source: settings)
      let (samples, issues) = converter.status(series)
      var metrics: [MetricSample] = []
      for metric in settings.metrics {
        metrics += converter.metrics(try run(metric.query, role: "metric \"\(metric.name)\"", chunks, headers), of: metric)
      }
      return .success(RemoteSamples(status: samples, metrics: metrics, issues: issues, coveredUntil: last.upperBound))
    } catch let failure as RemoteSourceFailure {
      return .failure(failure)
    } catch {
      return .failure(RemoteSourceFailure("\(error)"))
    }
  }

  /// `range` cut into grid-aligned pieces of at most `maximumPointsPerQuery` points, each from its
  /// first point to its last (the first point is `range`'s start rounded up to a multiple of `step`).
  public static func chunks(of range: ClosedRange<Timestamp>, step: Span) -> [ClosedRange<Timestamp>] {
    let width = max(1, step.milliseconds)
    let remainder = ((range.lowerBound.milliseconds % width) + width) % width
    var start = remainder == 0 ? range.lowerBound.milliseconds : range.lowerBound.milliseconds - remainder + width
    let end = range.upperBound.milliseconds
    var chunks: [ClosedRange<Timestamp>] = []
    while start <= end {
      let points = min(maximumPointsPerQuery, (end - start) / width + 1)
      let last = start + (points - 1) * width
      chunks.append(Timestamp(milliseconds: start)...Timestamp(milliseconds: last))
      start = last + width
    }
    return chunks
  }

  /// One query over every chunk, the series of each chunk joined by their labels.
  private func run(_ query: String, role: String, _ chunks: [ClosedRange<Timestamp>], _ headers: HTTPHeaders) throws -> [PrometheusSeries] {
    var joined: [[String: String]: PrometheusSeries] = [:]
    var order: [[String: String]] = []
    for chunk in chunks {
      for series in try request(query, role: role, chunk, headers) {
        if joined[series.labels] == nil {
          order.append(series.labels)
          joined[series.labels] = series
        } else {
          joined[series.labels]?.points += series.points
        }
      }
    }
    return order.compactMap { joined[$0] }
  }

  private func request(_ query: String, role: String, _ chunk: ClosedRange<Timestamp>, _ headers: HTTPHeaders) throws -> [PrometheusSeries] {
    let address = Self.queryRangeAddress(base: settings.url, query: query, range: chunk, step: settings.step)
    let response: HTTPClient.Response
    do {
      var request = try HTTPClient.Request(url: address, method: .GET)
      request.headers = headers
      let deadline = NIODeadline.now() + .milliseconds(settings.timeout.milliseconds)
      response = try client.execute(request: request, deadline: deadline).wait()
    } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
      throw RemoteSourceFailure("\(settings.url): no answer within timeout \(DurationParser.text(settings.timeout)) (\(role))")
    } catch {
      throw RemoteSourceFailure("\(settings.url): cannot reach the server: \(Self.describe(error)) (\(role))")
    }
    let body = response.body.map { Data($0.readableBytesView) } ?? Data()
    guard response.status == .ok else {
      let detail = PrometheusResponse.errorMessage(body).map { ": \($0)" } ?? ""
      throw RemoteSourceFailure(
        "\(settings.url): HTTP \(response.status.code) \(response.status.reasonPhrase)\(detail) (\(role): \(query))")
    }
    switch PrometheusResponse.matrix(body) {
    case .success(let series): return series
    case .failure(let failure): throw RemoteSourceFailure("\(settings.url): \(failure.message) (\(role))")
    }
  }

  /// `BASE/api/v1/query_range?query=...&start=...&end=...&step=...`, times in seconds.
  public static func queryRangeAddress(base: String, query: String, range: ClosedRange<Timestamp>, step: Span) -> String {
    let encoded = percentEncoded(query)
    let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
    return "\(trimmed)/api/v1/query_range?query=\(encoded)&start=\(seconds(range.lowerBound.milliseconds))"
      + "&end=\(seconds(range.upperBound.milliseconds))&step=\(seconds(step.milliseconds))"
  }

  /// `text` with every byte but RFC 3986's unreserved ones (`A-Z a-z 0-9 - . _ ~`) as `%XX`, so
  /// a query's `{`, `"`, `=`, spaces and any non-ASCII letter reach the server as written.
  static func percentEncoded(_ text: String) -> String {
    let hex = Array("0123456789ABCDEF".utf8)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count * 3)
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
        UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
        bytes.append(byte)
      default:
        bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func seconds(_ milliseconds: Int64) -> String {
    let whole = milliseconds / 1000
    let fraction = abs(milliseconds % 1000)
    if fraction == 0 { return "\(whole)" }
    let sign = milliseconds < 0 && whole == 0 ? "-" : ""
    return "\(sign)\(whole)." + String(String(fraction + 1000).dropFirst())
  }

  /// The `Authorization` header the settings ask for, read from its files at each fetch (a token
  /// renewed on disk is used at the next one).
  private func authorization() -> Result<HTTPHeaders, RemoteSourceFailure> {
    var headers = HTTPHeaders()
    do {
      if let file = settings.bearerTokenFile {
        headers.add(name: "Authorization", value: "Bearer " + (try Self.secret(file, key: "bearer_token_file")))
      } else if let user = settings.basicAuthUser, let file = settings.basicAuthPasswordFile {
        let password = try Self.secret(file, key: "basic_auth_password_file")
        headers.add(name: "Authorization", value: "Basic " + Data("\(user):\(password)".utf8).base64EncodedString())
      }
    } catch let failure as RemoteSourceFailure {
      return .failure(failure)
    } catch {
      return .failure(RemoteSourceFailure("\(error)"))
    }
    return .success(headers)
  }

  private static func secret(_ path: String, key: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw RemoteSourceFailure("\(key) \(path): cannot be read: expected a readable file holding the secret")
    }
    return String(decoding: data, as: UTF8.self).trimmingSpaces()
  }

  private static func describe(_ error: any Error) -> String {
    if let error = error as? HTTPClientError { return "\(error)" }
    let text = "\(error)"
    if text.contains("connectionRefused") || text.contains("Connection refused") { return "connection refused" }
    return text
  }
}
