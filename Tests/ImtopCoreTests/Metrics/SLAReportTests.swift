import Foundation
import ImtopCore
import ImtopTestSupport
import Testing

/// `systems[].monthly` in the JSON snapshot and the SLA report in markdown and JSON, read back and
/// checked against `SLAOrg`'s hand-computed figures (rounded as the formats round: 2 decimals).
@Suite struct SLAReportTests {
  let snapshot = MetricEngine().snapshot(of: SLAOrg.organisation, at: SLAOrg.now)

  func object(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func theSnapshotJSONCarriesMonthlyInMonthOrder() throws {
    let json = try object(SnapshotJSON().encode(snapshot))
    let systems = try #require(json["systems"] as? [[String: Any]])
    let alpha = try #require(systems.first { $0["id"] as? String == "a" })
    let monthly = try #require(alpha["monthly"] as? [[String: Any]])
    #expect(monthly.map { $0["month"] as? String } == ["2026-10", "2026-11", "2026-12"])
    #expect(monthly.map { Set($0.keys) }.allSatisfy {
      $0 == ["month", "availability", "coverage", "outages", "downtime_minutes", "sla_met"]
    })
    // 30/45 = 66.67 %; 45 of 44,700 minutes = 0.10 %.
    #expect(monthly[0]["availability"] as? Double == 66.67)
    #expect(monthly[0]["coverage"] as? Double == 0.1)
    #expect(monthly[0]["outages"] as? Int == 2)
    #expect(monthly[0]["downtime_minutes"] as? Double == 15)
    #expect(monthly[0]["sla_met"] as? Bool == false)
    // 35/60 = 58.33 %.
    #expect(monthly[1]["availability"] as? Double == 58.33)
    let bravo = try #require(systems.first { $0["id"] as? String == "b" }?["monthly"] as? [[String: Any]])
    #expect(bravo[1]["availability"] is NSNull)
    #expect(bravo[1]["coverage"] as? Double == 0)
    #expect(bravo[1]["sla_met"] is NSNull)
    let foxtrot = try #require(systems.first { $0["id"] as? String == "f" }?["monthly"] as? [[String: Any]])
    // 7,799/7,800 = 99.98718 % is written 99.99, its SLA, and is not met; 1 s = 0.02 min.
    #expect(foxtrot[1]["availability"] as? Double == 99.99)
    #expect(foxtrot[1]["sla_met"] as? Bool == false)
    #expect(foxtrot[1]["downtime_minutes"] as? Double == 0.02)
  }

  /// The markdown report's rows, by month and system name.
  func rows(_ markdown: String) -> [String: [String: [String]]] {
    var result: [String: [String: [String]]] = [:]
    var month: String?
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("## ") {
        month = String(line.dropFirst(3))
        continue
      }
      guard let month, line.hasPrefix("| "), !line.hasPrefix("| System ") else { continue }
      let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      result[month, default: [:]][cells[0]] = Array(cells.dropFirst())
    }
    return result
  }

  @Test func theMarkdownReportHasATablePerMonth() throws {
    let markdown = try SLAReport(snapshot: snapshot, zone: SLAOrg.berlin).markdown()
    #expect(markdown.hasPrefix("# SLA Org: SLA report\n"))
    let table = rows(markdown)
    #expect(table.keys.sorted() == ["2026-10", "2026-11", "2026-12"])
    // SLA and availability (two decimals), coverage (whole per cent, rounded down; `<1%` for some
    // samples below one per cent, `0%` for none), outages, downtime (a duration), SLA met: the
    // README's format table.
    #expect(table["2026-10"]?["Alpha"] == ["99.90%", "66.66%", "<1%", "2", "15 min", "no"])
    #expect(table["2026-11"]?["Bravo"] == ["99.00%", "—", "0%", "0", "0 s", "—"])
    #expect(table["2026-11"]?["Echo"] == ["75.00%", "75.00%", "<1%", "1", "10 min", "yes"])
    #expect(table["2026-12"]?["Bravo"] == ["99.00%", "100.00%", "1%", "1", "0 s", "yes"])
    #expect(table["2026-12"]?["Charlie"] == ["—", "—", "0%", "0", "0 s", "—"])
    // Judged in November: Alpha (no), Echo (yes), Foxtrot (no).
    #expect(markdown.contains("## 2026-11\n") && markdown.contains("1 of 3 systems with an SLA and a known availability met it."))
  }

  @Test func oneMonthOnly() throws {
    let report = try SLAReport(snapshot: snapshot, month: "2026-11", zone: SLAOrg.berlin)
    #expect(Array(rows(report.markdown()).keys) == ["2026-11"])
    let json = try object(report.json().text(pretty: true))
    #expect(json["report"] as? String == "sla")
    #expect(json["months"] as? [String] == ["2026-11"])
    let systems = try #require(json["systems"] as? [[String: Any]])
    #expect(systems.map { $0["id"] as? String } == ["a", "b", "c", "e", "f"])
    let echo = try #require(systems.first { $0["id"] as? String == "e" })
    let monthly = try #require(echo["monthly"] as? [[String: Any]])
    #expect(monthly.count == 1)
    #expect(monthly[0]["month"] as? String == "2026-11")
    #expect(monthly[0]["availability"] as? Double == 75)
    #expect(monthly[0]["sla_met"] as? Bool == true)
  }

  /// A month that is not `YYYY-MM`, outside the fiscal year, or not begun yet is refused with a
  /// message naming the fiscal year.
  @Test func badMonths() {
    func error(_ month: String) -> SLAReport.MonthError? {
      do {
        _ = try SLAReport(snapshot: snapshot, month: month, zone: SLAOrg.berlin)
        return nil
      } catch { return error }
    }
    #expect(error("2027-13") == .malformed("2027-13"))
    #expect(error("2026-9") == .malformed("2026-9"))
    let start = YearMonth(year: 2026, month: 10)
    let end = YearMonth(year: 2027, month: 9)
    #expect(error("2026-09") == .outsideFiscalYear(YearMonth(year: 2026, month: 9), start: start, end: end))
    #expect(error("2027-10") == .outsideFiscalYear(YearMonth(year: 2027, month: 10), start: start, end: end))
    #expect(error("2027-01") == .notBegun(YearMonth(year: 2027, month: 1), current: YearMonth(year: 2026, month: 12)))
    #expect(error("2026-10") == nil)
    #expect(error("2026-09")?.description.contains("fiscal year 2026-10 to 2027-09") == true)
  }
}
