import Testing

@testable import ImtopCore

/// The markdown report's lists behind the counts, on the hand-computed organisation at 15 June 2026,
/// 12:00 UTC (14:00 in Berlin, its zone).
@Suite struct SnapshotMarkdownItemsTests {
  let snapshot = MetricsOrg.snapshot()

  func report(redactMoney: Bool = false, zone: Zone = MetricsOrg.berlin, at instant: Timestamp = MetricsOrg.now) -> String {
    let snapshot = instant == MetricsOrg.now ? self.snapshot : MetricsOrg.snapshot(at: instant)
    return SnapshotMarkdown(redactMoney: redactMoney, zone: zone).render(snapshot)
  }

  /// The lines of the section that starts at `heading`, up to the next heading.
  func section(_ heading: String, in report: String) -> [String] {
    let lines = report.components(separatedBy: "\n")
    guard let start = lines.firstIndex(of: heading) else { return [] }
    let rest = lines[(start + 1)...]
    let end = rest.firstIndex { $0.hasPrefix("#") } ?? lines.endIndex
    return lines[(start + 1)..<end].filter { !$0.isEmpty }
  }

  /// The report's time is in the organisation's zone and names it, as the times in its tables are.
  @Test func theReportsTimeNamesItsZone() {
    let zone = MetricsOrg.berlin.abbreviation(at: MetricsOrg.now)
    #expect(["CEST", "+02"].contains(zone))
    #expect(report().contains("\nAs of 2026-06-15 14:00 \(zone) · fiscal year "))
    #expect(report(zone: .utc).contains("\nAs of 2026-06-15 12:00 UTC · fiscal year "))
  }

  @Test func openIncidentsMostUrgentFirstWithTheirAge() {
    // Open at 12:00: I1 (P1 since 09:00), I2 (P1 since 11:05, resolved only at 12:30), I7 (P4 since
    // 11:58, a system not in the inventory); I3 opens at 13:00. Priority, then oldest.
    #expect(
      section("### Open incidents", in: report()) == [
        "| ID | Priority | System | Age | Acknowledged | Summary |",
        "|---|---|---|---|---|---|",
        "| I1 | P1 | ERP | 3h | after 15 min | — |",
        "| I2 | P1 | Database | 55 min | after 5 min | — |",
        "| I7 | P4 | ghost | 2 min | no, for 2 min | — |",
      ])
  }

  @Test func anAcknowledgementAfterNowHasNotHappenedYet() {
    // I1 acknowledged at 09:15: seen at 09:10, it is still waiting, for 10 minutes.
    let early = utc(2026, 6, 15, 9, 10)
    #expect(section("### Open incidents", in: report(at: early)).contains("| I1 | P1 | ERP | 10 min | no, for 10 min | — |"))
  }

  @Test func resolvedInTheLastThirtyDaysLatestFirst() {
    // I2 is resolved at 12:30, after now: still open. I6 (resolved 21 May) is inside the 30 days
    // ending 15 June 12:00; nothing older was resolved.
    #expect(
      section("### Resolved in the last 30 days", in: report()) == [
        "| ID | Priority | System | Resolved | Time to resolve | Summary |",
        "|---|---|---|---|---|---|",
        // When, in the organisation's zone (Berlin, two hours ahead in summer), and how long it took.
        "| I4 | P3 | ERP | 2026-06-14 16:00 | 6h | — |",
        "| I5 | P2 | Database | 2026-06-10 03:05 | 1h | — |",
        "| I6 | P4 | Wiki | 2026-05-21 12:00 | 1d | — |",
      ])
    // Thirty days later to the minute, I6's resolution has left the window (it is exclusive).
    let later = utc(2026, 6, 20, 10)
    #expect(!section("### Resolved in the last 30 days", in: report(at: later)).contains { $0.hasPrefix("| I6 |") })
  }

  @Test func priorityTableCountsUnacknowledgedAndThirtyDayTimes() {
    // P1: I1 (15 min) and I2 (5 min) acknowledged, none resolved in the window; P2: I5 resolved in
    // 60 min, acknowledged in 15 (I3 opens at 13:00); P3: I4, 360 and 30; P4: I6, 1440 and 120, and
    // I7 open and waiting.
    #expect(
      section("## Incidents", in: report()).prefix(6) == [
        "| Priority | Open | Unacknowledged | MTTR 30d | MTTA 30d |",
        "|---|---:|---:|---:|---:|",
        "| P1 | 2 | 0 | — | 10 min |",
        "| P2 | 0 | 0 | 1h | 15 min |",
        "| P3 | 0 | 0 | 6h | 30 min |",
        "| P4 | 1 | 1 | 1d | 2h |",
      ])
  }

  @Test func overdueObligationsMostDaysFirst() {
    // Days from the due date to 15 June in Berlin: C3 (31 May) 15, C6 (1 June, closed only on 20
    // June) 14, C1 (14 June) 1, C8 (due 11:00 UTC today) 0. C2 is due today, C7 opens on 16 June.
    #expect(
      section("### Overdue obligations", in: report()) == [
        "| ID | Kind | Severity | System | Due | Days overdue |",
        "|---|---|---|---|---|---:|",
        "| C3 | training | low | — | 2026-05-31 | 15 |",
        "| C6 | audit-finding | medium | — | 2026-06-01 | 14 |",
        "| C1 | access-review | high | — | 2026-06-14 | 1 |",
        "| C8 | access-review | low | — | 2026-06-15 | 0 |",
      ])
  }

  /// A date-only deadline lasts until midnight in the organisation's zone: at 22:30 UTC on 14 June it
  /// is already 15 June in Berlin, and C1 (due 14 June) is a day overdue there, not yet in UTC.
  @Test func dueDatesAreReadInTheOrganisationsZone() {
    let lateEvening = utc(2026, 6, 14, 22, 30)
    #expect(section("### Overdue obligations", in: report(at: lateEvening)).contains("| C1 | access-review | high | — | 2026-06-14 | 1 |"))
    #expect(!section("### Overdue obligations", in: report(zone: .utc, at: lateEvening)).contains { $0.hasPrefix("| C1 |") })
  }

  @Test func systemsBelowSLAWithTheFiguresThatMakeItSo() {
    // ERP: 645 of 655 minutes up = 98.47 % against 99.5 (1.03 short); Database: 1385 of 1510 = 91.72 %
    // against 99.9 (8.18 short).
    #expect(
      section("### Systems below SLA", in: report()) == [
        "| System | Availability 30d | SLA | Short by, points |",
        "|---|---:|---:|---:|",
        "| ERP | 98.47% | 99.50% | 1.03 |",
        "| Database | 91.72% | 99.90% | 8.18 |",
      ])
  }

  @Test func systemsPastEndOfSupportWithTheDate() {
    // The database's support ended on 14 June, a day ago; Loop B's ends today, which is not past.
    #expect(
      section("### Systems past end of support", in: report()) == [
        "| System | End of support | Days past |",
        "|---|---|---:|",
        "| Database | 2026-06-14 | 1 |",
      ])
  }

  @Test func listsSitInTheirSectionsAndSurviveRedaction() {
    let plain = report()
    let redacted = report(redactMoney: true)
    #expect(!redacted.contains("€"))
    for heading in ["### Open incidents", "### Overdue obligations", "### Systems below SLA", "### Systems past end of support"] {
      #expect(section(heading, in: redacted) == section(heading, in: plain), "\(heading)")
    }
    let headings = plain.components(separatedBy: "\n").filter { $0.hasPrefix("#") }
    func position(_ heading: String) -> Int { headings.firstIndex(of: heading) ?? -1 }
    #expect(position("## Incidents") + 1 == position("### Open incidents"))
    #expect(position("### Open incidents") + 1 == position("### Resolved in the last 30 days"))
    #expect(position("## Compliance") + 1 == position("### Overdue obligations"))
    #expect(position("## Portfolio") + 1 == position("### Systems below SLA"))
    #expect(position("### Systems below SLA") + 1 == position("### Systems past end of support"))
  }

  @Test func nothingToListSaysNone() {
    var dataSet = MetricsOrg.dataSet
    dataSet.incidents = []
    dataSet.compliance = []
    dataSet.systems = dataSet.systems.map { record in
      var record = record
      record.sla = nil
      record.endOfSupport = nil
      return record
    }
    dataSet.status = []
    let snapshot = MetricEngine(trendPoints: 0).snapshot(of: dataSet.engineInput(at: MetricsOrg.now), at: MetricsOrg.now)
    let report = SnapshotMarkdown(zone: MetricsOrg.berlin).render(snapshot)
    for heading in [
      "### Open incidents", "### Resolved in the last 30 days", "### Overdue obligations", "### Systems below SLA",
      "### Systems past end of support",
    ] {
      #expect(section(heading, in: report) == ["None."], "\(heading)")
    }
  }

  @Test func untrustedTextStaysInItsCell() {
    var dataSet = MetricsOrg.dataSet
    dataSet.incidents[0].summary = "Disk | full\n# not a heading"
    let snapshot = MetricEngine(trendPoints: 0).snapshot(of: dataSet.engineInput(at: MetricsOrg.now), at: MetricsOrg.now)
    let report = SnapshotMarkdown(zone: MetricsOrg.berlin).render(snapshot)
    #expect(section("### Open incidents", in: report).contains("| I1 | P1 | ERP | 3h | after 15 min | Disk \\| full \\# not a heading |"))
  }

  /// The report's durations are the screen's (the README's format table), rounded down.
  @Test func agesInWholeUnits() {
    #expect(MarkdownFormat.age(.minutes(0)) == "0 s")
    #expect(MarkdownFormat.age(.minutes(59)) == "59 min")
    #expect(MarkdownFormat.age(.minutes(61)) == "1h 01m")
    #expect(MarkdownFormat.age(.minutes(1_439)) == "23h 59m")
    #expect(MarkdownFormat.age(.minutes(1_440 * 2 + 250)) == "2d 4h")
    #expect(MarkdownFormat.age(.minutes(-5)) == "0 s")
  }
}
