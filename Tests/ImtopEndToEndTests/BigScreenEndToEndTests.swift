import Foundation
import ImtopTestSupport
import Testing

/// A wall screen (300×100) on a 12-system organisation, on the built binary in tmux: the systems
/// table offers its extra columns and the overview's panels use the height. The column chooser's
/// choice outlives the process, in the state folder.
@Suite(.serialized, .enabled(if: EndToEnd.available, EndToEnd.skipReason))
struct BigScreenEndToEndTests {
  /// Every column title the systems table can show.
  static let titles = [
    "State", "System", "Category", "Kind", "Sourcing", "Vendor", "Owner", "Crit", "Lifecycle", "End of support", "Users",
    "Avail 24h", "Avail 7d", "Avail 30d", "Outages 30d", "SLA", "Latency", "Trend", "Last seen", "Inc", "TCO YTD", "Cost/user",
  ]

  /// The titles in the systems table's header row.
  static func headerTitles(_ screen: String) -> [String] {
    ScreenText.headerTitles(screen, panel: "┌ Systems ", titles: titles)
  }

  @Test func aWallScreenShowsNineColumnsOrMoreAndLeavesAtMostAQuarterOfTheOverviewEmpty() throws {
    let organisation = try TwelveSystems(imtop: TmuxSession.imtopPath ?? "imtop")
    defer { organisation.remove() }
    let tmux = TmuxSession()
    defer { tmux.stop() }
    try tmux.start(EndToEnd.command(path: organisation.url.path), width: 300, height: 100)
    let overview = tmux.waitFor(timeout: 20) { $0.contains("Systems 12") && $0.contains("┌ Events") }
    try #require(overview.matched, "no first frame:\n\(overview.screen)")
    // The feed opens on the history, read with the first poll: give the frame a moment to settle.
    let settled = tmux.waitFor(timeout: 10) { ScreenText.emptyRows($0) * 4 <= 100 }
    let rows = settled.screen.components(separatedBy: "\n").prefix(100)
    #expect(rows.count == 100)
    #expect(ScreenText.emptyRows(settled.screen) * 4 <= 100, "\(ScreenText.emptyRows(settled.screen)) of 100 rows empty:\n\(settled.screen)")

    try tmux.sendKeys("2")
    let systems = tmux.waitFor { Self.headerTitles($0).count >= 9 }
    #expect(systems.matched, "fewer than 9 columns: \(Self.headerTitles(systems.screen))\n\(systems.screen)")
  }

  @Test func theColumnChooserHidesAColumnAndTheChoiceIsKeptForTheNextStart() throws {
    let organisation = try TwelveSystems(imtop: TmuxSession.imtopPath ?? "imtop")
    defer { organisation.remove() }
    let state = try TemporaryDirectory(prefix: "imtop-e2e-state")
    defer { state.remove() }
    let command = EndToEnd.command(path: organisation.url.path) + " --no-mouse"
    do {
      let tmux = TmuxSession()
      defer { tmux.stop() }
      try tmux.start(command, width: 300, height: 100, environment: ["XDG_STATE_HOME": state.path])
      try tmux.sendKeys("2")
      try #require(tmux.waitFor(timeout: 20) { Self.headerTitles($0).contains("Vendor") }.matched, "no Vendor column")
      try tmux.type("c")
      try #require(tmux.waitFor { $0.contains("[x] Vendor") }.matched, "the chooser did not open")
      // The cursor starts on the first column; Vendor is a few rows down.
      let order = ["Category", "Kind", "Sourcing", "Vendor"]
      for _ in 0..<(order.count - 1) { try tmux.sendKeys("Down") }
      try tmux.sendKeys("Space")
      #expect(tmux.waitFor { $0.contains("[ ] Vendor") }.matched, "Space did not hide Vendor")
      try tmux.sendKeys("Enter")
      let closed = tmux.waitFor { !$0.contains("[ ] Vendor") && Self.headerTitles($0).contains("Kind") }
      #expect(closed.matched && !Self.headerTitles(closed.screen).contains("Vendor"), "\(closed.screen)")
      try tmux.type("q")
      #expect(tmux.waitFor { $0.contains("[exited 0]") }.matched)
    }
    let saved = try String(contentsOfFile: state.path + "/imtop/columns", encoding: .utf8)
    #expect(saved.contains("hidden = vendor"), "\(saved)")
    // The config.toml the user writes is not where it went.
    #expect(!FileManager.default.fileExists(atPath: state.path + "/imtop/config.toml"))

    let again = TmuxSession()
    defer { again.stop() }
    try again.start(command, width: 300, height: 100, environment: ["XDG_STATE_HOME": state.path])
    try again.sendKeys("2")
    let restarted = again.waitFor(timeout: 20) { Self.headerTitles($0).contains("Kind") }
    #expect(restarted.matched && !Self.headerTitles(restarted.screen).contains("Vendor"), "\(restarted.screen)")
  }

  @Test func aCorruptColumnsFileIsAWarningAndAnUnwritableStateFolderANoteNotACrash() throws {
    let organisation = try TwelveSystems(imtop: TmuxSession.imtopPath ?? "imtop")
    defer { organisation.remove() }
    let state = try TemporaryDirectory(prefix: "imtop-e2e-state")
    defer { state.remove() }
    try state.write(["imtop/columns": "hidden = vendor, colour\n", "blocked": "a file, not a folder"])
    let command = EndToEnd.command(path: organisation.url.path)
    do {
      let tmux = TmuxSession()
      defer { tmux.stop() }
      try tmux.start(command, width: 300, height: 100, environment: ["XDG_STATE_HOME": state.path])
      // The feed's line (`file:line: warning: ...`, cut to the column's width) names the file.
      let warned = tmux.waitFor(timeout: 20) { $0.contains("· \(state.path)/imtop/col") }
      #expect(warned.matched, "no warning in the feed:\n\(warned.screen)")
      try tmux.sendKeys("2")
      // Every column shows: the file's `vendor` is not half applied.
      #expect(tmux.waitFor { Self.headerTitles($0).contains("Vendor") }.matched)
    }
    let tmux = TmuxSession()
    defer { tmux.stop() }
    try tmux.start(command, width: 300, height: 100, environment: ["XDG_STATE_HOME": state.path + "/blocked"])
    try tmux.sendKeys("2")
    try #require(tmux.waitFor(timeout: 20) { Self.headerTitles($0).contains("Vendor") }.matched)
    try tmux.type("c")
    try tmux.sendKeys("Space")
    let noted = tmux.waitFor { $0.contains("column choice not saved to") }
    #expect(noted.matched, "no footer note:\n\(noted.screen)")
    try tmux.sendKeys("Enter")
    #expect(tmux.waitFor { !Self.headerTitles($0).contains("Category") && Self.headerTitles($0).contains("Vendor") }.matched,
            "the choice holds for this run")
    try tmux.type("q")
    #expect(tmux.waitFor { $0.contains("[exited 0]") }.matched)
  }
}
