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

      No problems in 8 files.

      """)
  }

  @Test func problemsExitOneAndAreListed() throws {
    let report = try check("org-broken")
    #expect(report.exitStatus == 1)
    let lines = report.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.contains("systems.csv        6 records read, 1 rejected"))
    #expect(lines.contains("imtop.toml         read, 1 setting rejected"))
    #expect(lines.contains("budget.csv:7: error: period \"2026-13\" is not YYYY-MM"))
    #expect(lines.contains("status/core.jsonl:3: warning: unknown system \"crm2\": not in systems.csv"))
    #expect(lines.suffix(2) == ["7 errors and 1 warning in 8 files.", ""])
  }

  /// Warnings lose nothing: alone they leave the exit status at 0.
  @Test func warningsAloneExitZero() throws {
    let url = try ReaderTestSupport.temporaryDirectory([
      "systems.csv": "id,name\nerp,ERP\n",
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
      "systems.csv": "id\nerp\n",
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
      status.jsonl: not present (optional)
      metrics.jsonl: not present (optional)

      systems.csv: error: is a directory or device: expected a CSV file

      1 error in 1 file.

      """)
  }
}
