import Foundation
import ImtopUI
import Testing

@testable import ImtopTerminal
import ImtopTerminalTestSupport

extension NCursesTests {
  /// Runs `program` on a fresh pseudo-terminal until it quits; the exit status, the program as it
  /// ended, and everything the terminal received.
  /// The loop on the real ncurses screen; its logic is tested on a recording backend (RunLoopTests).
  func run(
    _ program: RecordingProgram, size: Size = Size(width: 40, height: 10),
    before: (PseudoTerminal, TerminalMailbox<String>) -> Void = { _, _ in }
  ) throws -> (status: Int32, program: RecordingProgram, output: [UInt8], screen: TerminalScreen) {
    let terminal = try PseudoTerminal(size: size)
    let screen = try TerminalScreen(options: terminal.screenOptions())
    let mailbox = try TerminalMailbox<String>()
    let loop = TerminalRunLoop(backend: screen, program: program, mailbox: mailbox)
    before(terminal, mailbox)
    let status = try loop.run()
    let output = try #require(terminal.drainOutput())
    return (status, loop.program, output, screen)
  }

  @Test func loopDeliversKeysUntilQuitAndRestoresTheTerminal() throws {
    let result = try run(RecordingProgram()) { terminal, _ in terminal.type("ab\u{1B}OAq") }
    #expect(result.status == 0)
    // The screen's size first, then the keys.
    #expect(result.program.events == [
      .resize(Size(width: 40, height: 10)), .key(.character("a")), .key(.character("b")), .key(.up), .key(.character("q")),
    ])
    #expect(result.program.capabilities?.colorDepth == .palette256)
    #expect(result.screen.isRestored)
    // The first frame was drawn, after the resize that gives the program the size; on the way out
    // the cursor is shown again (cnorm) and the alternate screen left (rmcup).
    #expect(occurrences(of: Array("events 1 messages 0".utf8), in: result.output) == 1)
    #expect(occurrences(of: Array("\u{1B}[?25h".utf8), in: result.output) >= 1)
    #expect(occurrences(of: Array("\u{1B}[?1049l".utf8), in: result.output) == 1)
  }

  @Test func loopDeliversMessagesFromOtherThreads() throws {
    let result = try run(RecordingProgram()) { _, mailbox in
      let poster = Thread {
        for index in 1...50 { mailbox.post("message \(index)") }
        mailbox.post("quit")
      }
      poster.start()
    }
    #expect(result.status == 0)
    // All 50 in order, then the one that quit.
    #expect(result.program.messages == (1...50).map { "message \($0)" } + ["quit"])
  }

  @Test func droppingTheScreenRestoresTheTerminal() throws {
    let terminal = try PseudoTerminal(size: Size(width: 20, height: 5))
    do {
      let screen = try TerminalScreen(options: terminal.screenOptions())
      var frame = Buffer(size: screen.size)
      frame.put("x", x: 0, y: 0)
      screen.draw(frame, theme: Self.theme)
    }
    let output = try #require(terminal.drainOutput())
    #expect(occurrences(of: Array("\u{1B}[?1049l".utf8), in: output) == 1)
  }
}
