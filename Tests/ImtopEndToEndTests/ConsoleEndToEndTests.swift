import Foundation
import ImtopTestSupport
import Testing

/// The dashboard on the terminals wall consoles and SSH sessions have: the Linux console, plain
/// xterm with 8 colours, 256 colours.
@Suite(.serialized, .enabled(if: EndToEnd.available, EndToEnd.skipReason))
struct ConsoleEndToEndTests {
  static let systemNames = ["ERP suite", "Citizen portal", "PostgreSQL", "Wide area", "Staff laptops"]

  /// The selected row (one of the systems' rows) looks different from the others, in colour or in
  /// reverse video, and its text is not drawn in its own background.
  @Test(arguments: ["high-contrast", "default"], ["linux", "xterm", "xterm-256color"])
  func theSelectedRowStandsOut(theme: String, term: String) throws {
    let data = try LiveDataDirectory()
    defer { data.remove() }
    let tmux = TmuxSession()
    defer { tmux.stop() }
    try tmux.start(EndToEnd.command(data) + " --theme \(theme)", width: 120, height: 40, environment: ["TERM": term])
    try #require(tmux.waitFor(timeout: 20) { screen in Self.systemNames.allSatisfy { screen.contains($0) } }.matched)
    let lines = SGRLine.lines(of: try tmux.tmux(["capture-pane", "-e", "-p", "-t", tmux.name]))
    let looks = Self.systemNames.compactMap { name in lines.lazy.compactMap { $0.look(at: name) }.first }
    try #require(looks.count == Self.systemNames.count)
    var counts: [SGRLine.Look: Int] = [:]
    for look in looks { counts[look, default: 0] += 1 }
    let selected = try #require(counts.first { $0.value == 1 }?.key, "\(theme) \(term): \(looks)")
    let normal = try #require(counts.first { $0.value == looks.count - 1 }?.key, "\(theme) \(term): \(looks)")
    #expect(selected != normal)
    for look in [selected, normal] {
      let shown = look.shown
      let bothDefault = look.foreground == "default" && look.background == "default"
      #expect(bothDefault || Self.colour(shown.foreground) != Self.colour(shown.background), "\(theme) \(term): \(look)")
    }
    if selected.reverse == normal.reverse {
      #expect(Self.colour(selected.shown.background) != Self.colour(normal.shown.background), "\(theme) \(term): \(selected) vs \(normal)")
    }
  }

  /// Under `TERM=linux` no page of the live demo draws braille (U+2800-U+28FF), which the
  /// console's fonts lack; box drawing stays. Elsewhere the overview's trends are braille.
  @Test(arguments: ["linux", "xterm-256color"])
  func theLinuxConsoleGetsNoBraille(term: String) throws {
    let tmux = TmuxSession()
    defer { tmux.stop() }
    let binary = TmuxSession.shellQuote(TmuxSession.imtopPath ?? "imtop")
    try tmux.start("\(binary) demo", width: 160, height: 48, environment: ["TERM": term])
    let pages: [(key: String, shows: (String) -> Bool)] = [
      // The overview's KPI tiles gone (a tall Systems page has an event feed of its own).
      ("2", { $0.contains("┌ Systems") && !$0.contains("Systems meeting SLA") }),
      ("3", { $0.contains("Planned vs actual") }),
      ("4", { $0.contains("┌ Obligations") }),
      ("5", { $0.contains("┌ KPIs ") && !$0.contains("┌ Obligations") }),
      ("6", { $0.contains("┌ Open incidents") }),
      ("1", { $0.contains("┌ Events") && $0.contains("Systems meeting SLA") }),
    ]
    try #require(tmux.waitFor(timeout: 30) { $0.contains("Harbour City Council") && $0.contains("┌ Events") }.matched)
    for page in pages {
      try tmux.sendKeys(page.key)
      let screen = tmux.waitFor(timeout: 20, page.shows)
      try #require(screen.matched, "page \(page.key): \(screen.screen)")
      let braille = screen.screen.unicodeScalars.filter { (0x2800...0x28FF).contains($0.value) }
      if term == "linux" {
        #expect(braille.isEmpty, "page \(page.key) under TERM=linux: \(screen.screen)")
      } else if page.key == "1" {
        #expect(!braille.isEmpty, "the overview's trends under TERM=\(term): \(screen.screen)")
      }
    }
    try tmux.sendKeys("q")
    #expect(tmux.waitFor(timeout: 20) { $0.contains("[exited 0]") }.matched)
  }

  /// Ctrl-Z in the dashboard started from an interactive shell: the pane leaves the alternate
  /// screen and shows the shell's prompt with the cursor visible; `fg` brings the dashboard back
  /// whole, and it still answers keys. SIGTSTP from outside does the same.
  @Test(arguments: [false, true])
  func jobControlStopsAndContinuesTheDashboard(externalSignal: Bool) throws {
    let data = try LiveDataDirectory()
    defer { data.remove() }
    let tmux = TmuxSession()
    defer { tmux.stop() }
    try tmux.start("PS1='shell> ' bash --norc --noprofile -i", width: 120, height: 40)
    try #require(tmux.waitFor(timeout: 20) { $0.contains("shell>") }.matched)
    try tmux.type(EndToEnd.command(data))
    try tmux.sendKeys("Enter")
    let header = "Example Municipality IT"
    try #require(tmux.waitFor(timeout: 20) { $0.contains(header) && $0.contains("ERP suite") }.matched)
    #expect(tmux.alternateScreenOn())

    if externalSignal {
      let pid = try #require(EndToEnd.pid(of: data))
      kill(pid, SIGTSTP)
    } else {
      try tmux.sendKeys("C-z")
    }
    let stopped = tmux.waitFor(timeout: 20) { screen in
      screen.contains("Stopped") && screen.split(separator: "\n").last { !$0.isEmpty }?.hasPrefix("shell>") == true
    }
    #expect(stopped.matched, "\(stopped.screen)")
    #expect(!tmux.alternateScreenOn())
    #expect(tmux.cursorVisible())
    #expect(!stopped.screen.contains("ERP suite"))

    try tmux.type("fg")
    try tmux.sendKeys("Enter")
    let back = tmux.waitFor(timeout: 20) { $0.contains(header) && $0.contains("ERP suite") }
    #expect(back.matched, "\(back.screen)")
    #expect(tmux.alternateScreenOn())
    try tmux.sendKeys("2")
    #expect(tmux.waitFor(timeout: 20) { $0.contains("Latency") }.matched)
    try tmux.sendKeys("q")
    #expect(tmux.waitFor(timeout: 20) { !$0.contains(header) && $0.contains("shell>") }.matched)
    #expect(!tmux.alternateScreenOn())
  }

  /// A UTF-8 locale the machine does not have (an SSH session forwarding the client's) keeps the
  /// symbols; a locale whose character set is ASCII draws in ASCII and says once how to get them.
  @Test(arguments: ["xx_YY.UTF-8", "C"])
  func theLocaleDecidesTheSymbols(lang: String) throws {
    let data = try LiveDataDirectory()
    defer { data.remove() }
    let tmux = TmuxSession()
    defer { tmux.stop() }
    try tmux.start(EndToEnd.command(data), width: 120, height: 40, environment: ["LANG": lang, "LC_ALL": ""])
    let screen = tmux.waitFor(timeout: 20) { $0.contains("Systems 6") && $0.contains("ERP suite") }
    try #require(screen.matched, "\(screen.screen)")
    let note = "set LANG=C.UTF-8 for symbols"
    if lang == "C" {
      let nonASCII = screen.screen.unicodeScalars.filter { !$0.isASCII }
      #expect(nonASCII.isEmpty, "\(screen.screen)")
      #expect(screen.screen.contains(note), "\(screen.screen)")
      try tmux.sendKeys("2")
      #expect(tmux.waitFor(timeout: 20) { !$0.contains(note) && $0.contains("q quit") }.matched)
    } else {
      #expect(screen.screen.contains("┌ Systems 6") && screen.screen.contains("● up"), "\(screen.screen)")
      #expect(!screen.screen.contains(note))
    }
    try tmux.sendKeys("q")
    #expect(tmux.waitFor(timeout: 20) { $0.contains("[exited 0]") }.matched)
  }

  /// An SGR colour reduced to what it shows: `97` and `38;5;15` are the same bright white.
  static func colour(_ code: String) -> String {
    if let value = Int(code) {
      switch value {
      case 30...37: return "\(value - 30)"
      case 40...47: return "\(value - 40)"
      case 90...97: return "\(value - 90 + 8)"
      case 100...107: return "\(value - 100 + 8)"
      default: return code
      }
    }
    if code.hasPrefix("38;5;") || code.hasPrefix("48;5;") { return String(code.dropFirst(5)) }
    return code
  }
}
