import Foundation
import ImtopUI
import Testing

@testable import ImtopTerminal
import ImtopTerminalTestSupport

/// `TerminalRunLoop` on a terminal that stops reading or goes away, on a recording backend: frames
/// never pile up, the newest state is drawn once the terminal reads again, a hang-up ends the loop.
@Suite(.timeLimit(.minutes(1)))
struct StalledTerminalTests {
  /// A program that neither ticks nor quits but on `q`.
  func quietProgram() -> RecordingProgram {
    var program = RecordingProgram()
    program.tickInterval = nil
    return program
  }

  func loop(
    _ program: RecordingProgram, on backend: RecordingBackend, mailbox: TerminalMailbox<String>? = nil
  ) throws -> TerminalRunLoop<RecordingProgram> {
    TerminalRunLoop(
      backend: backend, program: program, mailbox: try mailbox ?? TerminalMailbox<String>(), clock: backend.clock.function,
      outputStallTimeout: .seconds(1))
  }

  @Test func whileTheTerminalIsSlowNoFramePilesUpAndTheNewestIsDrawnAfter() throws {
    let backend = RecordingBackend(size: Size(width: 30, height: 6), script: [
      .blockOutput,
      .input([.key(.character("a"))]),  // drawn, waits for the terminal
      .input([.key(.character("b"))]), .input([.key(.character("c"))]),  // not drawn: one frame waits
      .elapse(.milliseconds(900)),  // under the stall timeout: nothing dropped
      .look { screen in screen.line(0).hasPrefix("events 1 ") ? [] : [.key(.character("!"))] },
      .unblockOutput,
    ])
    var shown: Buffer?
    backend.append(.look { screen in
      shown = screen
      return [.key(.character("q"))]
    })
    let loop = try loop(quietProgram(), on: backend)
    #expect(try loop.run() == 0)
    // The first frame, "a" (waited), then the newest state (b and c) once the terminal took "a".
    #expect(backend.mostPendingFrames == 1)
    #expect(backend.frames == 3)
    #expect(loop.statistics.framesDropped == 0 && backend.framesDropped == 0)
    #expect(loop.statistics.framesDeferred >= 2)
    var program = loop.program
    #expect(program.events.contains(.key(.character("!"))) == false)
    program.events.removeLast()
    #expect(shown == program.render(size: backend.size))
  }

  @Test func aFrameTheTerminalTakesNothingOfIsDroppedThenTheScreenIsRepaintedInFull() throws {
    let mailbox = try TerminalMailbox<String>(merge: { _, newer in newer })
    var waitingAfterPosts: [Int] = []
    let backend = RecordingBackend(size: Size(width: 30, height: 6), script: [
      .blockOutput,
      .input([.key(.character("a"))]),
      .elapse(.seconds(2)),  // the frame for "a" is dropped
      .look { _ in
        // 10,000 updates while the terminal reads nothing: one waits.
        for index in 1...10_000 { mailbox.post("update \(index)") }
        waitingAfterPosts.append(mailbox.counts.waiting)
        return [.key(.character("b"))]
      },
      .elapse(.seconds(30)),
    ])
    var duringStall: Buffer?
    var afterStall: Buffer?
    backend.append(
      .look { screen in
        duringStall = screen
        return []
      },
      .unblockOutput,
      .look { screen in
        afterStall = screen
        return [.key(.character("q"))]
      })
    let loop = try loop(quietProgram(), on: backend, mailbox: mailbox)
    #expect(try loop.run() == 0)
    #expect(waitingAfterPosts == [1])
    #expect(mailbox.counts.merged == 9_999)
    #expect(loop.program.messages == ["update 10000"])
    #expect(loop.statistics.framesDropped == 1 && backend.framesDropped == 1)
    #expect(backend.mostPendingFrames == 1)
    // Nothing was drawn while the terminal read nothing: the screen stayed unknown ("?").
    #expect(duringStall?.line(0).hasPrefix("??????") == true)
    // Then one frame repainted every cell, with the newest state.
    #expect(loop.statistics.fullRepaints == 1 && backend.fullRepaints == 1)
    var program = loop.program
    program.events.removeLast()
    #expect(afterStall == program.render(size: backend.size))
    #expect(afterStall?.line(0).hasPrefix("events 3 messages 1") == true)
  }

  @Test func aTerminalThatHangsUpEndsTheLoopWith129() throws {
    let backend = RecordingBackend(size: Size(width: 30, height: 6), script: [.input([.key(.character("a"))]), .hangUp])
    let loop = try loop(quietProgram(), on: backend)
    #expect(try loop.run() == 129)
    #expect(backend.isRestored)
    #expect(loop.program.events == [.resize(Size(width: 30, height: 6)), .key(.character("a"))])
  }

  @Test func aTerminalGoneWhileAFrameWaitsEndsTheLoopWith129() throws {
    let backend = RecordingBackend(size: Size(width: 30, height: 6), script: [
      .blockOutput, .input([.key(.character("a"))]), .hangUp,
    ])
    let loop = try loop(quietProgram(), on: backend)
    #expect(try loop.run() == 129)
    #expect(backend.isRestored)
  }
}
