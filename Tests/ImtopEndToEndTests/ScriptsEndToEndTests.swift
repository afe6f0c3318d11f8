import Foundation
import ImtopTestSupport
import Testing

/// What scripts and monitoring systems see of the built binary: `check --format json`, `check --kpis`
/// with `--kpi` and performance data, and `snapshot --size` below the minimum, with exit statuses.
@Suite(.enabled(if: TmuxSession.imtopPath != nil, "the imtop binary is not built beside the tests"))
struct ScriptsEndToEndTests {
  let root = FileManager.default.temporaryDirectory.appendingPathComponent("imtop-scripts-cli-\(UUID().uuidString)")
  let now = "2026-05-04T10:05:00Z"

  /// One system, a budget row with a bad period (an error), a sample of an unknown system (a
  /// warning) and one open P1 incident.
  func writeOrganisation() throws {
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    let files = [
      "systems.csv": "id,name,owner,criticality,lifecycle,sla\nerp,ERP,Finance IT,1,active,99.5\n",
      "budget.csv": "period,system,type,planned,actual\n2026-13,erp,opex,100,90\n",
      "status.jsonl": "{\"ts\":\"2026-05-04T08:00:00Z\",\"system\":\"fax\",\"state\":\"up\"}\n",
      "incidents.csv": "id,system,priority,opened,summary\nINC-1,erp,P1,2026-05-04T09:00:00Z,Posting run failed\n",
    ]
    for (name, text) in files { try Data(text.utf8).write(to: root.appendingPathComponent(name)) }
  }

  func run(_ arguments: [String]) throws -> ChildProcess.Result {
    try ChildProcess.run(TmuxSession.imtopPath ?? "imtop", arguments, captureOutput: true)
  }

  /// Standard output and standard error together, through the shell.
  func runMerged(_ arguments: [String]) throws -> ChildProcess.Result {
    let quoted = ([TmuxSession.imtopPath ?? "imtop"] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
    return try ChildProcess.run("/bin/sh", ["-c", quoted.joined(separator: " ") + " 2>&1"], captureOutput: true)
  }

  func object(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func checkJSONParsesBackWithTheExitStatusOfTheText() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    try writeOrganisation()
    let json = try run(["check", "--format", "json", "--now", now, root.path])
    let text = try run(["check", "--now", now, root.path])
    #expect(json.status == 1)
    #expect(text.status == 1)
    let report = try object(json.output)
    #expect(report["schema_version"] as? Int == 1)
    #expect(report["exit_status"] as? Int == 1)
    #expect(report["summary"] as? [String: Int] == ["files": 4, "errors": 1, "warnings": 1])
    let problems = try #require(report["problems"] as? [[String: Any]])
    #expect(problems.map { $0["severity"] as? String } == ["error", "warning"])
    #expect(problems.first?["file"] as? String == "budget.csv")
    #expect(problems.first?["line"] as? Int == 2)
    #expect(problems.last?["message"] as? String == "unknown system \"fax\": not in systems.csv")
    #expect(text.output.hasSuffix("1 error and 1 warning in 4 files.\n"))
    #expect(
      report["not_present"] as? [String] == [
        "imtop.toml", "compliance.csv", "training.csv", "access.csv", "retention.csv", "metrics.jsonl",
      ])
  }

  @Test func checkJSONOnAWrongPathIsStillOneObject() throws {
    let missing = root.appendingPathComponent("nowhere").path
    let result = try run(["check", "--format", "json", missing])
    #expect(result.status == 2)
    let report = try object(result.output)
    #expect(report["exit_status"] as? Int == 2)
    #expect((report["error"] as? String)?.hasPrefix("\(missing) is not a directory: ") == true)
    #expect((report["problems"] as? [Any])?.isEmpty == true)
  }

  @Test func kpisCarryPerformanceDataAndKpiSelects() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    try writeOrganisation()
    // One open P1 reaches warn 1 (lower is better): WARNING, exit 1.
    let one = try run(["check", "--kpi", "Open P1 incidents", "--now", now, root.path])
    #expect(one.status == 1)
    #expect(
      one.output == """
        KPI WARNING - 1 warn | 'Open P1 incidents'=1;1;3;;
        WARNING: Open P1 incidents = 1 (lower is better, target 0, warn 1, crit 3)

        """)
    let all = try run(["check", "--kpis", "--now", now, root.path])
    let first = all.output.prefix { $0 != "\n" }
    #expect(first.contains(" | 'Systems meeting SLA'="))
    #expect(first.contains(" 'Open P1 incidents'=1;1;3;; "))
    let unknown = try run(["check", "--kpi", "Uptime", "--kpi", "Open P1 incidents", root.path])
    #expect(unknown.status == 3)
    #expect(unknown.output.hasPrefix("KPI UNKNOWN - no KPI named \"Uptime\"; the KPIs are \"Systems meeting SLA\", "))
    // A wrong path: no KPI can be known, said where a monitoring system looks.
    let nowhere = try run(["check", "--kpis", root.appendingPathComponent("nowhere").path])
    #expect(nowhere.status == 3)
    #expect(nowhere.output.hasPrefix("KPI UNKNOWN - imtop check: "))
    #expect(nowhere.output.contains("nowhere is not a directory"))
    // --format json is the file check's: with --kpis it is a usage error.
    #expect(try run(["check", "--kpis", "--format", "json", root.path]).status == 64)
  }

  @Test func aSizeBelowTheMinimumExitsTwoNamingIt() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    try writeOrganisation()
    let small = try runMerged(["snapshot", "--size", "59x40", "--now", now, root.path])
    #expect(small.status == 2)
    #expect(small.output.contains("below the minimum of 60x16"))
    #expect(!small.output.contains("Enlarge"))
    #expect(try run(["snapshot", "--size", "80x15", "--now", now, root.path]).status == 2)
    let smallest = try run(["snapshot", "--size", "60x16", "--now", now, root.path])
    #expect(smallest.status == 0)
    #expect(smallest.output.split(separator: "\n").count == 16)
    // The size only matters to a page: JSON ignores it.
    #expect(try run(["snapshot", "--format", "json", "--size", "10x5", "--now", now, root.path]).status == 0)
  }
}
