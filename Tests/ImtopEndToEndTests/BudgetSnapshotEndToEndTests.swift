import Foundation
import ImtopTestSupport
import Testing

/// `imtop snapshot --now` on the built binary, across the first of a month when finance has booked
/// some of the new month's actuals early and none of the month just ended.
@Suite(.enabled(if: TmuxSession.imtopPath != nil, "the imtop binary is not built beside the tests"))
struct BudgetSnapshotEndToEndTests {
  let root = FileManager.default.temporaryDirectory.appendingPathComponent("imtop-budget-cli-\(UUID().uuidString)")

  func writeOrganisation() throws {
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    let files = [
      "imtop.toml": "[organization]\nname = \"Early Bookings\"\ncurrency = \"EUR\"\ntimezone = \"Europe/Berlin\"\n",
      "systems.csv": "id,name,sourcing\nerp,ERP,purchased\ncrm,CRM,saas\n",
      "budget.csv": """
        period,system,category,type,planned,actual
        2026-08,erp,license,opex,100,90
        2026-09,erp,license,opex,100,120
        2026-10,crm,maintenance,opex,200,210
        2026-10,,staff,opex,50,50
        2026-11,erp,license,opex,100,
        2026-12,erp,license,opex,100,30
        2026-12,crm,hardware,capex,300,40

        """,
    ]
    for (name, text) in files { try Data(text.utf8).write(to: root.appendingPathComponent(name)) }
  }

  func budget(at now: String) throws -> [String: Any] {
    let result = try ChildProcess.run(
      TmuxSession.imtopPath ?? "imtop", ["snapshot", "--format", "json", "--now", now, root.path], captureOutput: true)
    #expect(result.status == 0)
    let json = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
    return try #require(json?["budget"] as? [String: Any])
  }

  @Test func theFirstOfDecemberGivesTheFiguresOfThe30thOfNovember() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    try writeOrganisation()
    let november30 = try budget(at: "2026-11-30T12:00:00Z")
    let december1 = try budget(at: "2026-12-01T00:20:00Z")
    #expect(NSDictionary(dictionary: december1).isEqual(to: november30))
    // YTD January..October: planned 450, actual 470, variance 20 / 450 = +4.44 %; forecast
    // 950 × 470 / 450 = 992.22; burn (90 + 120 + 260) / 3 = 156.67; December's 30 + 40 booked ahead.
    #expect(december1["ytd_months"] as? [String] == (1...10).map { String(format: "2026-%02d", $0) })
    #expect((december1["planned_ytd"] as? NSNumber)?.doubleValue == 450)
    #expect((december1["actual_ytd"] as? NSNumber)?.doubleValue == 470)
    #expect((december1["variance_pct"] as? NSNumber)?.doubleValue == 4.44)
    #expect((december1["forecast_year_end"] as? NSNumber)?.doubleValue == 992.22)
    #expect((december1["burn_rate"] as? NSNumber)?.doubleValue == 156.67)
    #expect((december1["booked_ahead"] as? NSNumber)?.doubleValue == 70)
  }
}
