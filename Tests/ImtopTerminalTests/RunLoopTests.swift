import Foundation
import ImtopUI
import Testing

@testable import ImtopTerminal
import ImtopTerminalTestSupport

/// `TerminalRunLoop` on a recording backend: input, resizes and signals come from a script, and the
/// changes it sends are applied to a buffer, which must end up equal to the program's last frame.
@Suite(.timeLimit(.minutes(1)))
struct RunLoopTests {
  /// Runs `program` on `backend` until it quits; the exit status and the program as it ended.
  func run(
    _ program: RecordingProgram, on backend: RecordingBackend, before: (TerminalMailbox<String>) -> Void = { _ in }
  ) throws -> (status: Int32, program: RecordingProgram) {
    let mailbox = try TerminalMailbox<String>()
    let loop = TerminalRunLoop(backend: backend, program: program, mailbox: mailbox)
    before(mailbox)
    let status = try loop.run()
    return (status, loop.program)
  }

  @Test func theRealSizeArrivesBeforeTheFirstFrameThenKeysUntilQuit() throws {
    let backend = RecordingBackend(size: Size(width: 50, height: 12), script: [
      .look { screen in
        // The first frame is drawn by now, at the terminal's size, after the resize.
        screen.line(0).hasPrefix("events 1 ") ? [.key(.character("a")), .key(.up)] : []
      },
      .input([.key(.character("q"))]),
    ])
    let result = try run(RecordingProgram(), on: backend)
    #expect(result.status == 0)
    #expect(result.program.events == [.resize(Size(width: 50, height: 12)), .key(.character("a")), .key(.up), .key(.character("q"))])
    #expect(result.program.capabilities?.terminalName == "recording")
    #expect(backend.isRestored)
  }

  @Test func workWaitingForTheFirstFrameStartsOnceItIsSent() throws {
    let backend = RecordingBackend(size: Size(width: 50, height: 12), script: [.input([.key(.character("q"))])])
    let mailbox = try TerminalMailbox<String>()
    var framesWhenStarted: [Int] = []
    let loop = TerminalRunLoop(
      backend: backend, program: RecordingProgram(), mailbox: mailbox,
      afterFirstFrame: { framesWhenStarted.append(backend.frames) })
    #expect(try loop.run() == 0)
    // Called once, with the first frame already handed to the terminal.
    #expect(framesWhenStarted == [1])
  }

  @Test func theChangesSentRebuildEveryFrame() throws {
    var frames: [Buffer] = []
    let expectLastFrame: (Buffer) -> [InputEvent] = { screen in
      frames.append(screen)
      return [.key(.character("x"))]
    }
    // Keys, a theme switch (every cell again), a resize (a blank screen, every cell again), keys.
    let backend = RecordingBackend(size: Size(width: 30, height: 6), script: [
      .look(expectLastFrame), .input([.key(.character("t"))]), .look(expectLastFrame),
      .resize(Size(width: 24, height: 5)), .look(expectLastFrame), .input([.key(.character("q"))]),
    ])
    let result = try run(RecordingProgram(), on: backend)
    #expect(result.status == 0)
    #expect(frames.count == 3)
    #expect(backend.themeName == RecordingProgram.otherTheme.name)
    #expect(backend.screen.size == Size(width: 24, height: 5))
    // What the backend shows is what the program renders now (the frame before the final q).
    var program = result.program
    program.events.removeLast()
    #expect(backend.screen == program.render(size: backend.size))
    #expect(frames.last?.line(1).contains("24x5") == true)
  }

  @Test func anUnchangedFrameSendsNothing() throws {
    let backend = RecordingBackend(size: Size(width: 30, height: 6), script: [.input([]), .input([]), .input([.key(.character("q"))])])
    var program = RecordingProgram()
    program.tickInterval = nil
    _ = try run(program, on: backend)
    // The first frame, and none for the two wake-ups without input.
    #expect(backend.frames == 1)
  }

  @Test func messagesFromOtherThreadsArriveInOrder() throws {
    var program = RecordingProgram()
    program.tickInterval = nil
    let result = try run(program, on: RecordingBackend(size: Size(width: 30, height: 6))) { mailbox in
      Thread {
        for index in 1...50 { mailbox.post("message \(index)") }
        mailbox.post("quit")
      }.start()
    }
    #expect(result.status == 0)
    #expect(result.program.messages == (1...50).map { "message \($0)" } + ["quit"])
  }

  @Test func theClockTicks() throws {
    var program = RecordingProgram()
    program.tickInterval = .milliseconds(5)
    program.quitAfterTicks = 3
    let result = try run(program, on: RecordingBackend(size: Size(width: 30, height: 6)))
    #expect(result.status == 0)
    #expect(result.program.ticks == 3)
    #expect(result.program.events == [.resize(Size(width: 30, height: 6))])
  }

  @Test(arguments: [(SIGTERM, 143), (SIGINT, 130), (SIGHUP, 129)] as [(Int32, Int32)])
  func aTerminationSignalRestoresAndExitsWith128PlusTheSignal(signal: Int32, status: Int32) throws {
    let backend = RecordingBackend(size: Size(width: 30, height: 6), script: [.signal(signal)])
    let result = try run(RecordingProgram(), on: backend)
    #expect(result.status == status)
    #expect(backend.isRestored)
  }

  @Test func aWindowChangeBecomesAResizeAndARepaint() throws {
    var program = RecordingProgram()
    program.quitOnResizeTo = Size(width: 61, height: 17)
    let backend = RecordingBackend(size: Size(width: 40, height: 10), script: [.resize(Size(width: 61, height: 17))])
    let result = try run(program, on: backend)
    #expect(result.status == 0)
    #expect(result.program.events == [.resize(Size(width: 40, height: 10)), .resize(Size(width: 61, height: 17))])
  }
}
