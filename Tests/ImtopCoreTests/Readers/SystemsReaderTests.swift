import Testing

@testable import ImtopCore

@Suite struct SystemsReaderTests {
  private func read(_ text: String) -> FileReading<SystemRecord> {
    SystemsReader.read(Array(text.utf8), path: "systems.csv", context: ReadContext())
  }

  private let header = "id,name,category,kind,sourcing,vendor,owner,criticality,lifecycle,users,sla,end_of_support,depends_on\n"

  @Test func readsEveryColumn() throws {
    let reading = read(header + "erp,ERP suite,ERP,,Purchased,Vendor,Finance team,1,Active,\"1,250\",99.9%,2030-12-31,db; wan ;\n")
    let system = try #require(reading.records.first)
    #expect(reading.issues.isEmpty)
    #expect(system == SystemRecord(
      id: "erp", name: "ERP suite", category: "ERP", kind: .software, sourcing: .purchased, vendor: "Vendor",
      owner: "Finance team", criticality: 1, lifecycle: .active, users: 1250, sla: 99.9,
      endOfSupport: LocalDate(year: 2030, month: 12, day: 31), dependsOn: ["db", "wan"],
      location: SourceLocation(file: "systems.csv", line: 2)))
  }

  @Test func optionalColumnsMayBeEmptyOrAbsent() throws {
    let reading = read("id\nerp\n")
    let system = try #require(reading.records.first)
    #expect(system.kind == .software)
    #expect(system.criticality == nil && system.sla == nil && system.users == nil && system.dependsOn.isEmpty)
  }

  /// Each bad row with its exact message; the good row between them is still read.
  @Test(arguments: [
    (",ERP,,,,,,,,,,,", "missing id: expected a unique system id"),
    ("x,,,,,,,5,,,,,", "criticality \"5\" is out of range: expected 1 (most critical) to 4"),
    ("x,,,,,,,high,,,,,", "criticality \"high\" is not a number: expected 1 (most critical) to 4"),
    ("x,,,,,,,1.5,,,,,", "criticality \"1.5\" is not a whole number: expected 1 (most critical) to 4"),
    ("x,,,,,,,,,-3,,,", "users \"-3\" is out of range: expected a whole number of active users, 0 or more"),
    ("x,,,,,,,,,,101%,,", "sla \"101%\" is out of range: expected a percentage from 0 to 100 such as 99.9 or 99.9%"),
    ("x,,,,,,,,,,high,,", "sla \"high\" is not a number: expected a percentage from 0 to 100 such as 99.9 or 99.9%"),
    ("x,,,,,,,,,,,31/12/2030,", "end_of_support \"31/12/2030\" is not a date: expected YYYY-MM-DD"),
    ("x,,,,,,,,,,,2030-02-30,", "end_of_support \"2030-02-30\" is not a date: expected YYYY-MM-DD"),
    ("x,,,gadget,,,,,,,,,", "unknown kind \"gadget\": expected software, hardware, service"),
    ("x,,,,stolen,,,,,,,,", "unknown sourcing \"stolen\": expected purchased, proprietary, saas, open-source"),
    ("x,,,,,,,,zombie,,,,", "unknown lifecycle \"zombie\": expected plan, phase-in, active, phase-out, retired"),
  ])
  func badRowIsReportedAndSkipped(row: String, message: String) {
    let reading = read(header + "ok,Fine\n" + row + "\n")
    #expect(reading.records.map(\.id) == ["ok"])
    #expect(reading.issues == [DataIssue(file: "systems.csv", line: 3, message: message)])
    #expect(reading.rejected == 1)
  }

  @Test func duplicateIdKeepsTheFirst() {
    let reading = read("id,name\nerp,First\ncrm,CRM\nerp,Second\n")
    #expect(reading.records.map(\.name) == ["First", "CRM"])
    #expect(reading.issues == [DataIssue(file: "systems.csv", line: 4, message: "duplicate system id \"erp\" (first defined on line 2)")])
  }

  @Test func fileWithoutIdColumnIsRejected() {
    let reading = read("name\nERP\n")
    #expect(reading.records.isEmpty)
    #expect(reading.failure == "no \"id\" column: the header must name id (found: name)")
    #expect(reading.issues.first?.line == 1)
  }
}
