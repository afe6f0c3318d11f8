/// One `[[source]]` table of the user's configuration with `kind = "prometheus"`: a server with the
/// Prometheus HTTP API whose query results become status and metric samples (the README's
/// "Prometheus as a source"). Only the user's configuration may name one: a data directory must not
/// be able to make imtop send the user's credentials to a server.
public struct PrometheusSourceSettings: Hashable, Sendable {
  /// Names the source in reports and messages, as a path names a file (`fleet`).
  public var name: String
  /// The server's base address (`http://127.0.0.1:9090`).
  public var url: String
  /// How often it is queried; nil: `refresh.interval`.
  public var interval: Span?
  /// How far back the first query reaches (and a one-shot command's).
  public var history: Span
  /// The resolution of `query_range`.
  public var step: Span
  public var timeout: Span
  public var bearerTokenFile: String?
  public var basicAuthUser: String?
  public var basicAuthPasswordFile: String?
  public var caFile: String?
  /// The label whose value is the system id.
  public var systemLabel: String
  public var status: StatusQueries
  public var metrics: [MetricQuery]
  /// Where its `[[source]]` header is.
  public var location: SourceLocation

  /// The PromQL expressions of the status samples: `up` is required, the others optional.
  public struct StatusQueries: Hashable, Sendable {
    public var up: String
    public var degraded: String?
    public var maintenance: String?
    public var latencyMs: String?

    public init(up: String, degraded: String? = nil, maintenance: String? = nil, latencyMs: String? = nil) {
      self.up = up
      self.degraded = degraded
      self.maintenance = maintenance
      self.latencyMs = latencyMs
    }
  }

  /// A `[[source.metric]]`: a query whose points become metric samples named `name`.
  public struct MetricQuery: Hashable, Sendable {
    public var name: String
    public var query: String
    public var unit: String?

    public init(name: String, query: String, unit: String? = nil) {
      self.name = name
      self.query = query
      self.unit = unit
    }
  }

  public static let defaultHistory = Store.retention
  public static let defaultStep = Span.seconds(60)
  public static let defaultTimeout = Span.seconds(10)
  public static let defaultSystemLabel = "system"

  public init(
    name: String, url: String, interval: Span? = nil, history: Span = defaultHistory, step: Span = defaultStep,
    timeout: Span = defaultTimeout, bearerTokenFile: String? = nil, basicAuthUser: String? = nil,
    basicAuthPasswordFile: String? = nil, caFile: String? = nil, systemLabel: String = defaultSystemLabel,
    status: StatusQueries, metrics: [MetricQuery] = [], location: SourceLocation = SourceLocation(file: "", line: 1)
  ) {
    self.name = name
    self.url = url
    self.interval = interval
    self.history = history
    self.step = step
    self.timeout = timeout
    self.bearerTokenFile = bearerTokenFile
    self.basicAuthUser = basicAuthUser
    self.basicAuthPasswordFile = basicAuthPasswordFile
    self.caFile = caFile
    self.systemLabel = systemLabel
    self.status = status
    self.metrics = metrics
    self.location = location
  }
}

extension DurationSetting {
  /// `[[source]]` durations: how often a server is queried, how far back, at what resolution, how long an answer may take.
  public static let sourceInterval = DurationSetting(key: "source.interval", range: refreshInterval.range)
  public static let sourceHistory = DurationSetting(key: "source.history", range: Span.minutes(1)...Span.days(400))
  public static let sourceStep = DurationSetting(key: "source.step", range: Span.seconds(1)...Span.days(1))
  public static let sourceTimeout = DurationSetting(key: "source.timeout", range: Span(milliseconds: 100)...Span.minutes(5))
}
