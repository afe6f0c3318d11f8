import Foundation
import ImtopTestSupport
import Testing

@testable import ImtopCore

/// Data quality that can be acted on: which systems lack which of the fields the figure asks for,
/// from the same rule as the figure, in the snapshot, its JSON and markdown, and `imtop check`.
@Suite struct DataQualityTests {
  static let now = utc(2026, 5, 4, 10, 5)

  /// Five systems: erp complete; crm without owner and sla; hr with an owner of spaces (none) and
  /// no criticality; wan without owner; lab without lifecycle.
  static let systemsCSV = """
    id,name,owner,criticality,lifecycle,sla
    erp,ERP,Finance IT,1,active,99.9
    crm,CRM,,2,active,
    hr,HR,   ,,active,99.5
    wan,WAN,,1,active,99.9
    lab,Lab,Research,4,,95

    """

  static func records() -> [SystemRecord] {
    func record(_ id: String, owner: String, criticality: Int?, lifecycle: Lifecycle?, sla: Double?, line: Int) -> SystemRecord {
      SystemRecord(id: id, owner: owner, criticality: criticality, lifecycle: lifecycle, sla: sla,
                   location: SourceLocation(file: "systems.csv", line: line))
    }
    return [
      record("erp", owner: "Finance IT", criticality: 1, lifecycle: .active, sla: 99.9, line: 2),
      record("crm", owner: "", criticality: 2, lifecycle: .active, sla: nil, line: 3),
      record("hr", owner: "   ", criticality: nil, lifecycle: .active, sla: 99.5, line: 4),
      record("wan", owner: "", criticality: 1, lifecycle: .active, sla: 99.9, line: 5),
      record("lab", owner: "Research", criticality: 4, lifecycle: nil, sla: 95, line: 6),
    ]
  }

  static func snapshot() -> Snapshot {
    MetricEngine(trendPoints: 0).snapshot(of: TestOrganisation(systems: records()).engineInput(at: now), at: now)
  }

  @Test func eachFieldListsTheSystemsLackingItInInventoryOrder() {
    let portfolio = Self.snapshot().portfolio
    #expect(portfolio.lacking == [.owner: ["crm", "hr", "wan"], .criticality: ["hr"], .lifecycle: ["lab"], .sla: ["crm"]])
    // The figure from the same rule: only erp is complete, 1 of 5.
    #expect(portfolio.dataQualityPct == 20)
    #expect(portfolio.incompleteCount == 4)
    #expect(Self.records()[1].missingQualityFields == [.owner, .sla])
    #expect(Self.records()[0].missingQualityFields == [])
  }

  @Test func theJSONListsThemPerFieldAndPerSystem() throws {
    let data = Data(SnapshotJSON().encode(Self.snapshot()).utf8)
    let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let portfolio = try #require(root["portfolio"] as? [String: Any])
    let missing = try #require(portfolio["data_quality_missing"] as? [String: [String]])
    #expect(missing == ["owner": ["crm", "hr", "wan"], "criticality": ["hr"], "lifecycle": ["lab"], "sla": ["crm"]])
    let systems = try #require(root["systems"] as? [[String: Any]])
    let fields = systems.map { ($0["id"] as? String ?? "", $0["missing_fields"] as? [String] ?? ["?"]) }
    #expect(fields.map(\.0) == ["erp", "crm", "hr", "wan", "lab"])
    #expect(fields.map(\.1) == [[], ["owner", "sla"], ["owner", "criticality"], ["owner"], ["lifecycle"]])
  }

  @Test func theMarkdownReportHasARowPerField() throws {
    let report = SnapshotMarkdown().render(Self.snapshot())
    let lines = report.components(separatedBy: "\n")
    let header = try #require(lines.firstIndex(of: "| Missing field | Systems | Which |"))
    #expect(lines[header + 1] == "|---|---:|---|")
    let rows = lines[(header + 2)...].prefix { $0.hasPrefix("|") }.map { line in
      line.dropFirst(2).dropLast(2).components(separatedBy: " | ")
    }
    #expect(rows == [
      ["owner", "3", "crm, hr, wan"], ["criticality", "1", "hr"], ["lifecycle", "1", "lab"], ["sla", "1", "crm"],
    ])
  }

  @Test func checkWarnsOncePerFieldAtTheFirstSuchSystemsLine() throws {
    let url = try ReaderTestSupport.temporaryDirectory(["systems.csv": Self.systemsCSV])
    defer { try? FileManager.default.removeItem(at: url) }
    let report = CheckReport.check(directory: url.path, shownPath: "data") { _ in Self.now }
    #expect(report.exitStatus == 0, "\(report.text)")
    let warnings = report.text.components(separatedBy: "\n").filter { $0.contains(": warning: ") }
    #expect(warnings == [
      "systems.csv:3: warning: 3 systems have no owner: crm, hr, wan",
      "systems.csv:3: warning: 1 system has no sla: crm",
      "systems.csv:4: warning: 1 system has no criticality: hr",
      "systems.csv:6: warning: 1 system has no lifecycle: lab",
    ])
  }

  @Test func aLongListNamesTenAndCountsTheRest() {
    let records = (1...25).map { SystemRecord(id: "s\($0)", criticality: 1, lifecycle: .active, sla: 99,
                                              location: SourceLocation(file: "systems.csv", line: $0 + 1)) }
    let issues = QualityField.issues(in: records)
    #expect(issues.map(\.description) == [
      // Ids in sorted order, as strings.
      "systems.csv:2: 25 systems have no owner: s1, s10, s11, s12, s13, s14, s15, s16, s17, s18 and 15 more",
    ])
    #expect(issues.allSatisfy { $0.severity == .warning })
    #expect(QualityField.issues(in: Array(records.prefix(0))).isEmpty)
  }
}
