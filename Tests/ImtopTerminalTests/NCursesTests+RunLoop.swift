import Foundation
import ImtopUI
import Testing

@testable import ImtopTerminal

extension NCursesTests {
  /// Runs `program` on a fresh pseudo-terminal until it quits; the exit status, the program as it
  /// ended, and everything the terminal received.
  func run(
    _ program: RecordingProgram, size: Size = Size(width: 40, height: 10), handleSignals: Bool = false,
    before: (PseudoTerminal, TerminalMailbox<String>) -> Void = { _, _ in }
  ) throws -> (status: Int32, program: RecordingProgram, output: [UInt8], screen: TerminalScreen) {
    let terminal = try PseudoTerminal(size: size)
    var options = terminal.screenOptions()
    options.handleSignals = handleSignals
    let screen = try TerminalScreen(options: options)
    let mailbox = try TerminalMailbox<String>()
    let loop = TerminalRunLoop(screen: screen, program: program, mailbox: mailbox)
    before(terminal, mailbox)
    let status = try loop.run()
    let output = try #require(terminal.drainOutput())
    return (status, loop.program, output, screen)
  }

  @Test func loopDeliversKeysUntilQuitAndRestoresTheTerminal() throws {
    let result = try run(RecordingProgram()) { terminal, _ in terminal.type("ab\u{1B}OAq") }
    #expect(result.status == 0)
    #expect(result.program.events == [.key(.character("a")), .key(.character("b")), .key(.up), .key(.character("q"))])
    #expect(result.program.capabilities?.colorDepth == .palette256)
    #expect(result.screen.isRestored)
    // The first frame was drawn; on the way out the cursor is shown again (cnorm) and the
    // alternate screen left (rmcup).
    #expect(occurrences(of: Array("events 0 messages 0".utf8), in: result.output) == 1)
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

  @Test func loopTicksOnTheClock() throws {
    var program = RecordingProgram()
    program.tickInterval = .milliseconds(5)
    program.quitAfterTicks = 3
    let result = try run(program)
    #expect(result.status == 0)
    #expect(result.program.ticks == 3)
    #expect(result.program.events.isEmpty)
  }

  @Test func terminationSignalRestoresAndExitsWith128PlusSignal() throws {
    var program = RecordingProgram()
    program.onStart = { kill(getpid(), SIGTERM) }
    let result = try run(program, handleSignals: true)
    // SIGTERM is 15: 128 + 15.
    #expect(result.status == 143)
    #expect(result.screen.isRestored)
    #expect(occurrences(of: Array("\u{1B}[?1049l".utf8), in: result.output) == 1)
  }

  @Test func windowChangeSignalBecomesAResizeEvent() throws {
    var program = RecordingProgram()
    program.quitOnResize = true
    var terminal: PseudoTerminal?
    program.onStart = {
      terminal?.resize(to: Size(width: 61, height: 17))
      kill(getpid(), SIGWINCH)
    }
    let result = try run(program, handleSignals: true) { pseudoTerminal, _ in terminal = pseudoTerminal }
    #expect(result.status == 0)
    #expect(result.program.events == [.resize(Size(width: 61, height: 17))])
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
