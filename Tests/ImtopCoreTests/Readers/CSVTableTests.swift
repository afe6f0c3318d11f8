import Testing

@testable import ImtopCore

@Suite struct CSVTableTests {
  private func table(_ text: String, required: [String] = ["id"]) throws(CSVTable.Failure) -> CSVTable {
    try CSVTable.read(Array(text.utf8), path: "systems.csv", required: required)
  }

  @Test func headerMatchesCaseInsensitivelyTrimmedInAnyOrder() throws {
    let table = try table(" Name ,ID,End of Support\nERP suite,erp,2030-12-31\n")
    let row = try #require(table.rows.first)
    #expect(row["id"] == "erp")
    #expect(row["name"] == "ERP suite")
    #expect(row["end_of_support"] == "2030-12-31")
    #expect(row["vendor"] == "")
  }

  @Test func unknownColumnsAreKeptInFileOrder() throws {
    let table = try table("Cost Center,id,Region,name\nCC-1,erp,North,ERP\n")
    let row = try #require(table.rows.first)
    #expect(row.extras(known: SystemsReader.columns) == [
      ExtraField(name: "Cost Center", value: "CC-1"), ExtraField(name: "Region", value: "North"),
    ])
  }

  @Test func shortRowsGetEmptyTrailingFields() throws {
    let table = try table("id,name,owner\nerp\n")
    let row = try #require(table.rows.first)
    #expect(row.fields == ["erp", "", ""])
    #expect(table.issues.isEmpty)
  }

  @Test func longRowsAreAnError() throws {
    let table = try table("id,name\nerp,ERP\ncrm,Portal,extra,more\n")
    #expect(table.rows.count == 1)
    #expect(table.issues == [
      DataIssue(file: "systems.csv", line: 3, message: "4 fields, expected at most 2 (the header has 2 columns)")
    ])
  }

  @Test func malformedRowsBecomeIssuesAtTheirStartLine() throws {
    let table = try table("id,name\nerp,\"ERP\"x\ncrm,CRM\ndb,DB\n")
    #expect(table.rows.map(\.location.line) == [3, 4])
    #expect(table.issues == [
      DataIssue(
        file: "systems.csv", line: 2,
        message: "text \"x\" after the closing quote of field 2: expected a separator or the end of the line (a quote inside a quoted field is written \"\")")
    ])
  }

  @Test func missingRequiredColumnRejectsTheFile() {
    do {
      _ = try table("name,owner\nERP,Finance\n")
      Issue.record("a file without an id column was accepted")
    } catch {
      #expect(error.line == 1)
      #expect(error.message == "no \"id\" column: the header must name id (found: name, owner)")
    }
  }

  @Test func emptyFileIsRejected() {
    do {
      _ = try table("", required: ["id"])
      Issue.record("an empty file was accepted")
    } catch {
      #expect(error.message == "empty file: expected a header line naming the columns (id, ...)")
    }
  }
}
