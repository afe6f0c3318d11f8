import Foundation
import Testing

@testable import ImtopCore

@Suite struct CheckReportTests {
  private func fixture(_ name: String) throws -> URL {
    try #require(ReaderTestSupport.fixture(name))
  }

  @Test func cleanDirectoryExitsZeroWithCounts() throws {
    let report = CheckReport.check(directory: try fixture("org"), shownPath: "org")
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
    let report = CheckReport.check(directory: try fixture("org-broken"), shownPath: "org-broken")
    #expect(report.exitStatus == 1)
    let lines = report.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.contains("systems.csv        6 records read, 1 rejected"))
    #expect(lines.contains("imtop.toml         read, 1 setting rejected"))
    #expect(lines.contains("budget.csv:7: period \"2026-13\" is not YYYY-MM"))
    #expect(lines.contains("status/core.jsonl:3: unknown system \"crm2\": not in systems.csv"))
    #expect(lines.suffix(2) == ["8 problems in 8 files.", ""])
  }

  @Test func missingDirectoryExitsTwo() throws {
    let report = CheckReport.check(directory: URL(fileURLWithPath: "/nonexistent-imtop-data"), shownPath: "nowhere")
    #expect(report.exitStatus == 2)
    #expect(report.text == "imtop check: nowhere is not a directory: \(CheckReport.directoryContract)\n")
  }

  @Test func directoryWithoutSystemsExitsTwo() throws {
    let url = try ReaderTestSupport.temporaryDirectory(["budget.csv": "period,type,planned\n2026-04,opex,1\n"])
    defer { try? FileManager.default.removeItem(at: url) }
    let report = CheckReport.check(directory: url, shownPath: "data")
    #expect(report.exitStatus == 2)
    #expect(report.text.hasPrefix("imtop check: data holds no systems.csv: a data directory must hold at least systems.csv"))
  }

  @Test func missingOptionalKindsAreNamedAndFailuresShown() {
    let data = DataSet(
      files: [FileReport(path: "systems.csv", kind: .systems, failure: "cannot read: permission denied")],
      issues: [DataIssue(file: "systems.csv", line: nil, message: "cannot read: permission denied")])
    let report = CheckReport(dataSet: data)
    #expect(report.exitStatus == 1)
    #expect(report.text == """
      systems.csv  not read: cannot read: permission denied
      imtop.toml: not present (optional)
      budget.csv: not present (optional)
      incidents.csv: not present (optional)
      compliance.csv: not present (optional)
      status.jsonl: not present (optional)
      metrics.jsonl: not present (optional)

      systems.csv: cannot read: permission denied

      1 problem in 1 file.

      """)
  }
}
