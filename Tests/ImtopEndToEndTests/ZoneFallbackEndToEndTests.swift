import Foundation
import Testing

/// A server without zoneinfo: the organisation's Europe/Berlin is read as UTC, and both the dashboard's
/// footer and `imtop check` say so.
@Suite(.serialized, .enabled(if: EndToEnd.available, EndToEnd.skipReason))
struct ZoneFallbackEndToEndTests {
  @Test func withoutZoneinfoTheFooterAndCheckSayTimesAreInUTC() throws {
    let data = try LiveDataDirectory()
    defer { data.remove() }
    let noZoneinfo = data.url.appendingPathComponent("no-zoneinfo").path
    let tmux = TmuxSession()
    defer { tmux.stop() }
    try tmux.start(EndToEnd.command(data), width: 140, height: 40, environment: ["TZDIR": noZoneinfo])
    let note = tmux.waitFor { $0.contains("time zone Europe/Berlin is not available here: times in UTC") }
    #expect(note.matched, "no footer note:\n\(note.screen)")
    try tmux.sendKeys("q")
    #expect(tmux.waitFor { $0.contains("[exited 0]") }.matched)

    let check = TmuxSession()
    defer { check.stop() }
    try check.start(
      "\(TmuxSession.shellQuote(TmuxSession.imtopPath ?? "imtop")) check \(TmuxSession.shellQuote(data.url.path))", width: 200, height: 40,
      environment: ["TZDIR": noZoneinfo])
    let report = check.waitFor { $0.contains("[exited") }
    #expect(report.screen.contains("imtop.toml:6: warning: organization.timezone: no time zone database at \(noZoneinfo)"), "\(report.screen)")
    #expect(report.screen.contains("[exited 0]"))
  }
}
