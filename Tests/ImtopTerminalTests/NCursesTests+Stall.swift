import Foundation
import ImtopUI
import Testing

@testable import ImtopTerminal
import ImtopTerminalTestSupport

extension NCursesTests {
  @Test(.timeLimit(.minutes(1)))
  func aTerminalClosedWithoutSIGHUPEndsTheLoopWith129() throws {
    let terminal = try PseudoTerminal(size: Size(width: 40, height: 10))
    let screen = try TerminalScreen(options: terminal.screenOptions())
    let loop = TerminalRunLoop(backend: screen, program: RecordingProgram(), mailbox: try TerminalMailbox<String>())
    terminal.hangUp()
    // It used to return from poll at once forever (POLLHUP), a busy loop.
    #expect(try loop.run() == 129)
    #expect(screen.isRestored)
  }

  /// The real ncurses path on a pseudo-terminal whose reader stops: the loop keeps taking states
  /// (it used to block in write), drops the frame the terminal took nothing of, and once the reader
  /// reads again repaints the whole screen with the newest state.
  @Test(.timeLimit(.minutes(2)))
  func aReaderThatStopsGetsTheNewestStateWhenItReadsAgain() throws {
    let size = Size(width: 120, height: 40)
    let terminal = try PseudoTerminal(size: size)
    let options = terminal.screenOptions()
    let mailbox = try TerminalMailbox<Int>(merge: { _, newer in newer })
    let record = FloodRecord()
    Thread {
      do {
        let screen = try TerminalScreen(options: options)
        let loop = TerminalRunLoop(
          backend: ObservedBackend(screen, record: record), program: FloodProgram(record: record), mailbox: mailbox,
          outputStallTimeout: .milliseconds(200))
        record.ended(try loop.run(), loop.statistics)
      } catch {
        record.ended(-1, .init())
      }
    }.start()
    // Nobody reads: 40 states of about 5 kB each, far more than the pseudo-terminal holds. Each is
    // taken by the loop (the deadlines are generous, not measured).
    for state in 1...40 {
      mailbox.post(state)
      try #require(record.wait(seconds: 30) { $0.latestState == state }, "the loop stopped taking states at \(state - 1)")
    }
    mailbox.post(1_000)
    try #require(record.wait(seconds: 30) { $0.latestState == 1_000 })
    try #require(record.wait(seconds: 30) { $0.framesDropped >= 1 }, "no frame was dropped")

    // The reader comes back: after the reset that ends the dropped frame, every row of the newest state.
    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    let newest = (0..<size.height).map { Array(FloodProgram.token(row: $0, state: 1_000).dropLast().utf8) }
    func showsNewest() -> Bool {
      guard let reset = output.lastIndex(of: 0x18) else { return false }
      let after = Array(output[reset...])
      return occurrences(of: Array("\u{1B}[2J".utf8), in: after) == 1 && newest.allSatisfy { occurrences(of: $0, in: after) >= 1 }
    }
    let deadline = Date().addingTimeInterval(60)
    while !showsNewest() && Date() < deadline {
      let count = chunk.withUnsafeMutableBytes { read(terminal.masterDescriptor, $0.baseAddress, $0.count) }
      if count > 0 {
        output.append(contentsOf: chunk[0..<count])
      } else {
        var ready = pollfd(fd: terminal.masterDescriptor, events: Int16(POLLIN), revents: 0)
        _ = poll(&ready, 1, 100)
      }
    }
    #expect(showsNewest(), "the newest state was not drawn after the stall")
    mailbox.post(-1)
    // Reading on, so the restore's bytes go too.
    try #require(record.wait(seconds: 30) { record in
      _ = chunk.withUnsafeMutableBytes { read(terminal.masterDescriptor, $0.baseAddress, $0.count) }
      return record.end != nil
    })
    let end = try #require(record.end)
    #expect(end.status == 0)
    #expect(end.statistics.framesDropped >= 1)
    #expect(end.statistics.fullRepaints >= 1)
  }
}
