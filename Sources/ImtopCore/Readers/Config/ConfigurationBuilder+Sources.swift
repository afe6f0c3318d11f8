import TOMLKit

extension ConfigurationBuilder {
  static let sourceKeys = [
    "kind", "name", "url", "interval", "history", "step", "timeout", "bearer_token_file", "basic_auth_user",
    "basic_auth_password_file", "ca_file", "system_label", "status", "metric",
  ]
  static let sourceStatusKeys = ["up", "degraded", "maintenance", "latency_ms"]
  static let sourceMetricKeys = ["name", "query", "unit"]

  /// Reads the `[[source]]` tables of the user's configuration. In a data directory's `imtop.toml`
  /// each is an error: files written by others must not send the user's credentials or files to a server.
  mutating func readSources() {
    guard scope == .user else {
      reject(
        "[[source]] (ignored): a data source is set in your configuration (--config FILE or $XDG_CONFIG_HOME/imtop/config.toml), never in a data directory, which must not be able to send your files or credentials to a server",
        table: "source#1", key: "kind")
      return
    }
    guard let array = root["source"]?.array else {
      reject("source must be a list of tables ([[source]])", table: "source", key: "source")
      return
    }
    var names = Set<String>()
    for (offset, element) in array.enumerated() {
      let tableName = "source#\(offset + 1)"
      let location = SourceLocation(file: path, line: index.arrayTableLine(tableName) ?? 1)
      guard let table = element.table else {
        reject("source \(offset + 1) must be a table ([[source]])", table: tableName, key: "source")
        continue
      }
      guard let source = source(table, tableName: tableName, location: location) else { continue }
      guard names.insert(source.name).inserted else {
        reject("source \"\(source.name)\" is named twice: expected a name of its own for each [[source]]", table: tableName, key: "name")
        continue
      }
      userSettings.sources.append(source)
    }
  }

  private mutating func source(_ table: TOMLTable, tableName: String, location: SourceLocation) -> PrometheusSourceSettings? {
    warnUnknownKeys(table, name: tableName, known: Self.sourceKeys)
    let kind = string(table, tableName, "kind")
    guard kind == "prometheus" else {
      reject(
        "source kind \(kind.map { "\"\($0)\"" } ?? "missing"): expected kind = \"prometheus\"", table: tableName,
        key: kind == nil ? "source" : "kind")
      return nil
    }
    let name = string(table, tableName, "name")?.trimmingSpaces() ?? ""
    let label = name.isEmpty ? "a [[source]]" : "source \"\(name)\""
    let url = string(table, tableName, "url")?.trimmingSpaces() ?? ""
    let statusTable = sourceStatus(table, tableName: tableName, label: label)
    var missing: [String] = []
    if name.isEmpty { missing.append("name = \"...\"") }
    if url.isEmpty { missing.append("url = \"http://host:9090\"") }
    if statusTable == nil { missing.append("[source.status] up = '...'") }
    guard missing.isEmpty, let status = statusTable else {
      rejected += 1
      issues.append(DataIssue(at: location, "\(label) has no \(missing.joined(separator: ", ")): expected at least these"))
      return nil
    }
    guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
      reject("\(label): url \"\(url)\": expected an address starting with http:// or https://", table: tableName, key: "url")
      return nil
    }
    var source = PrometheusSourceSettings(name: name, url: url, status: status, location: location)
    source.interval = duration(table, "interval", .sourceInterval, tableName: tableName)
    source.history = duration(table, "history", .sourceHistory, tableName: tableName) ?? source.history
    source.timeout = duration(table, "timeout", .sourceTimeout, tableName: tableName) ?? source.timeout
    if let step = duration(table, "step", .sourceStep, tableName: tableName) {
      if step > configuration.staleAfter {
        reject(
          "\(label): step \(DurationParser.text(step)) exceeds refresh.stale_after \(DurationParser.text(configuration.staleAfter)): expected a step no longer than stale_after, or every point would be stale before the next",
          table: tableName, key: "step")
        return nil
      }
      source.step = step
    }
    source.bearerTokenFile = string(table, tableName, "bearer_token_file")
    source.basicAuthUser = string(table, tableName, "basic_auth_user")
    source.basicAuthPasswordFile = string(table, tableName, "basic_auth_password_file")
    source.caFile = string(table, tableName, "ca_file")
    if (source.basicAuthUser == nil) != (source.basicAuthPasswordFile == nil) {
      reject("\(label): basic_auth_user and basic_auth_password_file go together: expected both or neither", table: tableName, key: "basic_auth_user")
      return nil
    }
    if source.bearerTokenFile != nil, source.basicAuthUser != nil {
      reject("\(label): bearer_token_file and basic_auth_user exclude each other: expected one way to sign in", table: tableName, key: "bearer_token_file")
      return nil
    }
    if let systemLabel = string(table, tableName, "system_label")?.trimmingSpaces() {
      guard Self.isLabelName(systemLabel) else {
        reject("\(label): system_label \"\(systemLabel)\": expected a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*)", table: tableName, key: "system_label")
        return nil
      }
      source.systemLabel = systemLabel
    }
    source.metrics = sourceMetrics(table, tableName: tableName, label: label)
    return source
  }

  private mutating func sourceStatus(_ table: TOMLTable, tableName: String, label: String) -> PrometheusSourceSettings.StatusQueries? {
    guard let value = table["status"] else { return nil }
    let statusName = "source.status"
    guard let status = value.table else {
      reject("\(label): status must be a table ([source.status])", table: tableName, key: "status")
      return nil
    }
    warnUnknownKeys(status, name: statusName, known: Self.sourceStatusKeys)
    guard let up = query(status, statusName, "up") else { return nil }
    return PrometheusSourceSettings.StatusQueries(
      up: up, degraded: query(status, statusName, "degraded"), maintenance: query(status, statusName, "maintenance"),
      latencyMs: query(status, statusName, "latency_ms"))
  }

  private mutating func sourceMetrics(_ table: TOMLTable, tableName: String, label: String) -> [PrometheusSourceSettings.MetricQuery] {
    guard let value = table["metric"] else { return [] }
    guard let array = value.array else {
      reject("\(label): metric must be a list of tables ([[source.metric]])", table: tableName, key: "metric")
      return []
    }
    var metrics: [PrometheusSourceSettings.MetricQuery] = []
    for element in array {
      let metricName = "source.metric#\(metricTablesRead + 1)"
      metricTablesRead += 1
      guard let metric = element.table else {
        reject("\(label): each metric must be a table ([[source.metric]])", table: metricName, key: "metric")
        continue
      }
      warnUnknownKeys(metric, name: metricName, known: Self.sourceMetricKeys)
      let name = string(metric, metricName, "name")?.trimmingSpaces() ?? ""
      guard !name.isEmpty, let query = query(metric, metricName, "query") else {
        rejected += 1
        let line = index.arrayTableLine(metricName) ?? 1
        issues.append(DataIssue(file: path, line: line, message: "\(label): a [[source.metric]] without a name or a query: expected name = \"...\" and query = '...'"))
        continue
      }
      metrics.append(PrometheusSourceSettings.MetricQuery(name: name, query: query, unit: string(metric, metricName, "unit")))
    }
    return metrics
  }

  /// A non-empty PromQL expression at `key`.
  private mutating func query(_ table: TOMLTable, _ tableName: String, _ key: String) -> String? {
    guard let text = string(table, tableName, key) else { return nil }
    let query = text.trimmingSpaces()
    if query.isEmpty {
      reject("\(display(tableName)).\(key) \"\": expected a PromQL expression", table: tableName, key: key)
      return nil
    }
    return query
  }

  static func isLabelName(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
    return text.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
  }
}
