import ImtopCore
import ImtopTestSupport

/// The hand-computed fixture of the monthly service figures (the README's "Monthly service
/// figures"): a fiscal year starting in October, in Berlin, evaluated on 1 December 2026 at 12:00
/// local time, so October (sealed away from the 30-day runs), November and a part of December count.
///
/// Month spans in UTC: October runs from 30 Sep 22:00 to 31 Oct 23:00 (31 days and the hour summer
/// time gave back: 745 h = 44,700 min); November from 31 Oct 23:00 to 30 Nov 23:00 (43,200 min);
/// December from 30 Nov 23:00 to `now`, 1 Dec 11:00 (720 min). `stale_after` is 10 minutes.
enum SLAOrg {
  static let berlin = Zone(identifier: "Europe/Berlin") ?? .utc
  static let now = utc(2026, 12, 1, 11)

  static var configuration: Configuration {
    Configuration(organizationName: "SLA Org", currency: "EUR", fiscalYearStart: 10, zone: berlin, staleAfter: .minutes(10))
  }

  static let systems = [
    SystemRecord(id: "a", name: "Alpha", sla: 99.9),
    SystemRecord(id: "b", name: "Bravo", sla: 99),
    SystemRecord(id: "c", name: "Charlie"),  // no SLA, never sampled
    SystemRecord(id: "e", name: "Echo", sla: 75),
    SystemRecord(id: "f", name: "Foxtrot", sla: 99.99),
  ]

  static func sample(_ system: String, _ state: ServiceState, _ time: Timestamp) -> StatusSample {
    StatusSample(timestamp: time, system: system, state: state)
  }

  /// In time order, as a monitor appends them.
  static var status: [StatusSample] {
    var samples: [StatusSample] = [
      // b, October: up 20 min.
      sample("b", .up, utc(2026, 10, 5, 12)), sample("b", .up, utc(2026, 10, 5, 12, 10)),
      // a, October: up 20 min, an outage of 10 min (two down samples), up 10 min until stale.
      sample("a", .up, utc(2026, 10, 10, 12)), sample("a", .up, utc(2026, 10, 10, 12, 10)),
      sample("a", .down, utc(2026, 10, 10, 12, 20)), sample("a", .down, utc(2026, 10, 10, 12, 25)),
      sample("a", .up, utc(2026, 10, 10, 12, 30)),
      // a, across local midnight into November: down from 22:55 UTC (5 min in October), again at
      // 23:05 (00:05 local, 1 Nov: the same outage, begun in October), held to 23:15 (15 min in
      // November); then maintenance for 10 min (known, in neither side of availability).
      sample("a", .down, utc(2026, 10, 31, 22, 55)), sample("a", .down, utc(2026, 10, 31, 23, 5)),
      sample("a", .maintenance, utc(2026, 10, 31, 23, 15)),
      // e, November: up 30 min, down 10 min: exactly 75 %, its SLA (met).
      sample("e", .up, utc(2026, 11, 10)), sample("e", .up, utc(2026, 11, 10, 0, 10)),
      sample("e", .up, utc(2026, 11, 10, 0, 20)), sample("e", .down, utc(2026, 11, 10, 0, 30)),
      // a, November: degraded 20 min, a new outage (after degraded) of 10 min, up 10 min.
      sample("a", .degraded, utc(2026, 11, 15, 12)), sample("a", .degraded, utc(2026, 11, 15, 12, 10)),
      sample("a", .down, utc(2026, 11, 15, 12, 20)), sample("a", .up, utc(2026, 11, 15, 12, 30)),
    ]
    // f, November: up from 00:00 to 01:59:59, down 1 s, up again 10 min: 7,799 s of 7,800 served
    // (99.98718 %, which rounds to its SLA of 99.99 but is below it: not met).
    for minute in stride(from: 0, through: 110, by: 10) {
      samples.append(sample("f", .up, utc(2026, 11, 20, minute / 60, minute % 60)))
    }
    samples += [sample("f", .down, utc(2026, 11, 20, 1, 59, 59)), sample("f", .up, utc(2026, 11, 20, 2))]
    samples += [
      // a, across local midnight into December: up from 22:55 UTC, 5 min in each month.
      sample("a", .up, utc(2026, 11, 30, 22, 55)),
      // b, December: up 10 min, then down at `now` itself (an outage starting at `now` counts).
      sample("b", .up, utc(2026, 12, 1, 10, 50)),
      // a, December: down from 10:55 UTC, 5 min until `now`, and a sample at `now` (same outage).
      sample("a", .down, utc(2026, 12, 1, 10, 55)),
      sample("a", .down, now), sample("b", .down, now),
    ]
    return samples
  }

  static var organisation: TestOrganisation {
    TestOrganisation(configuration: configuration, systems: systems, status: status)
  }

  /// The status log as a monitor would write it.
  static func statusLines(_ samples: [StatusSample]) -> String {
    samples.map { "{\"ts\":\"\($0.timestamp.iso8601)\",\"system\":\"\($0.system)\",\"state\":\"\($0.state.rawValue)\"}\n" }.joined()
  }

  static let systemsCSV = """
    id,name,sla
    a,Alpha,99.9
    b,Bravo,99
    c,Charlie,
    e,Echo,75
    f,Foxtrot,99.99

    """

  static let configurationTOML = """
    [organization]
    name = "SLA Org"
    currency = "EUR"
    fiscal_year_start = 10
    timezone = "Europe/Berlin"

    [refresh]
    stale_after = "10m"

    """
}
