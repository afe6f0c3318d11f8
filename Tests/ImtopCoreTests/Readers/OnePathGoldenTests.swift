import Foundation
import ImtopTestSupport
import Testing

@testable import ImtopCore

/// The fixture organisations through the one path from files to figures, against golden outputs
/// recorded from the separate one-shot loader that path replaced (`Fixtures/golden/`).
///
/// Differences from the recordings, each deliberate:
/// - `schema_version` opens the JSON snapshot, systems carry `last_sample`, `silent` and `monthly`,
///   `data.errors[]` carry a `severity`, and the budget has `booked_ahead` (no fixture books an
///   actual for a month that has not closed, so every other budget figure is as recorded under the
///   closed-months rule);
/// - `imtop check` writes each problem as `file:line: error: message` or `file:line: warning:
///   message`, and its summary counts errors and warnings apart;
/// - an id missing from `systems.csv` (`crm2` in `org-broken`) no longer has a system row of its
///   own: it is listed in `data.unregistered`;
/// - the incidents have `unacknowledged`, `by_priority_30d`, `open_items` and `resolved_30d` (the
///   incidents page's figures; the recorded ones are unchanged);
/// - `imtop check --kpis` carries every KPI's performance data after a `|` on its first line;
/// - systems carry `missing_fields`, `depends_on`, `dependants` and `impacted_via`, the portfolio
///   `data_quality_missing`, and the systems lacking a data-quality field are a warning per field
///   (in `imtop check` and `data.errors`), which the recordings predate;
/// - `data.files[]` carry a `failure` (null for every fixture file); their `modified` and
///   `age_seconds` depend on when the fixture files were checked out, so they are left out of the
///   comparison;
/// - a time zone the system's zoneinfo lacks (`Europe/Berln` in `org-broken`) is a warning that
///   times are shown in UTC, no longer a rejected setting (the recordings are edited to say so);
/// - the snapshot has `governance` and `imtop check` lists `training.csv`, `access.csv` and
///   `retention.csv` (the governance files came later; `GovernanceFigureTests` holds their figures).
@Suite(.serialized) struct OnePathGoldenTests {
  struct Organisation: CustomTestStringConvertible, Sendable {
    var name: String
    var now: Timestamp
    var testDescription: String { name }
  }

  /// Each fixture at its own `--now`: shortly after the samples of `org` and `org-broken`, and the
  /// demo's generation time.
  static let organisations = [
    Organisation(name: "org", now: utc(2026, 5, 4, 10, 5)),
    Organisation(name: "org-broken", now: utc(2026, 5, 4, 10, 5)),
    Organisation(name: "demo", now: utc(2026, 11, 26, 12)),
  ]

  /// The data directory of a fixture; the demo is generated (seed 2026) into a scratch folder.
  static func directory(_ organisation: Organisation) throws -> (path: String, remove: Bool) {
    guard organisation.name == "demo" else {
      let url = try #require(ReaderTestSupport.fixture(organisation.name))
      return (url.path, false)
    }
    let url = try ReaderTestSupport.temporaryDirectory()
    try DemoGenerator(seed: 2026, now: organisation.now).write(to: url)
    try withoutGovernance(url)
    return (url.path, true)
  }

  /// The demo as it was recorded: without the governance files and the data columns of `systems.csv`
  /// (the demo's are plain words, so they are the last two fields of each line).
  static func withoutGovernance(_ url: URL) throws {
    for name in ["training.csv", "access.csv", "retention.csv"] {
      try FileManager.default.removeItem(at: url.appendingPathComponent(name))
    }
    let systems = url.appendingPathComponent("systems.csv")
    let lines = try String(contentsOf: systems, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    let cut = lines.map { line in line.isEmpty ? "" : line.split(separator: ",", omittingEmptySubsequences: false).dropLast(2).joined(separator: ",") }
    try Data(cut.joined(separator: "\n").utf8).write(to: systems)
  }

  /// The fixture read once at its `now`, and what to do afterwards.
  static func read(_ organisation: Organisation) throws -> (reading: DirectoryReading, path: String, cleanUp: () -> Void) {
    let (path, remove) = try directory(organisation)
    let reading = DirectoryReading(directory: path, at: organisation.now)
    return (reading, path, { if remove { try? FileManager.default.removeItem(atPath: path) } })
  }

  static func golden(_ organisation: Organisation, _ suffix: String) throws -> String {
    let url = try #require(ReaderTestSupport.fixture("golden/\(organisation.name).\(suffix)"))
    return try String(contentsOf: url, encoding: .utf8)
  }

  /// A JSON snapshot as a value, without what depends on the checkout or was added on purpose, and
  /// without rows for the `unregistered` ids.
  static func comparable(_ json: String, unregistered: Set<String>) throws -> NSDictionary {
    var object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    object["schema_version"] = nil
    object["governance"] = nil
    // Keys added since the recording are not compared.
    let added: Set<String> = ["last_sample", "silent", "monthly", "missing_fields", "depends_on", "dependants", "impacted_via"]
    if var portfolio = object["portfolio"] as? [String: Any] {
      portfolio["data_quality_missing"] = nil
      object["portfolio"] = portfolio
    }
    object["systems"] = (object["systems"] as? [[String: Any]])?.filter { !unregistered.contains($0["id"] as? String ?? "") }
      .map { system in system.filter { !added.contains($0.key) } }
    if var budget = object["budget"] as? [String: Any] {
      budget["booked_ahead"] = nil
      object["budget"] = budget
    }
    if var incidents = object["incidents"] as? [String: Any] {
      for key in ["unacknowledged", "by_priority_30d", "open_items", "resolved_30d"] { incidents[key] = nil }
      object["incidents"] = incidents
    }
    if var data = object["data"] as? [String: Any] {
      data["files"] = (data["files"] as? [[String: Any]])?.map { file in
        file.filter { $0.key != "modified" && $0.key != "age_seconds" && $0.key != "failure" }
      }
      data["errors"] = (data["errors"] as? [[String: Any]])?
        .filter { !($0["severity"] as? String == "warning" && DataIssue.isDataQuality($0["message"] as? String ?? "")) }
        .map { error in error.filter { $0.key != "severity" } }
      data["unregistered"] = nil
      object["data"] = data
    }
    return object as NSDictionary
  }

  @Test(arguments: organisations)
  func snapshotAndChecksMatchTheRecordings(_ organisation: Organisation) throws {
    let (reading, _, cleanUp) = try Self.read(organisation)
    defer { cleanUp() }
    let snapshot = MetricEngine().snapshot(of: reading.input, at: reading.now)

    let json = SnapshotJSON().encode(snapshot)
    let unregistered = Set(snapshot.data.unregistered.map(\.id))
    #expect(organisation.name != "org-broken" || unregistered == ["crm2"])
    #expect(try Self.comparable(json, unregistered: unregistered) == Self.comparable(Self.golden(organisation, "snapshot.json"), unregistered: unregistered))

    // The status line as recorded, before the performance data added after its `|`.
    var kpis = KPICheck(kpis: snapshot.kpis).text.components(separatedBy: "\n")
    if let bar = kpis.first?.range(of: " | "), let first = kpis.first { kpis[0] = String(first[..<bar.lowerBound]) }
    #expect(kpis.joined(separator: "\n") == (try Self.golden(organisation, "kpis.txt")))

    // The check text without the severities and the data-quality warnings reads as recorded, but for
    // the summary line.
    let check = CheckReport(reading).text
    let governanceFiles = ["training", "access", "retention"]
    var lines: [String] = []
    for line in check.components(separatedBy: "\n") {
      if let warning = line.range(of: ": warning: "), DataIssue.isDataQuality(String(line[warning.upperBound...])) { continue }
      if governanceFiles.contains(where: { line.hasPrefix("\($0).csv") || line.hasPrefix("\($0)/") }) { continue }
      if line.isEmpty, lines.last == "" { continue }
      lines.append(line)
    }
    var recorded = try Self.golden(organisation, "check.txt").components(separatedBy: "\n")
    #expect(lines.count == recorded.count)
    let summary = lines.count >= 2 ? lines.remove(at: lines.count - 2) : ""
    let recordedSummary = recorded.count >= 2 ? recorded.remove(at: recorded.count - 2) : ""
    #expect(lines.map { $0.replacingOccurrences(of: ": error: ", with: ": ").replacingOccurrences(of: ": warning: ", with: ": ") } == recorded)
    let errors = reading.input.issues.filter(\.isError).count
    let warnings = reading.input.issues.count - errors
    let recordedIssues = reading.input.issues.apartFromDataQuality.count
    #expect(recordedSummary.hasPrefix(recordedIssues == 0 ? "No problems" : "\(recordedIssues) problem"))
    if warnings == 0 && errors > 0 { #expect(summary.hasPrefix("\(errors) error")) }
    if warnings > 0 { #expect(summary.contains("\(warnings) warning")) }
  }

  /// A dashboard polling the same directory, at the same instant, sees the same figures and the
  /// same problems as the one-shot command.
  @Test(arguments: organisations)
  func aLiveSessionSeesWhatTheOneShotCommandSees(_ organisation: Organisation) throws {
    let (reading, path, cleanUp) = try Self.read(organisation)
    defer { cleanUp() }
    let oneShot = MetricEngine().snapshot(of: reading.input, at: reading.now)

    let session = LiveSession(poller: Poller(directory: path, clock: ManualClock(organisation.now)))
    let update = try #require(session.step(force: true))
    #expect(SnapshotJSON().encode(update.snapshot) == SnapshotJSON().encode(oneShot))
    let live = update.snapshot.data.issues.map { [$0.file, $0.line.map(String.init) ?? "", $0.message, $0.severity.rawValue] }
    let once = oneShot.data.issues.map { [$0.file, $0.line.map(String.init) ?? "", $0.message, $0.severity.rawValue] }
    #expect(live == once)
  }
}
