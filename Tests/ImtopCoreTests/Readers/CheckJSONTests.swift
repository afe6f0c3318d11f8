import Foundation
import Testing

@testable import ImtopCore
import ImtopTestSupport

/// `imtop check --format json`, parsed back: the snapshot's file fields, every problem with its
/// severity, the summary, and the object printed for exit status 2.
@Suite struct CheckJSONTests {
  static let now = CheckReportTests.now

  private func parsed(_ report: CheckReport) throws -> [String: Any] {
    let data = Data(report.json.text(pretty: true).utf8)
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  private func fixture(_ name: String) throws -> URL { try #require(ReaderTestSupport.fixture(name)) }

  @Test func cleanDirectoryHasTheSnapshotsFileFields() throws {
    let url = try fixture("org")
    let reading = DirectoryReading(directory: url.path, at: CheckJSONTests.now)
    let root = try parsed(CheckReport(reading))
    #expect(
      Set(root.keys) == ["schema_version", "as_of", "exit_status", "error", "summary", "files", "not_present", "problems"])
    #expect(root["schema_version"] as? Int == 1)
    #expect(root["as_of"] as? String == "2026-05-04T10:05:00Z")
    #expect(root["exit_status"] as? Int == 0)
    #expect(root["error"] is NSNull)
    #expect(root["summary"] as? [String: Int] == ["files": 8, "errors": 0, "warnings": 1])
    // The one warning: the laptops have no SLA (data quality).
    let problems = try #require(root["problems"] as? [[String: Any]])
    #expect(problems.map { $0["message"] as? String } == ["1 system has no sla: laptops"])
    #expect(problems.first?["line"] as? Int == 8)
    #expect(problems.first?["severity"] as? String == "warning")
    #expect(root["not_present"] as? [String] == ["training.csv", "access.csv", "retention.csv"])
    let files = try #require(root["files"] as? [[String: Any]])
    #expect(files.map { $0["path"] as? String } == [
      "budget.csv", "compliance.csv", "imtop.toml", "incidents.csv", "metrics.jsonl", "status/core.jsonl",
      "status/edge.jsonl", "systems.csv",
    ])
    #expect(files.first.map { Set($0.keys) } == ["path", "kind", "records", "errors", "modified", "age_seconds", "failure"])
    #expect(files.last?["kind"] as? String == "systems")
    #expect(files.last?["records"] as? Int == 6)
    // The very objects of the snapshot's `data.files` for the same reading.
    let snapshot = MetricEngine().snapshot(of: reading.input, at: reading.now)
    let snapshotData = try #require(
      try JSONSerialization.jsonObject(with: Data(SnapshotJSON().encode(snapshot).utf8)) as? [String: Any])
    let snapshotFiles = try #require((snapshotData["data"] as? [String: Any])?["files"] as? [Any])
    #expect(NSArray(array: snapshotFiles).isEqual(to: files))
  }

  @Test func problemsCarryTheirSeverityAndMatchTheText() throws {
    let url = try fixture("org-broken")
    let report = CheckReport.check(directory: url.path, shownPath: "org-broken") { _ in CheckJSONTests.now }
    let root = try parsed(report)
    #expect(root["exit_status"] as? Int == 1)
    #expect(root["summary"] as? [String: Int] == ["files": 8, "errors": 6, "warnings": 3])
    let problems = try #require(root["problems"] as? [[String: Any]])
    #expect(problems.count == 9)
    let budget = try #require(problems.first { $0["file"] as? String == "budget.csv" })
    #expect(budget["line"] as? Int == 7)
    #expect(budget["severity"] as? String == "error")
    #expect(budget["message"] as? String == "period \"2026-13\" is not YYYY-MM")
    let warnings = problems.filter { $0["severity"] as? String == "warning" }
    #expect(warnings.map { $0["file"] as? String } == ["imtop.toml", "status/core.jsonl", "systems.csv"])
    #expect(warnings.map { $0["line"] as? Int } == [6, 3, 8])
    // Each problem is a line of the text, in the same order.
    let textLines = report.text.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") || $0.contains(": warning: ") }
    let rebuilt = problems.map { problem -> String in
      let file = problem["file"] as? String ?? ""
      let place = (problem["line"] as? Int).map { "\(file):\($0)" } ?? file
      return "\(place): \(problem["severity"] as? String ?? ""): \(problem["message"] as? String ?? "")"
    }
    #expect(rebuilt == textLines)
  }

  @Test func absentKindsAndFileLevelFailures() throws {
    let url = try ReaderTestSupport.temporaryDirectory(["systems.csv/placeholder": ""])
    defer { try? FileManager.default.removeItem(at: url) }
    let root = try parsed(CheckReport.check(directory: url.path, shownPath: "data") { _ in CheckJSONTests.now })
    #expect(root["exit_status"] as? Int == 1)
    #expect(
      root["not_present"] as? [String] == [
        "imtop.toml", "budget.csv", "incidents.csv", "compliance.csv", "training.csv", "access.csv", "retention.csv",
        "status.jsonl", "metrics.jsonl",
      ])
    let problem = try #require((root["problems"] as? [[String: Any]])?.first)
    #expect(problem["line"] is NSNull)
    #expect(problem["file"] as? String == "systems.csv")
    #expect(problem["severity"] as? String == "error")
  }

  @Test func notADataDirectoryIsAnObjectSayingWhy() throws {
    let report = CheckReport.check(directory: "/nonexistent-imtop-data", shownPath: "nowhere") { _ in CheckJSONTests.now }
    #expect(report.exitStatus == 2)
    let root = try parsed(report)
    #expect(root["schema_version"] as? Int == 1)
    #expect(root["exit_status"] as? Int == 2)
    #expect(root["error"] as? String == "nowhere is not a directory: \(CheckReport.directoryContract)")
    #expect(root["as_of"] is NSNull)
    #expect(root["summary"] is NSNull)
    for key in ["files", "not_present", "problems"] { #expect((root[key] as? [Any])?.isEmpty == true, "\(key)") }
    let url = try ReaderTestSupport.temporaryDirectory(["budget.csv": "period,type,planned\n2026-04,opex,1\n"])
    defer { try? FileManager.default.removeItem(at: url) }
    let noSystems = try parsed(CheckReport.check(directory: url.path, shownPath: "data") { _ in CheckJSONTests.now })
    #expect((noSystems["error"] as? String)?.hasPrefix("data holds no systems.csv: ") == true)
  }
}
