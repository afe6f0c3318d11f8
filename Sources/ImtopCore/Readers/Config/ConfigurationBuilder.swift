import TOMLKit

/// Turns a parsed `imtop.toml` into a `Configuration`, one key at a time, collecting issues.
struct ConfigurationBuilder {
  let root: TOMLTable
  let index: TOMLLineIndex
  let path: String
  let scope: ConfigurationScope
  var configuration = Configuration()
  /// The settings the file gives (`refresh.interval`, `kpi`...), each with a value that was kept:
  /// what it overrides of a configuration below it.
  var setKeys: Set<String> = []
  /// `display.mouse`, `display.kiosk` and `log.file`: the user's configuration only.
  var userSettings = UserSettings()
  var issues: [DataIssue] = []
  var rejected = 0
  /// `[[source.metric]]` tables read so far, over every source (the line index numbers them so).
  var metricTablesRead = 0

  init(root: TOMLTable, index: TOMLLineIndex, path: String, scope: ConfigurationScope = .dataDirectory) {
    self.root = root
    self.index = index
    self.path = path
    self.scope = scope
  }

  private var knownKeys: [String: [String]] { ConfigurationReader.knownKeys(scope) }

  mutating func build() {
    for key in root.keys where knownKeys[tableName(key)] == nil {
      if key == "source" { continue }  // read below, once refresh.stale_after is known
      if key == "log" {
        // A data directory is written by others: it must not make imtop write elsewhere (the README's "Log").
        warn("unknown key \"log\" (ignored): the log is set by --log or the user's configuration, never by the data directory", table: key, key: key)
        continue
      }
      warn("unknown key \"\(key)\" (ignored): expected the tables organization, refresh, display and [[kpi]]", table: key, key: key)
    }
    if let organization = table("organization") { readOrganization(organization, name: writtenKey("organization")) }
    if let refresh = table("refresh") { readRefresh(refresh) }
    if let display = table("display") { readDisplay(display) }
    if scope == .user, let log = table("log"), let file = string(log, "log", "file") {
      if file.isEmpty {
        reject("log.file \"\": expected a file name", table: "log", key: "file")
      } else {
        userSettings.logFile = file
      }
    }
    readKPIs()
    if !configuration.kpis.isEmpty { setKeys.insert("kpi") }
    if root["source"] != nil { readSources() }
  }

  /// `organisation` is read as `organization`.
  private func tableName(_ key: String) -> String { key == "organisation" ? "organization" : key }

  /// The key a table is written under: `organisation` is accepted for `organization`.
  private func writtenKey(_ name: String) -> String {
    name == "organization" && root[name] == nil && root["organisation"] != nil ? "organisation" : name
  }

  private mutating func table(_ name: String) -> TOMLTable? {
    let key = writtenKey(name)
    guard let value = root[key] else { return nil }
    guard let table = value.table else {
      reject("\(key) must be a table ([\(key)])", table: key, key: key)
      return nil
    }
    var known = knownKeys[tableName(key)] ?? []
    if scope == .dataDirectory, tableName(key) == "display" {
      // A data directory is written by others: it must not take the user's keyboard or mouse.
      for userKey in ConfigurationReader.userOnlyDisplayKeys where table[userKey] != nil {
        warn("display.\(userKey) (ignored): set by the user's configuration or the command line, never by the data directory", table: key, key: userKey)
      }
      known += ConfigurationReader.userOnlyDisplayKeys
    }
    warnUnknownKeys(table, name: key, known: known)
    return table
  }

  private mutating func readOrganization(_ table: TOMLTable, name: String) {
    if let text = string(table, name, "name") { configuration.organizationName = text; setKeys.insert("organization.name") }
    if let text = string(table, name, "currency") {
      let code = text.uppercased()
      if code.count == 3 && code.allSatisfy({ $0 >= "A" && $0 <= "Z" }) {
        configuration.currency = code
        setKeys.insert("organization.currency")
      } else {
        reject("\(name).currency \"\(text)\" is not a currency code: expected an ISO 4217 code such as EUR, USD or GBP", table: name, key: "currency")
      }
    }
    if let value = table["fiscal_year_start"] {
      if let month = value.int, (1...12).contains(month) {
        configuration.fiscalYearStart = month
        setKeys.insert("organization.fiscal_year_start")
      } else {
        reject("\(name).fiscal_year_start \(describe(value)) is not a month: expected 1 (January) to 12", table: name, key: "fiscal_year_start")
      }
    }
    if let text = string(table, name, "timezone") {
      switch Zone.load(text) {
      case .success(let zone):
        (configuration.zone, configuration.zoneFallback) = (zone, nil)
        setKeys.insert("organization.timezone")
      case .failure(let error) where error.isInvalidName:
        reject("\(name).timezone \(error)", table: name, key: "timezone")
      case .failure(let error):
        // A name this system's zoneinfo cannot give (none installed, too old, a broken file): the
        // setting holds, read as UTC until the files are there.
        (configuration.zone, configuration.zoneFallback) = (.utc, error)
        setKeys.insert("organization.timezone")
        warn("\(name).timezone: \(error); times are shown in UTC", table: name, key: "timezone")
      }
    }
  }

  private mutating func readRefresh(_ table: TOMLTable) {
    if let span = duration(table, "interval", .refreshInterval) { configuration.refreshInterval = span; setKeys.insert("refresh.interval") }
    if let span = duration(table, "stale_after", .staleAfter) { configuration.staleAfter = span; setKeys.insert("refresh.stale_after") }
  }

  private mutating func readDisplay(_ table: TOMLTable) {
    if let text = string(table, "display", "theme") { configuration.theme = text; setKeys.insert("display.theme") }
    if let span = duration(table, "rotate", .rotate) { configuration.rotate = span; setKeys.insert("display.rotate") }
    if scope == .user {
      if let mouse = bool(table, "display", "mouse") { userSettings.mouse = mouse }
      if let kiosk = bool(table, "display", "kiosk") { userSettings.kiosk = kiosk }
    }
    if let text = string(table, "display", "glyphs") {
      if let glyphs = GlyphSet(parsing: text) {
        configuration.glyphs = glyphs
        setKeys.insert("display.glyphs")
      } else {
        reject("display.glyphs \"\(text)\": expected \(GlyphSet.expectedDescription)", table: "display", key: "glyphs")
      }
    }
    guard let value = table["pages"] else { return }
    guard let array = value.array else {
      reject("display.pages must be a list such as [\"overview\", \"systems\"]", table: "display", key: "pages")
      return
    }
    var pages: [PageName] = []
    for element in array {
      guard let text = element.string, let page = PageName(parsing: text) else {
        reject("display.pages: unknown page \(describe(element)): expected \(PageName.expectedDescription)", table: "display", key: "pages")
        return
      }
      pages.append(page)
    }
    if pages.isEmpty {
      reject("display.pages is empty: expected at least one of \(PageName.expectedDescription)", table: "display", key: "pages")
    } else {
      configuration.pages = pages
      setKeys.insert("display.pages")
    }
  }

  // MARK: Typed values

  mutating func string(_ table: TOMLTable, _ tableName: String, _ key: String) -> String? {
    typed(table, tableName, key, "a string") { $0.string }
  }

  mutating func bool(_ table: TOMLTable, _ tableName: String, _ key: String) -> Bool? {
    typed(table, tableName, key, "true or false") { $0.bool }
  }

  /// The value at `key` as `convert` reads it; a value of another type is rejected (`must be a string, not 3`).
  private mutating func typed<Value>(
    _ table: TOMLTable, _ tableName: String, _ key: String, _ expected: String,
    _ convert: (any TOMLValueConvertible) -> Value?
  ) -> Value? {
    guard let value = table[key] else { return nil }
    guard let typed = convert(value) else {
      reject("\(display(tableName)).\(key) must be \(expected), not \(describe(value))", table: tableName, key: key)
      return nil
    }
    return typed
  }

  /// A duration within the setting's range, written as text (`"2s"`) or as whole seconds (`2`).
  mutating func duration(_ table: TOMLTable, _ key: String, _ setting: DurationSetting, tableName: String? = nil) -> Span? {
    guard let value = table[key] else { return nil }
    let tableName = tableName ?? String(setting.key.prefix { $0 != "." })
    let result: Result<Span, DurationSettingError>
    if let text = value.string {
      result = setting.parse(text)
    } else if let seconds = value.int {
      result = setting.validate(Span.seconds(Int64(seconds)), written: describe(value))
    } else {
      result = .failure(DurationSettingError(message: "\(setting.key) \(describe(value)): expected \(setting.expected)"))
    }
    switch result {
    case .success(let span): return span
    case .failure(let error):
      reject(error.message, table: tableName, key: key)
      return nil
    }
  }

  /// A table's name for messages: `kpi` for the Nth `[[kpi]]`, whose lookup name is `kpi#N`.
  func display(_ table: String) -> String {
    String(table.prefix { $0 != "#" })
  }

  func describe(_ value: TOMLValueConvertible) -> String {
    if let text = value.string { return "\"\(text)\"" }
    return value.tomlValue.debugDescription
  }

  // MARK: Issues

  mutating func warnUnknownKeys(_ table: TOMLTable, name: String, known: [String]) {
    for key in table.keys where !known.contains(key) {
      warn("unknown key \"\(display(name)).\(key)\" (ignored): expected one of \(known.joined(separator: ", "))", table: name, key: key)
    }
  }

  /// A setting that is not used: an error.
  mutating func reject(_ message: String, table: String, key: String) {
    rejected += 1
    report(message, table: table, key: key, severity: .error)
  }

  /// A key that means nothing here (ignored): a warning.
  mutating func warn(_ message: String, table: String, key: String) {
    report(message, table: table, key: key, severity: .warning)
  }

  private mutating func report(_ message: String, table: String, key: String, severity: DataIssue.Severity) {
    let path = table == key ? key : "\(table).\(key)"
    let line = index.line(ofKey: path, inTable: table) ?? 1
    issues.append(DataIssue(file: self.path, line: line, message: message, severity: severity))
  }
}
