import FoundationEssentials

/// Writes a realistic demo organisation into a data directory, in the real file formats, so that
/// `imtop demo` is both a convincing first run and an example to copy.
///
/// Everything derives from the seed and `now`: two generations with the same pair are identical.
public struct DemoGenerator: Sendable {
  public var seed: UInt64
  public var now: Timestamp
  /// How far back the status and metric history goes.
  public var historyDays: Int
  /// Spacing of the historical monitor samples.
  public var sampleInterval: Span

  public init(seed: UInt64 = 2026, now: Timestamp, historyDays: Int = 30, sampleInterval: Span = .minutes(10)) {
    self.seed = seed
    self.now = now
    self.historyDays = historyDays
    self.sampleInterval = sampleInterval
  }

  /// Days of history for a demo written at `now`: 30, or more so that the previous calendar month
  /// (in the demo's zone) is whole when it belongs to the current fiscal year, so the monthly SLA
  /// rows of both that month and the current one are complete. Earlier months of the fiscal year
  /// have no samples and show as such (availability unknown, coverage 0).
  public static func historyDays(coveringPreviousMonthAt now: Timestamp) -> Int {
    let zone = Zone(identifier: timeZone) ?? .utc
    let year = FiscalYear(containing: now, startMonth: fiscalYearStart, zone: zone)
    let previous = zone.date(of: now).yearMonth.adding(months: -1)
    guard year.contains(previous) else { return 30 }
    let span = now - previous.firstInstant(in: zone)
    let day = Span.days(1).milliseconds
    return max(30, Int((span.milliseconds + day - 1) / day))
  }

  /// The demo organisation's time zone.
  static let timeZone = "Europe/Berlin"

  /// The organisation's configuration as the demo writes it.
  public static let organizationName = "Harbour City Council"
  public static let fiscalYearStart = 4

  /// Every file's name and contents, in name order.
  public func files() -> [(name: String, contents: String)] {
    fileBytes().map { ($0.name, String(decoding: $0.bytes, as: UTF8.self)) }
  }

  /// Every file's name and contents in UTF-8, in name order: what `write(to:)` writes, without
  /// making a string of the 12 MB status history first.
  func fileBytes() -> [(name: String, bytes: [UInt8])] {
    var random = SeededGenerator(seed: seed)
    let samples = historySamples(random: &random)
    return [
      ("access.csv", Array(accessCSV().utf8)),
      ("budget.csv", Array(budgetCSV(random: &random).utf8)),
      ("compliance.csv", Array(complianceCSV().utf8)),
      ("imtop.toml", Array(configurationTOML().utf8)),
      ("incidents.csv", Array(incidentsCSV(outages: samples.troubles, random: &random).utf8)),
      ("metrics.jsonl", Array(samples.metrics.utf8)),
      ("retention.csv", Array(retentionCSV().utf8)),
      ("status.jsonl", samples.status),
      ("systems.csv", Array(systemsCSV().utf8)),
      ("training.csv", Array(trainingCSV().utf8)),
    ]
  }

  /// Writes the files and the demo marker into `directory` (created if needed), replacing any with
  /// the same names. `write(to:force:)` first checks that the folder may be written into.
  public func write(to directory: URL) throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for file in fileBytes() {
      try Data(file.bytes).write(to: directory.appendingPathComponent(file.name), options: .atomic)
    }
    let marker = directory.appendingPathComponent(DemoDirectory.markerName)
    try Data(DemoDirectory.markerText.utf8).write(to: marker, options: .atomic)
  }

  /// Writes the demo into `directory` when it is new, empty or a previous demo, or when `force` is
  /// set; otherwise throws `DemoDirectoryRefusal` having written nothing.
  public func write(to directory: URL, force: Bool) throws {
    try DemoDirectory(url: directory).requireWritable(force: force)
    try write(to: directory)
  }

  func configurationTOML() -> String {
    """
    # imtop configuration for the demo organisation. Every key is optional.

    [organization]
    name = "\(DemoGenerator.organizationName)"
    currency = "EUR"
    fiscal_year_start = \(DemoGenerator.fiscalYearStart)   # the fiscal year runs April to March
    timezone = "\(DemoGenerator.timeZone)"

    [refresh]
    interval = "2s"        # how often the data files are polled
    stale_after = "15m"    # monitors report every 10 minutes; a missed report is not yet unknown

    [display]
    theme = "default"
    pages = ["overview", "systems", "budget", "compliance", "kpis", "incidents"]
    rotate = "20s"         # kiosk page rotation

    [[kpi]]
    name = "Patch latency"
    expr = "avg(metric('patch_latency_days'), 30d)"
    unit = "days"
    target = 14
    warn = 21
    crit = 30
    better = "lower"

    [[kpi]]
    name = "Backup success"
    expr = "avg(metric('backup_success_pct'), 7d)"
    unit = "%"
    target = 100
    warn = 98
    crit = 95
    better = "higher"

    [[kpi]]
    name = "Service desk backlog"
    expr = "last(metric('service_desk_backlog'), 24h)"
    unit = "tickets"
    target = 40
    warn = 80
    crit = 120
    better = "lower"

    [[kpi]]
    name = "Data centre temperature"
    expr = "max(metric('dc_temperature_c'), 24h)"
    unit = "°C"
    target = 22
    warn = 27
    crit = 30
    better = "lower"

    [[kpi]]
    name = "ERP availability (7d)"
    expr = "availability('erp', 7d)"
    unit = "%"
    target = 99.9
    warn = 99.5
    crit = 99
    better = "higher"

    """
  }

  func systemsCSV() -> String {
    var text = "id,name,category,kind,sourcing,vendor,owner,criticality,lifecycle,users,sla,end_of_support,depends_on,location,data_class,personal_data\n"
    for s in DemoCatalog.systems {
      let fields = [
        s.id, s.name, s.category, s.kind, s.sourcing, s.vendor, s.owner, s.criticality, s.lifecycle, s.users,
        s.sla, s.endOfSupport, s.dependsOn, s.location, DemoGenerator.dataClasses[s.id]?.dataClass ?? "",
        DemoGenerator.dataClasses[s.id]?.personal == true ? "yes" : "no",
      ]
      text += fields.map(DemoGenerator.csvField).joined(separator: ",") + "\n"
    }
    return text
  }

  /// A CSV field, quoted when it holds a separator, a quote or a line break.
  static func csvField(_ value: String) -> String {
    guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
    return "\"" + value.replacing("\"", with: "\"\"") + "\""
  }

  /// The first month of the fiscal year containing `now`.
  var fiscalYearStartMonth: YearMonth {
    let civil = CivilTime(utc: now)
    let year = civil.month >= DemoGenerator.fiscalYearStart ? civil.year : civil.year - 1
    return YearMonth(year: year, month: DemoGenerator.fiscalYearStart)
  }
}
