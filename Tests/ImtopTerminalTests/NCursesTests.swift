import Foundation
import ImtopUI
import Testing

@testable import ImtopTerminal
import ImtopTerminalTestSupport

/// The real ncurses path through `newterm` on a pseudo-terminal. ncurses keeps global state, so every
/// test that opens a screen lives in this one serialized suite (its extensions included) and restores
/// the screen (`endwin` + `delscreen`) before the next starts.
@Suite(.serialized)
struct NCursesTests {
  static let theme = Theme(
    name: "test",
    styles: [
      .normal: Style(foreground: .ansi(7)),
      .crit: Style(foreground: .rgb(255, 0, 0), attributes: .bold),
      .selection: Style(foreground: .ansi(0), background: .ansi(6)),
    ]
  )

  /// Opens a screen on a fresh pseudo-terminal, runs `body`, and always restores the screen.
  func withScreen(
    size: Size = Size(width: 40, height: 10), terminalName: String = "xterm-256color",
    environment: [String: String] = [:],
    _ body: (TerminalScreen, PseudoTerminal) throws -> Void
  ) throws {
    let terminal = try PseudoTerminal(size: size)
    let screen = try TerminalScreen(options: terminal.screenOptions(terminalName: terminalName, environment: environment))
    defer { screen.restore() }
    try body(screen, terminal)
  }

  /// Counts non-overlapping occurrences of `needle` in `haystack`.
  func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> Int {
    guard !needle.isEmpty, haystack.count >= needle.count else { return 0 }
    var count = 0
    var index = 0
    while index + needle.count <= haystack.count {
      if Array(haystack[index..<index + needle.count]) == needle {
        count += 1
        index += needle.count
      } else {
        index += 1
      }
    }
    return count
  }

  @Test func opensWithTheTerminalSizeAndCapabilities() throws {
    try withScreen(size: Size(width: 37, height: 11)) { screen, _ in
      #expect(screen.size == Size(width: 37, height: 11))
      #expect(screen.capabilities.colorDepth == .palette256)
      #expect(screen.capabilities.colors == 256)
      #expect(screen.capabilities.colorPairs == 65_536)
      #expect(screen.capabilities.isUTF8)
    }
  }

  @Test func eightColourTerminalDegradesInsteadOfFailing() throws {
    try withScreen(terminalName: "xterm") { screen, _ in
      #expect(screen.capabilities.colorDepth == .eight)
      #expect(screen.capabilities.colorPairs == 64)
    }
  }

  @Test func noColorGivesAttributesOnly() throws {
    try withScreen(environment: ["NO_COLOR": "1"]) { screen, terminal in
      #expect(screen.capabilities.colorDepth == ColorDepth.none)
      var frame = Buffer(size: screen.size)
      frame.put("DOWN", x: 0, y: 0, foreground: .crit)
      frame.put("row", x: 0, y: 1, background: .selection)
      screen.draw(frame, theme: Self.theme)
      // crit: the theme's bold plus the monochrome emphasis (bold, underline); selection: reverse.
      let crit = try #require(screen.inspect(x: 0, y: 0))
      #expect(crit.text == "D")
      #expect(crit.attributes == [.bold, .underline])
      #expect(crit.foreground == -1 && crit.background == -1)
      #expect(screen.inspect(x: 0, y: 1)?.attributes == [.reverse])
      let bytes = try #require(terminal.drainOutput())
      // SGR colour sequences (ESC [ 3x / 4x / 38; / 48;) never appear without colour.
      #expect(occurrences(of: Array("\u{1B}[38;".utf8), in: bytes) == 0)
      #expect(occurrences(of: Array("\u{1B}[31m".utf8), in: bytes) == 0)
    }
  }

  @Test func unknownTerminalTypeIsAClearError() throws {
    let terminal = try PseudoTerminal(size: Size(width: 20, height: 5))
    #expect(throws: TerminalError.unknownTerminalType("imtop-no-such-terminal")) {
      _ = try TerminalScreen(options: terminal.screenOptions(terminalName: "imtop-no-such-terminal"))
    }
    let message = TerminalError.unknownTerminalType("imtop-no-such-terminal").description
    #expect(message.contains("imtop-no-such-terminal") && message.contains("TERM"))
  }

  @Test func unsetTerminalTypeIsAClearError() throws {
    let terminal = try PseudoTerminal(size: Size(width: 20, height: 5))
    var options = terminal.screenOptions()
    options.terminalName = nil
    options.environment = [:]
    #expect(throws: TerminalError.terminalTypeUnset) { _ = try TerminalScreen(options: options) }
    options.environment = ["TERM": ""]
    #expect(throws: TerminalError.terminalTypeUnset) { _ = try TerminalScreen(options: options) }
  }

  @Test func refusesWhenInputOrOutputIsNotATerminal() throws {
    var ends: [Int32] = [-1, -1]
    #expect(pipe(&ends) == 0)
    defer {
      close(ends[0])
      close(ends[1])
    }
    let terminal = try PseudoTerminal(size: Size(width: 20, height: 5))
    var options = terminal.screenOptions()
    options.outputDescriptor = ends[1]
    #expect(throws: TerminalError.notATerminal) { _ = try TerminalScreen(options: options) }
    options = terminal.screenOptions()
    options.inputDescriptor = ends[0]
    #expect(throws: TerminalError.notATerminal) { _ = try TerminalScreen(options: options) }
    #expect(TerminalError.notATerminal.exitStatus == 2)
    #expect(TerminalError.notATerminal.description.contains("imtop snapshot"))
  }
}
