import Foundation
import ImtopCore
import ImtopTestSupport
import Testing

/// The monthly service figures on the built binary: the month rows of a system's detail at 80×24
/// in tmux, and `imtop snapshot --report sla` with its refusals.
@Suite(.serialized, .enabled(if: EndToEnd.available, EndToEnd.skipReason))
struct SLAReportEndToEndTests {
  /// A data directory whose fiscal year began last month (in UTC), with a five-minute outage on
  /// the 10th of last month and the system up now.
  struct Organisation {
    let folder: TemporaryDirectory
    let lastMonth: YearMonth
    let thisMonth: YearMonth

    init() throws {
      folder = try TemporaryDirectory(prefix: "imtop-sla")
      let now = Timestamp(milliseconds: Int64(Date().timeIntervalSince1970 * 1000))
      thisMonth = Zone.utc.date(of: now).yearMonth
      lastMonth = thisMonth.adding(months: -1)
      func ts(_ day: Int, _ hour: Int, _ minute: Int) -> String {
        CivilTime(year: lastMonth.year, month: lastMonth.month, day: day, hour: hour, minute: minute).utcTimestamp.iso8601
      }
      // Last month: down 5 min, then up 10 min until stale (66.67 %, below the SLA).
      let status = """
        {"ts":"\(ts(10, 12, 0))","system":"erp","state":"down"}
        {"ts":"\(ts(10, 12, 5))","system":"erp","state":"up"}
        {"ts":"\(now.iso8601)","system":"erp","state":"up"}

        """
      try folder.write([
        "imtop.toml": "[organization]\nname = \"Service Review\"\ntimezone = \"UTC\"\nfiscal_year_start = \(lastMonth.month)\n",
        "systems.csv": "id,name,sla\nerp,ERP suite,99.9\n",
        "status.jsonl": status,
      ])
    }
  }

  @Test func theDetailShowsTheMonthRowsAt80x24() throws {
    let organisation = try Organisation()
    defer { organisation.folder.remove() }
    let tmux = TmuxSession()
    defer { tmux.stop() }
    let command = "\(TmuxSession.shellQuote(TmuxSession.imtopPath ?? "imtop")) \(TmuxSession.shellQuote(organisation.folder.path)) --no-log"
    try tmux.start(command, width: 80, height: 24)
    try #require(tmux.waitFor(timeout: 20) { $0.contains("Service Review") }.matched, "no first frame")
    try tmux.sendKeys("2")
    try #require(tmux.waitFor(timeout: 20) { $0.contains("ERP suite") }.matched)
    try tmux.sendKeys("Enter")
    let last = "\(organisation.lastMonth)  66.66%"
    let this = "\(organisation.thisMonth) 100.00%"
    let detail = tmux.waitFor(timeout: 20) { $0.contains("By month") && $0.contains(last) && $0.contains(this) }
    #expect(detail.matched, "no month rows in the detail:\n\(detail.screen)")
    let row = detail.screen.split(separator: "\n").first { $0.contains(last) }.map(String.init) ?? ""
    #expect(row.contains("5 min") && row.contains("miss"), "last month's row lacks its downtime or verdict: \(row)")
  }

  func snapshot(_ folder: TemporaryDirectory, _ arguments: [String]) throws -> ChildProcess.Result {
    let words = [TmuxSession.imtopPath ?? "imtop", "snapshot", folder.path] + arguments
    return try ChildProcess.run("/bin/sh", ["-c", words.map(TmuxSession.shellQuote).joined(separator: " ") + " 2>&1"])
  }

  @Test func theReportAndItsRefusals() throws {
    let organisation = try Organisation()
    defer { organisation.folder.remove() }
    let markdown = try snapshot(organisation.folder, ["--format", "markdown", "--report", "sla", "--month", organisation.lastMonth.description])
    #expect(markdown.status == 0)
    #expect(markdown.output.contains("## \(organisation.lastMonth)\n"))
    #expect(markdown.output.contains("| ERP suite | 99.90% | 66.66% |"), "\(markdown.output)")
    let json = try snapshot(organisation.folder, ["--format", "json", "--report", "sla"])
    #expect(json.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
    #expect(object?["months"] as? [String] == [organisation.lastMonth.description, organisation.thisMonth.description])

    let year = "\(organisation.lastMonth) to \(organisation.lastMonth.adding(months: 11))"
    let before = try snapshot(organisation.folder, ["--format", "markdown", "--report", "sla", "--month", organisation.lastMonth.adding(months: -1).description])
    #expect(before.status == 2)
    #expect(before.output.contains("outside the fiscal year \(year)"), "\(before.output)")
    let malformed = try snapshot(organisation.folder, ["--format", "json", "--report", "sla", "--month", "2027-13"])
    #expect(malformed.status == 2)
    #expect(malformed.output.contains("expected a month as YYYY-MM"))
    let text = try snapshot(organisation.folder, ["--report", "sla"])
    #expect(text.status == 2)
    #expect(text.output.contains("markdown or json"))
    let alone = try snapshot(organisation.folder, ["--format", "json", "--month", organisation.thisMonth.description])
    #expect(alone.status == 2)
  }
}
