import ImtopTestSupport
import Testing

@testable import ImtopCore

/// The readers of `training.csv`, `access.csv` and `retention.csv`, and the new columns of
/// `systems.csv`: messy values read, every bad row named with its line and what was expected.
@Suite struct GovernanceReaderTests {
  private func training(_ text: String) -> FileReading<TrainingRow> {
    TrainingReader.read(Array(text.utf8), path: "training.csv", context: ReadContext())
  }

  private func access(_ text: String) -> FileReading<AccessRole> {
    AccessReader.read(Array(text.utf8), path: "access.csv", context: ReadContext())
  }

  private func retention(_ text: String) -> FileReading<RetentionSeries> {
    RetentionReader.read(Array(text.utf8), path: "retention.csv", context: ReadContext())
  }

  @Test func trainingReadsMessyValues() throws {
    let reading = training("\u{FEFF}Course;Audience;Required;Completed;Due;System\r\n\"Security, awareness\";Finance;\"1 200\";1,000;2026-11-30;erp\r\n")
    #expect(reading.issues.isEmpty)
    let row = try #require(reading.records.first)
    #expect(row.course == "Security, awareness")
    #expect(row.required == 1200 && row.completed == 1000)
    #expect(row.due == .date(LocalDate(year: 2026, month: 11, day: 30)))
    #expect(row.system == "erp")
  }

  @Test(arguments: [
    ("X,5,6,2026-01-01", "completed 6 is more than required 5: expected at most 5"),
    ("X,-1,0,2026-01-01", "required \"-1\" is out of range: expected the number of people who must complete it, 0 or more"),
    ("X,5,-2,2026-01-01", "completed \"-2\" is out of range: expected the number of people who completed it, 0 or more"),
    (",5,2,2026-01-01", "missing course: expected the course's name"),
    ("X,,2,2026-01-01", "missing required: expected the number of people who must complete it, 0 or more"),
    ("X,5,2,", "missing due: expected a date (YYYY-MM-DD) or a time (\(TimestampParser.expected))"),
    ("X,5,2,2026-02-30", "due \"2026-02-30\" is not a time: expected \(TimestampParser.expected)"),
    ("X,five,2,2026-01-01", "required \"five\" is not a number: expected the number of people who must complete it, 0 or more"),
  ])
  func badTrainingRow(row: String, message: String) {
    let reading = training("course,required,completed,due\n" + row + "\n")
    #expect(reading.records.isEmpty)
    #expect(reading.issues == [DataIssue(file: "training.csv", line: 2, message: message)])
  }

  @Test func accessDefaultsAndForms() throws {
    let reading = access("""
      system,role,accounts,privileged,last_review,review_every
      erp,admin,3,Yes,,
      erp,user,,,2026-01-01T10:00:00Z,30d
      erp,audit,1,0,2026-01-01,45

      """)
    #expect(reading.issues.isEmpty)
    #expect(reading.records.map(\.privileged) == [true, false, false])
    #expect(reading.records.map(\.accounts) == [3, 0, 1])
    #expect(reading.records.map(\.reviewEvery) == [90, 30, 45])
    #expect(reading.records.map(\.lastReview) == [nil, LocalDate(year: 2026, month: 1, day: 1), LocalDate(year: 2026, month: 1, day: 1)])
    // No review_every column at all: the defaults for both kinds.
    let defaults = access("system,role,privileged\nerp,admin,true\nerp,user,false\n")
    #expect(defaults.records.map(\.reviewEvery) == [90, 365])
  }

  @Test(arguments: [
    (",admin,1,no,,", "missing system: expected the id of the system"),
    ("erp,,1,no,,", "missing role: expected the role's name"),
    ("erp,admin,-4,no,,", "accounts \"-4\" is out of range: expected the number of accounts holding the role, 0 or more"),
    ("erp,admin,1,maybe,,", "privileged \"maybe\" is not yes or no: expected yes/no, true/false or 1/0"),
    ("erp,admin,1,no,last week,", "last_review \"last week\" is not a date: expected YYYY-MM-DD"),
    ("erp,admin,1,no,,0", "review_every \"0\" is out of range: expected a number of days such as 90 or 90d, 1 or more"),
    ("erp,admin,1,no,,3w", "review_every \"3w\" is not a number: expected a number of days such as 90 or 90d, 1 or more"),
  ])
  func badAccessRow(row: String, message: String) {
    let reading = access("system,role,accounts,privileged,last_review,review_every\n" + row + "\n")
    #expect(reading.records.isEmpty)
    #expect(reading.issues == [DataIssue(file: "access.csv", line: 2, message: message)])
  }

  @Test func retentionUnitsInAnyCase() {
    let reading = retention("series,retention,oldest,records,legal_hold\nA,7Y,2019-02-28,\"1,500\",TRUE\nB,18m,2025-06-01,,\nC,90D,2026-09-01,0,no\n")
    #expect(reading.issues.isEmpty)
    #expect(reading.records.map(\.retention) == [
      RetentionPeriod(amount: 7, unit: .years), RetentionPeriod(amount: 18, unit: .months),
      RetentionPeriod(amount: 90, unit: .days),
    ])
    #expect(reading.records.map(\.records) == [1500, nil, 0])
    #expect(reading.records.map(\.legalHold) == [true, false, false])
  }

  @Test(arguments: [
    ("A,7w,2019-01-01,,", "retention \"7w\" has no unit y, m or d: expected a period such as 7y, 18m or 90d (years, months or days)"),
    ("A,7,2019-01-01,,", "retention \"7\" has no unit y, m or d: expected a period such as 7y, 18m or 90d (years, months or days)"),
    ("A,,2019-01-01,,", "missing retention: expected a period such as 7y, 18m or 90d (years, months or days)"),
    ("A,xy,2019-01-01,,", "retention \"xy\" is not a whole number of years, months or days: expected a period such as 7y, 18m or 90d (years, months or days)"),
    ("A,7y,,,", "missing oldest: expected the date of the oldest record held (YYYY-MM-DD)"),
    ("A,7y,2019-13-01,,", "oldest \"2019-13-01\" is not a date: expected YYYY-MM-DD"),
    ("A,7y,2019-01-01,-5,", "records \"-5\" is out of range: expected the number of records held, 0 or more"),
    ("A,7y,2019-01-01,5,kept", "legal_hold \"kept\" is not yes or no: expected yes/no, true/false or 1/0"),
    (",7y,2019-01-01,,", "missing series: expected the record series' name"),
  ])
  func badRetentionRow(row: String, message: String) {
    let reading = retention("series,retention,oldest,records,legal_hold\n" + row + "\n")
    #expect(reading.records.isEmpty)
    #expect(reading.issues == [DataIssue(file: "retention.csv", line: 2, message: message)])
  }

  @Test func aMissingRequiredColumnRejectsTheFile() {
    let reading = retention("series,oldest\nA,2019-01-01\n")
    #expect(reading.records.isEmpty)
    #expect(reading.failure != nil)
  }

  @Test func systemsDataColumns() throws {
    let reading = SystemsReader.read(
      Array("id,data_class,personal_data\na,Restricted,yes\nb,,\nc,secret,no\nd,public,perhaps\n".utf8),
      path: "systems.csv", context: ReadContext())
    #expect(reading.records.map(\.dataClass) == [.restricted, nil])
    #expect(reading.records.map(\.personalData) == [true, false])
    #expect(reading.records.allSatisfy { $0.describesData })
    #expect(reading.issues == [
      DataIssue(file: "systems.csv", line: 4, message: "unknown data_class \"secret\": expected public, internal, confidential, restricted"),
      DataIssue(file: "systems.csv", line: 5, message: "personal_data \"perhaps\" is not yes or no: expected yes/no, true/false or 1/0"),
    ])
    let plain = SystemsReader.read(Array("id\na\n".utf8), path: "systems.csv", context: ReadContext())
    #expect(plain.records.first?.describesData == false)
  }

  @Test func complianceTitle() {
    let reading = ComplianceReader.read(
      Array("id,kind,severity,opened,due,title\nA,training,low,2026-01-01,2026-02-01,Annual refresher\n".utf8),
      path: "compliance.csv", context: ReadContext())
    #expect(reading.records.first?.title == "Annual refresher")
    #expect(reading.records.first?.extra == [])
  }
}

/// `imtop check` names each bad row of the new files, and counts them.
@Suite struct GovernanceCheckTests {
  @Test func checkNamesEveryBadRow() throws {
    let directory = try TemporaryDirectory(prefix: "imtop-governance")
    defer { directory.remove() }
    try directory.write([
      "systems.csv": "id,data_class\nerp,secret\nhr,internal\n",
      "training.csv": "course,required,completed,due\nX,3,5,2026-01-01\nY,3,1,2026-01-01\n",
      "access/iam.csv": "system,role,accounts\nhr,admin,-1\nhr,user,4\n",
      "retention.csv": "series,retention,oldest\nA,10w,2019-01-01\nB,10y,2019-01-01\n",
    ])
    let report = CheckReport.check(directory: directory.path, shownPath: "data") { _ in GovernanceOrg.now }
    #expect(report.exitStatus == 1)
    let problems = report.text.components(separatedBy: "\n").filter { $0.contains(": error: ") }
    #expect(problems == [
      "access/iam.csv:2: error: accounts \"-1\" is out of range: expected the number of accounts holding the role, 0 or more",
      "retention.csv:2: error: retention \"10w\" has no unit y, m or d: expected a period such as 7y, 18m or 90d (years, months or days)",
      "systems.csv:2: error: unknown data_class \"secret\": expected public, internal, confidential, restricted",
      "training.csv:2: error: completed 5 is more than required 3: expected at most 3",
    ])
    #expect(report.text.contains("training.csv    1 record read, 1 rejected"))
  }
}
