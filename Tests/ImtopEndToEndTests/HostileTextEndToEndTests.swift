import Foundation
import Testing

/// Names, messages and summaries that carry terminal control sequences, shown by the real binary in
/// tmux: the pane's title and tmux's clipboard stay untouched and the screen keeps its layout.
@Suite(.serialized, .enabled(if: EndToEnd.available, EndToEnd.skipReason))
struct HostileTextEndToEndTests {
  @Test func controlSequencesInTheDataNeverReachTheTerminal() throws {
    let data = try LiveDataDirectory()
    defer { data.remove() }
    // OSC title, OSC 52 clipboard, clear screen, a bidi override and a zero-width space, then a very
    // long name: written into the inventory (a quoted CSV field), a status message and an incident.
    let osc = "\u{1B}]0;PWNED\u{07}\u{1B}]52;c;UFdORUQ=\u{07}\u{1B}[2J\u{202E}evil\u{200B}"
    let inventory = data.url.appendingPathComponent("systems.csv")
    var systems = try String(contentsOf: inventory, encoding: .utf8)
    systems = systems.replacingOccurrences(of: "Citizen portal", with: "\"Portal \(osc)\"")
    systems = systems.replacingOccurrences(of: "ERP suite", with: String(repeating: "E", count: 3000))
    try Data(systems.utf8).write(to: inventory)
    let message = "msg \(osc)".replacingOccurrences(of: "\u{1B}", with: "\\u001b").replacingOccurrences(of: "\u{07}", with: "\\u0007")
    try data.append("{\"ts\":\"\(LiveDataDirectory.iso(Date()))\",\"system\":\"crm\",\"state\":\"down\",\"message\":\"\(message)\"}\n")

    let tmux = TmuxSession()
    defer { tmux.stop() }
    // imtop starts only after Enter, once tmux accepts OSC 52 from programs (so a leak would show
    // up as a paste buffer).
    try tmux.start("read go; \(EndToEnd.command(data))", width: 120, height: 40)
    try tmux.runCommands(["set-option -g set-clipboard on"])
    let titleBefore = tmux.paneTitle()
    try tmux.sendKeys("Enter")
    let first = tmux.waitFor { $0.contains("Systems 6") && $0.contains("Portal") }
    #expect(first.matched, "no frame with the hostile names:\n\(first.screen)")
    for page in ["2", "3", "1"] {
      try tmux.sendKeys(page)
      let screen = tmux.waitFor { $0.contains("Example Municipality IT") }
      #expect(screen.matched)
      let lines = screen.screen.split(separator: "\n", omittingEmptySubsequences: false)
      #expect(lines.prefix(40).allSatisfy { $0.count <= 120 }, "a line overflowed on page \(page)")
      #expect(!screen.screen.contains("PWNED") || screen.screen.contains("]0;PWNED"), "the title text is shown, not obeyed")
    }
    #expect(tmux.paneTitle() == titleBefore && !tmux.paneTitle().contains("PWNED"), "the pane title changed")
    #expect(!tmux.pasteBuffers().contains("PWNED") && tmux.pasteBuffers().isEmpty, "the clipboard was written")
    #expect(!tmux.capture().contains("[exited"))
  }
}
