import Testing

@testable import ImtopCore

@Suite struct CSVHeaderTests {
  @Test func namesMatchIgnoringCaseSpacesAndDashes() {
    let header = CSVHeader([" End of Support ", "Depends-On", "ID", "id"])
    #expect(header.names == ["End of Support", "Depends-On", "ID", "id"])
    #expect(header.index(of: "end_of_support") == 0)
    #expect(header.index(of: "depends_on") == 1)
    // The first of two columns with the same name wins; the second is kept as an extra.
    #expect(header.index(of: "id") == 2)
    let row = CSVRow(header: header, fields: ["", "", "erp", "again"], location: SourceLocation(file: "s.csv", line: 2))
    #expect(row.extras(known: SystemsReader.columns) == [ExtraField(name: "id", value: "again")])
  }

  @Test func blankColumnsAreDroppedAndUnnamedValuesNamedByPosition() {
    let header = CSVHeader(["id", "", ""])
    let row = CSVRow(header: header, fields: ["erp", "", "note"], location: SourceLocation(file: "s.csv", line: 2))
    #expect(row.extras(known: ["id"]) == [ExtraField(name: "column 3", value: "note")])
  }
}
