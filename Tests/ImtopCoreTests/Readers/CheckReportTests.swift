import Foundation
import Testing

@testable import ImtopCore
import ImtopTestSupport

@Suite struct CheckReportTests {
  /// The fixtures' samples are from 4 May 2026, 08:00 to 10:01 UTC.
  static let now = utc(2026, 5, 4, 10, 5)

  private func check(_ name: String) throws -> CheckReport {
    let url = try #require(ReaderTestSupport.fixture(name))
    return CheckReport.check(directory: url.path, shownPath: name) { _ in CheckReportTests.now }
  }

  @Test func cleanDirectoryExitsZeroWithCounts() throws {
    let report = try check("org")
    #expect(report.exitStatus == 0)
    // Paths padded to the longest, status/edge.jsonl (17 characters), plus two spaces.
    #expect(report.text == """
      budget.csv         5 records read, 0 rejected
      compliance.csv     3 records read, 0 rejected
      imtop.toml         read
      incidents.csv      3 records read, 0 rejected
      metrics.jsonl      2 records read, 0 rejected
      status/core.jsonl  2 records read, 0 rejected
      status/edge.jsonl  3 records read, 0 rejected
      systems.csv        6 records read, 0 rejected
      training.csv: not present (optional)
      access.csv: not present (optional)
      retention.csv: not present (optional)

      systems.csv:8: warning: 1 system has no sla: laptops

      1 warning in 8 files.

      """)
  }

  @Test func problemsExitOneAndAreListed() throws {
    let report = try check("org-broken")
    #expect(report.exitStatus == 1)
    let lines = report.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.contains("systems.csv        6 records read, 1 rejected"))
    #expect(lines.contains("imtop.toml         read"))
    #expect(lines.contains { $0.hasPrefix("imtop.toml:6: warning: organization.timezone: no zone \"Europe/Berln\"") })
    #expect(lines.contains("budget.csv:7: error: period \"2026-13\" is not YYYY-MM"))
    #expect(lines.contains("status/core.jsonl:3: warning: unknown system \"crm2\": not in systems.csv"))
    #expect(lines.suffix(2) == ["6 errors and 3 warnings in 8 files.", ""])
  }

  /// Warnings lose nothing: alone they leave the exit status at 0.
  @Test func warningsAloneExitZero() throws {
    let url = try ReaderTestSupport.temporaryDirectory([
      "systems.csv": "id,name,owner,criticality,lifecycle,sla\nerp,ERP,Finance IT,1,active,99.5\n",
      "status.jsonl": "{\"ts\":\"2026-05-04T08:00:00Z\",\"system\":\"fax\",\"state\":\"up\"}\n",
      "imtop.toml": "[organization]\ncolour = \"blue\"\n",
    ])
    defer { try? FileManager.default.removeItem(at: url) }
    let report = CheckReport.check(directory: url.path, shownPath: "data") { _ in CheckReportTests.now }
    #expect(report.exitStatus == 0, "\(report.text)")
    #expect(report.text.contains("status.jsonl:1: warning: unknown system \"fax\": not in systems.csv"), "\(report.text)")
    #expect(report.text.contains("imtop.toml:2: warning: unknown key"), "\(report.text)")
    #expect(report.text.hasSuffix("2 warnings in 3 files.\n"), "\(report.text)")
  }

  /// An actual booked for a month that has not closed at `--now` is named, once per line, as a warning.
  @Test func actualsBookedAheadAreWarningsAtNow() throws {
    let url = try ReaderTestSupport.temporaryDirectory([
      "systems.csv": "id,owner,criticality,lifecycle,sla\nerp,Finance IT,1,active,99.5\n",
      "budget.csv": "period,system,type,planned,actual\n2026-11,erp,opex,100,90\n2026-12,erp,opex,100,40\n",
    ])
    defer { try? FileManager.default.removeItem(at: url) }
    let december = CheckReport.check(directory: url.path, shownPath: "data") { _ in utc(2026, 12, 1, 0, 20) }
    #expect(december.exitStatus == 0)
    #expect(december.text.contains("budget.csv:3: warning: actual booked for 2026-12, a month that has not closed\n"))
    #expect(!december.text.contains("budget.csv:2:"))
    // On 30 November, November has not closed either.
    let november = CheckReport.check(directory: url.path, shownPath: "data") { _ in utc(2026, 11, 30, 12) }
    #expect(november.text.contains("budget.csv:2: warning: actual booked for 2026-11, a month that has not closed\n"))
    #expect(november.text.hasSuffix("2 warnings in 2 files.\n"), "\(november.text)")
  }

  @Test func missingDirectoryExitsTwo() throws {
    let report = CheckReport.check(directory: "/nonexistent-imtop-data", shownPath: "nowhere") { _ in CheckReportTests.now }
    #expect(report.exitStatus == 2)
    #expect(report.text == "imtop check: nowhere is not a directory: \(CheckReport.directoryContract)\n")
  }

  @Test func directoryWithoutSystemsExitsTwo() throws {
    let url = try ReaderTestSupport.temporaryDirectory(["budget.csv": "period,type,planned\n2026-04,opex,1\n"])
    defer { try? FileManager.default.removeItem(at: url) }
    let report = CheckReport.check(directory: url.path, shownPath: "data") { _ in CheckReportTests.now }
    #expect(report.exitStatus == 2)
    #expect(report.text.hasPrefix("imtop check: data holds no systems.csv: a data directory must hold at least systems.csv"))
  }

  @Test func missingOptionalKindsAreNamedAndFailuresShown() throws {
    let url = try ReaderTestSupport.temporaryDirectory(["systems.csv/placeholder": ""])
    defer { try? FileManager.default.removeItem(at: url) }
    let report = CheckReport.check(directory: url.path, shownPath: "data") { _ in CheckReportTests.now }
    #expect(report.exitStatus == 1)
    #expect(report.text == """
      systems.csv  not read: is a directory or device: expected a CSV file
      imtop.toml: not present (optional)
      budget.csv: not present (optional)
      incidents.csv: not present (optional)
      compliance.csv: not present (optional)
      training.csv: not present (optional)
      access.csv: not present (optional)
      retention.csv: not present (optional)
      status.jsonl: not present (optional)
      metrics.jsonl: not present (optional)

      systems.csv: error: is a directory or device: expected a CSV file

      1 error in 1 file.

      """)
  }
}

/// Problems `imtop check` used to keep quiet about.
@Suite struct CheckWarningTests {
  @Test func aDependencyCycleIsAWarningOnceAtItsFirstSystem() throws {
    let url = try ReaderTestSupport.temporaryDirectory([
      "systems.csv": "id,depends_on\nerp,db\ndb,erp\nwiki,wiki\ncrm,erp\n"
    ])
    defer { try? FileManager.default.removeItem(at: url) }
    let report = CheckReport.check(directory: url.path, shownPath: "data") { _ in utc(2026, 5, 4) }
    #expect(report.exitStatus == 0)
    let lines = report.text.split(separator: "\n").filter { $0.contains("dependency cycle") }
    #expect(lines == [
      "systems.csv:2: warning: dependency cycle erp → db → erp: impact is not followed around it",
      "systems.csv:4: warning: dependency cycle wiki → wiki: impact is not followed around it",
    ])
  }

  /// A value no latency or metric plausibly reaches (a C "unknown" such as UINT64_MAX) is kept, and
  /// named so that its writer can be fixed.
  @Test func implausiblyLargeValuesAreWarningsAtTheirLine() throws {
    let url = try ReaderTestSupport.temporaryDirectory([
      "systems.csv": "id\nerp\n",
      "status.jsonl": "{\"ts\":\"2026-05-04T08:00:00Z\",\"system\":\"erp\",\"state\":\"up\",\"latency_ms\":120}\n"
        + "{\"ts\":\"2026-05-04T08:01:00Z\",\"system\":\"erp\",\"state\":\"up\",\"latency_ms\":18446744073709551615}\n",
      "metrics.jsonl": "{\"ts\":\"2026-05-04T08:00:00Z\",\"metric\":\"backlog\",\"value\":-2e15}\n",
    ])
    defer { try? FileManager.default.removeItem(at: url) }
    let report = CheckReport.check(directory: url.path, shownPath: "data") { _ in utc(2026, 5, 4, 9) }
    #expect(report.exitStatus == 0, "\(report.text)")
    #expect(report.text.contains("status.jsonl   2 records read, 0 rejected"), "\(report.text)")
    #expect(report.text.contains(
      "status.jsonl:2: warning: \"latency_ms\" 1.84467e+19 is implausibly large (1e15 or more): kept, but check what writes it"),
      "\(report.text)")
    #expect(report.text.contains(
      "metrics.jsonl:1: warning: \"value\" -2e+15 is implausibly large (1e15 or more): kept, but check what writes it"),
      "\(report.text)")
  }

  /// A folder of a kind that cannot be listed hides every file in it: that is an error, not silence.
  @Test func aFolderThatCannotBeListedIsAnError() throws {
    let url = try ReaderTestSupport.temporaryDirectory(["systems.csv": "id\nerp\n"])
    defer { try? FileManager.default.removeItem(at: url) }
    try FileManager.default.createSymbolicLink(atPath: url.path + "/status", withDestinationPath: url.path + "/status")
    let report = CheckReport.check(directory: url.path, shownPath: "data") { _ in utc(2026, 5, 4) }
    #expect(report.exitStatus == 1)
    #expect(report.text.contains(
      "status/: error: cannot be listed: Too many levels of symbolic links: expected a folder of .jsonl files\n"), "\(report.text)")
  }

  /// Samples more than `stale_after` ahead are named once per file and system, with their count and
  /// the line of the first; incident and compliance dates after now once each.
  @Test func samplesAndDatesInTheFutureAreWarnings() throws {
    let url = try ReaderTestSupport.temporaryDirectory([
      "systems.csv": "id,owner,criticality,lifecycle,sla\nerp,Finance IT,1,active,99.5\ncrm,Sales,2,active,99\n",
      "status.jsonl": "{\"ts\":\"2026-05-04T08:00:00Z\",\"system\":\"erp\",\"state\":\"up\"}\n"
        + "{\"ts\":\"2026-05-04T08:05:00Z\",\"system\":\"crm\",\"state\":\"up\"}\n"
        + "{\"ts\":\"2026-05-04T10:00:00Z\",\"system\":\"erp\",\"state\":\"down\"}\n"
        + "{\"ts\":\"2026-05-04T11:00:00Z\",\"system\":\"erp\",\"state\":\"up\"}\n",
      "incidents.csv": "id,system,priority,opened,resolved\nI-1,erp,P2,2026-05-04T07:00:00Z,2026-05-05T07:00:00Z\n",
    ])
    defer { try? FileManager.default.removeItem(at: url) }
    // At 08:10, crm's sample five minutes ago is fine; erp's two samples after 08:20 are not.
    let report = CheckReport.check(directory: url.path, shownPath: "data") { _ in utc(2026, 5, 4, 8, 10) }
    #expect(report.exitStatus == 0)
    let warnings = report.text.split(separator: "\n").filter { $0.contains(": warning: ") }
    #expect(warnings == [
      "incidents.csv:2: warning: resolved 2026-05-05T07:00:00Z is in the future: expected a time at or before now",
      "status.jsonl:3: warning: 2 samples for erp stamped after now, the latest at 2026-05-04T11:00:00Z: held until their time (is a clock ahead?)",
    ])
  }
}
