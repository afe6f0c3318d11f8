import ImtopCore
import Testing

@testable import ImtopUI

/// The Governance & risk page: its cursor, Enter on a row, and what each panel lists first.
@Suite struct GovernancePageTests {
  private func rows() -> [(panel: GovernanceRows.Panel, row: GovernanceRows.Row)] {
    let state = Fixtures.state(page: .compliance)
    return GovernanceRows(snapshot: Fixtures.snapshot(), format: state.format, glyphs: state.glyphs).all
  }

  @Test func rowsComeWorstFirstPanelByPanel() {
    let rows = rows()
    // Obligations by due date, the earliest (most overdue) first.
    #expect(rows.filter { $0.panel == .obligations }.map { $0.row.cells[0].text } == [
      "overdue 28d", "overdue 8d", "overdue 1d", "due in 17d",
    ])
    // Courses with people overdue first, the least complete first.
    #expect(rows.filter { $0.panel == .training }.map { $0.row.cells[0].text } == [
      "Data protection", "Security awareness", "Privileged access", "Records handling",
    ])
    // Privileged overdue roles first, the never reviewed before the others.
    #expect(rows.filter { $0.panel == .access }.map { $0.row.system } == ["erp", "hr", "crm"])
    // A series on legal hold is listed, and marked.
    #expect(rows.filter { $0.panel == .retention }.map { $0.row.cells[3].text } == ["legal hold", ""])
    // Exposed systems first.
    #expect(rows.filter { $0.panel == .sensitive }.prefix(4).map { $0.row.system } == ["erp", "crm", "hr", "laptops"])
  }

  @Test func enterOpensTheSystemOfTheRowUnderTheCursor() {
    var state = Fixtures.state(page: .compliance)
    _ = state.update(.input(.key(.enter)))
    // The first obligation names erp.
    #expect(state.detailSystemID == "erp")
    _ = state.update(.input(.key(.escape)))
    #expect(state.detailSystemID == nil)
  }

  @Test func aRowWithoutASystemOpensNothing() {
    var state = Fixtures.state(page: .compliance)
    // The fourth obligation (TR-21) names no system.
    for _ in 0..<3 { _ = state.update(.input(.key(.down))) }
    _ = state.update(.input(.key(.enter)))
    #expect(state.detailSystemID == nil)
    #expect(state.page == .compliance)
  }

  @Test func theDetailShowsTheSystemsGovernance() {
    var state = Fixtures.state(page: .compliance, width: 160, height: 48)
    _ = state.update(.input(.key(.enter)))
    let lines = (0..<48).map { state.view().line($0) }
    #expect(lines.contains { $0.contains("Data class") && $0.contains("confidential") })
    #expect(lines.contains { $0.contains("Administrator (privileged)") && $0.contains("never reviewed") })
    #expect(lines.contains { $0.contains("Supplier invoices (10y)") })
    #expect(lines.contains { $0.contains("legal hold") })
  }

  @Test func governanceAndComplianceNameTheSamePage() {
    #expect(PageName(parsing: "governance") == .compliance)
    #expect(PageName(parsing: "Compliance") == .compliance)
    #expect(PageName.compliance.title == "Governance & risk")
  }
}
