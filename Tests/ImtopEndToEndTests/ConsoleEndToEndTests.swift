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
