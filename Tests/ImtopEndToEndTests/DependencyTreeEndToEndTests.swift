import Foundation
import Testing

/// The built binary in tmux at 80×24 through the three views of the last work on the dashboard: the
/// incidents page (`6`), a system's detail with its month rows, and its dependency tree (`d`), then
/// the Systems page's tree layout (`D`).
@Suite(.serialized, .enabled(if: EndToEnd.available, EndToEnd.skipReason))
struct DependencyTreeEndToEndTests {
  @Test func incidentsMonthRowsAndWhatBreaksIfWanGoesDown() throws {
    let data = try LiveDataDirectory()
    defer { data.remove() }
    // The WAN goes down now: erp and the citizen portal depend on it.
    try data.append("{\"ts\":\"\(LiveDataDirectory.iso(Date()))\",\"system\":\"wan\",\"state\":\"down\",\"message\":\"carrier\"}\n")
    let now = Date()
    func at(_ minutes: Double) -> String { LiveDataDirectory.iso(now.addingTimeInterval(minutes * 60)) }
    let csv = """
      id,system,priority,opened,acknowledged,resolved,summary
      INC-3001,wan,P1,\(at(-10)),,,Carrier link down

      """
    try data.writeIncidents(csv)

    let tmux = TmuxSession()
    defer { tmux.stop() }
    try tmux.start(EndToEnd.command(data), width: 80, height: 24)
    try #require(tmux.waitFor(timeout: 20) { $0.contains("Example Municipality IT") && $0.contains("down") }.matched,
                 "no first frame with the WAN down:\n\(tmux.capture())")

    // 1. The incidents page.
    try tmux.sendKeys("6")
    let incidents = tmux.waitFor(timeout: 20) { $0.contains("Open incidents 1") && $0.contains("INC-3001") }
    #expect(incidents.matched, "the incidents page did not open:\n\(incidents.screen)")

    // 2. The WAN's detail on the Systems page, with its month rows.
    try tmux.sendKeys("2")
    try #require(tmux.waitFor(timeout: 20) { $0.contains("Wide area network") }.matched)
    try tmux.type("/")
    try tmux.type("Wide area")
    try tmux.sendKeys("Enter")
    try #require(tmux.waitFor(timeout: 20) { $0.contains("Systems 1 of 6") }.matched, "the filter did not find the WAN")
    try tmux.sendKeys("Enter")
    let detail = tmux.waitFor(timeout: 20) { screen in
      screen.contains("(wan)") && screen.contains("By month")
        && screen.range(of: #"\d{4}-\d{2} +\d+\.\d{2}%"#, options: .regularExpression) != nil
    }
    #expect(detail.matched, "no month rows in the WAN's detail:\n\(detail.screen)")

    // 3. Its dependency tree: erp and the citizen portal break with it.
    try tmux.sendKeys("d")
    let tree = tmux.waitFor(timeout: 20) { screen in
      screen.contains("Dependencies of Wide area network (wan)") && screen.contains("Depended on by · 2 systems")
    }
    #expect(tree.matched, "d did not open the tree:\n\(tree.screen)")
    let lines = tree.screen.split(separator: "\n").map(String.init)
    #expect(lines.contains { $0.contains("├ ▲ ERP suite") && $0.contains("via wan") }, "\(tree.screen)")
    #expect(lines.contains { $0.contains("└ ▲ Citizen portal") && $0.contains("via wan") }, "\(tree.screen)")
    #expect(lines.allSatisfy { $0.count <= 80 })

    // Esc back to the detail, Esc to the table; `D` lays the tree out under it.
    try tmux.sendKeys("Escape")
    #expect(tmux.waitFor(timeout: 20) { $0.contains("By month") && !$0.contains("Dependencies of") }.matched, "Esc did not return to the detail")
    try tmux.sendKeys("Escape")
    try #require(tmux.waitFor(timeout: 20) { $0.contains("Systems 1 of 6") && !$0.contains("By month") }.matched)
    try tmux.sendKeys("D")
    let layout = tmux.waitFor(timeout: 20) { $0.contains("Tree · Wide area network") && $0.contains("Depended on by · 2 systems") }
    #expect(layout.matched, "D did not lay the tree out beside the table:\n\(layout.screen)")
  }
}
