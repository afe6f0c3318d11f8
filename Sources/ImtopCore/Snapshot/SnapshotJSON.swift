/// The whole `Snapshot` as JSON for scripts, cron and reports (`imtop snapshot --format json`).
///
/// The shape is a contract: keys in a fixed order, maps sorted by key so two runs on the same data
/// give the same bytes. Money is in major units rounded to the currency's minor digits (exact, from
/// integer minor units); percentages are 0...100 rounded to 2 decimals, as are minutes, hours,
/// latencies and KPI values; times are ISO 8601 in UTC; what cannot be computed is `null`.
public struct SnapshotJSON: Sendable {
  /// Every money figure becomes `null` (public screens, `--redact-costs`).
  public var redactMoney: Bool
  /// Indent by two spaces per level instead of one compact line.
  public var pretty: Bool

  public init(redactMoney: Bool = false, pretty: Bool = true) {
    self.redactMoney = redactMoney
    self.pretty = pretty
  }

  /// The version of the snapshot's shape. A change that renames or removes a key, or changes what a
  /// value means, raises it; adding a key does not (readers ignore keys they do not know).
  public static let schemaVersion = 1

  /// The JSON text, ending with a newline.
  public func encode(_ snapshot: Snapshot) -> String {
    value(of: snapshot).text(pretty: pretty) + "\n"
  }

  /// The same text handed to `sink` in pieces, the systems made one at a time: a portfolio of
  /// 50,000 systems is written without holding its whole text.
  public func write(_ snapshot: Snapshot, to sink: (String) -> Void) {
    value(of: snapshot).write(pretty: pretty, to: sink)
    sink("\n")
  }

  /// The JSON value (for callers that embed the snapshot in a larger document).
  public func value(of snapshot: Snapshot) -> JSONValue {
    let digits = CurrencyInfo.minorDigits(snapshot.organization.currency)
    let writer = SnapshotJSONWriter(redactMoney: redactMoney, digits: digits, now: snapshot.asOf)
    return .object([
      ("schema_version", .integer(Int64(SnapshotJSON.schemaVersion))),
      ("as_of", .string(snapshot.asOf.iso8601)),
      ("organization", writer.organization(snapshot.organization)),
      ("systems", .items(snapshot.systems.count) { writer.system(snapshot.systems[$0]) }),
      ("incidents", writer.incidents(snapshot.incidents)),
      ("budget", writer.budget(snapshot.budget)),
      ("compliance", writer.compliance(snapshot.compliance)),
      ("portfolio", writer.portfolio(snapshot.portfolio)),
      ("governance", writer.governance(snapshot.governance)),
      ("kpis", .array(snapshot.kpis.map(writer.kpi))),
      ("data", writer.data(snapshot.data)),
    ])
  }
}
