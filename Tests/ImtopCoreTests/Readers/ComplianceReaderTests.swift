import Testing

@testable import ImtopCore

@Suite struct ComplianceReaderTests {
  private let header = "id,kind,system,owner,severity,opened,due,closed\n"

  private func read(_ text: String, zone: Zone = .utc) -> FileReading<ComplianceItem> {
    ComplianceReader.read(Array(text.utf8), path: "compliance.csv", context: ReadContext(zone: zone))
  }

  @Test func dateOnlyDueIsADateAndFullTimeAnInstant() throws {
    let reading = read(header + """
      AF-1,Audit finding,erp,Finance team,High,2026-01-15,2026-06-30,
      TR-2,training,,Service desk,low,2026-03-01,2026-05-31T17:00:00+02:00,2026-05-30T12:00:00Z

      """)
    #expect(reading.issues.isEmpty)
    #expect(reading.records.count == 2)
    let finding = try #require(reading.records.first)
    #expect(finding.kind == .auditFinding)
    #expect(finding.severity == .high)
    #expect(finding.due == .date(LocalDate(year: 2026, month: 6, day: 30)))
    #expect(finding.opened == utc(2026, 1, 15))
    let training = reading.records[1]
    #expect(training.system == nil)
    // 17:00 at +02:00 is 15:00 UTC.
    #expect(training.due == .instant(utc(2026, 5, 31, 15, 0)))
    #expect(training.closed == utc(2026, 5, 30, 12, 0))
  }

  @Test func dueOnTheDayItOpensIsFine() {
    // A date-only due lasts all day, so an item opened at noon and due that day is not "before opened".
    let reading = read(header + "X,training,,,low,2026-03-01T12:00:00Z,2026-03-01,\n")
    #expect(reading.issues.isEmpty)
  }

  @Test(arguments: [
    ("X,training,,,low,2026-05-10,2026-05-01,", "due \"2026-05-01\" is before opened \"2026-05-10\""),
    ("X,training,,,low,2026-05-10T12:00:00Z,2026-05-10T11:00:00Z,", "due \"2026-05-10T11:00:00Z\" is before opened \"2026-05-10T12:00:00Z\""),
    ("X,training,,,low,2026-05-10,2026-06-01,2026-05-09", "closed \"2026-05-09\" is before opened \"2026-05-10\""),
    ("X,audit,,,urgent,2026-05-10,2026-06-01,", "unknown severity \"urgent\": expected low, medium, high, critical"),
    ("X,chores,,,low,2026-05-10,2026-06-01,", "unknown kind \"chores\": expected audit-finding, access-review, training, retention, policy-exception"),
    ("X,training,,,low,2026-05-10,,", "missing due: expected a date (YYYY-MM-DD) or a time (\(TimestampParser.expected))"),
    ("X,training,,,,2026-05-10,2026-06-01,", "missing severity: expected low, medium, high, critical"),
    ("X,training,,,low,2026-05-10,soon,", "due \"soon\" is not a time: expected \(TimestampParser.expected)"),
  ])
  func badRowIsReportedAndSkipped(row: String, message: String) {
    let reading = read(header + row + "\n")
    #expect(reading.records.isEmpty)
    #expect(reading.issues == [DataIssue(file: "compliance.csv", line: 2, message: message)])
  }
}
