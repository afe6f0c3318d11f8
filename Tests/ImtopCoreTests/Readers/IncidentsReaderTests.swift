import Testing

@testable import ImtopCore

@Suite struct IncidentsReaderTests {
  private let header = "id,system,priority,opened,acknowledged,resolved,summary\n"

  private func read(_ text: String, zone: Zone = .utc) -> FileReading<Incident> {
    IncidentsReader.read(Array(text.utf8), path: "incidents.csv", context: ReadContext(zone: zone))
  }

  @Test func readsAnIncidentInTheConfiguredZone() throws {
    let berlin = try #require(Zone(identifier: "Europe/Berlin"))
    let reading = read(header + "INC-1,erp,p1,2026-05-02 08:00,2026-05-02T06:05:00Z,,\"Posting run failed, rerun\"\n", zone: berlin)
    let incident = try #require(reading.records.first)
    // 08:00 in Berlin in May (CEST, +02:00) is 06:00 UTC.
    #expect(incident.opened == utc(2026, 5, 2, 6, 0))
    #expect(incident.acknowledged == utc(2026, 5, 2, 6, 5))
    #expect(incident.resolved == nil)
    #expect(incident.priority == .p1)
    #expect(incident.summary == "Posting run failed, rerun")
  }

  @Test(arguments: [
    ("INC-2,,P1,2026-05-02T08:00:00Z,,,", "missing system: expected the id of a system in systems.csv"),
    (",erp,P1,2026-05-02T08:00:00Z,,,", "missing id: expected an incident id"),
    ("INC-2,erp,,2026-05-02T08:00:00Z,,,", "missing priority: expected P1, P2, P3 or P4"),
    ("INC-2,erp,P5,2026-05-02T08:00:00Z,,,", "unknown priority \"P5\": expected P1, P2, P3 or P4"),
    ("INC-2,erp,P1,,,,", "missing opened: expected \(TimestampParser.expected)"),
    ("INC-2,erp,P1,yesterday,,,", "opened \"yesterday\" is not a time: expected \(TimestampParser.expected)"),
    ("INC-2,erp,P1,2026-05-02T08:00:00Z,,2026-05-02T07:59:00Z,", "resolved \"2026-05-02T07:59:00Z\" is before opened \"2026-05-02T08:00:00Z\""),
    ("INC-2,erp,P1,2026-05-02T08:00:00Z,2026-05-01,,", "acknowledged \"2026-05-01\" is before opened \"2026-05-02T08:00:00Z\""),
  ])
  func badRowIsReportedAndSkipped(row: String, message: String) {
    let reading = read(header + row + "\nINC-3,erp,P4,2026-05-02T08:00:00Z,,,\n")
    #expect(reading.records.map(\.id) == ["INC-3"])
    #expect(reading.issues == [DataIssue(file: "incidents.csv", line: 2, message: message)])
  }

  @Test func missingRequiredColumnsRejectTheFile() {
    let reading = read("id,system\nINC-1,erp\n")
    #expect(reading.failure == "no \"priority\", \"opened\" columns: the header must name id, system, priority, opened (found: id, system)")
  }
}
