import Foundation
import Testing

/// The incidents page on the built binary in tmux at 80×24: reached with `6`, filtered with `/`,
/// Enter to an incident's system and Esc back, and the header's count of unacknowledged P1/P2.
@Suite(.serialized, .enabled(if: EndToEnd.available, EndToEnd.skipReason))
struct IncidentsEndToEndTests {
  @Test func incidentsPageOpensFiltersAndOpensASystem() throws {
    let data = try LiveDataDirectory()
    defer { data.remove() }
    // Incidents around the wall clock: a P1 on the WAN nobody has acknowledged, an acknowledged P3 on
    // the citizen portal, and one resolved two days ago.
    let now = Date()
    func at(_ minutes: Double) -> String { LiveDataDirectory.iso(now.addingTimeInterval(minutes * 60)) }
    let csv = """
      id,system,priority,opened,acknowledged,resolved,summary
      INC-2001,wan,P1,\(at(-20)),,,Carrier link down
      INC-2002,crm,P3,\(at(-300)),\(at(-280)),,Slow search
      INC-2003,erp,P2,\(at(-2 * 1440 - 90)),\(at(-2 * 1440 - 80)),\(at(-2 * 1440)),Posting run failed

      """
    try data.writeIncidents(csv)

    let tmux = TmuxSession()
    defer { tmux.stop() }
    try tmux.start(EndToEnd.command(data), width: 80, height: 24)
    let first = tmux.waitFor(timeout: 20) { $0.contains("Example Municipality IT") && $0.contains("Incidents 2 open") }
    try #require(first.matched, "no first frame with the overview's incidents:\n\(first.screen)")
    #expect(first.screen.contains("1 unack"), "the header does not count the unacknowledged P1:\n\(first.screen)")

    try tmux.sendKeys("6")
    let page = tmux.waitFor(timeout: 20) {
      $0.contains("Open incidents 2") && $0.contains("Resolved in the last 30 days 1") && $0.contains("INC-2001")
    }
    #expect(page.matched, "the incidents page did not open:\n\(page.screen)")
    #expect(page.screen.contains("MTTA 30d"), "no summary line:\n\(page.screen)")

    try tmux.type("/")
    try tmux.type("portal")
    try tmux.sendKeys("Enter")
    let filtered = tmux.waitFor(timeout: 20) { $0.contains("Open incidents 1 of 2") && $0.contains("INC-2002") && !$0.contains("INC-2001") }
    #expect(filtered.matched, "the filter did not narrow the incidents:\n\(filtered.screen)")
    try tmux.sendKeys("Escape")
    #expect(tmux.waitFor(timeout: 20) { $0.contains("Open incidents 2") && $0.contains("INC-2001") }.matched, "Esc did not clear the filter")

    // The selection stayed on the portal's incident through the filter; the first row is the P1 on
    // the WAN: Enter opens its system, Esc comes back to the incidents.
    try tmux.sendKeys("Home")
    try tmux.sendKeys("Enter")
    let detail = tmux.waitFor(timeout: 20) { $0.contains("(wan)") && $0.contains("Availability 30d") }
    #expect(detail.matched, "Enter did not open the incident's system:\n\(detail.screen)")
    try tmux.sendKeys("Escape")
    let back = tmux.waitFor(timeout: 20) { $0.contains("Open incidents 2") && !$0.contains("Availability 30d") }
    #expect(back.matched, "Esc did not return to the incidents:\n\(back.screen)")
  }
}
