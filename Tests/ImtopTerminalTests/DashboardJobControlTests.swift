import Foundation
import ImtopCore
import ImtopTerminalTestSupport
import ImtopTestSupport
import ImtopUI
import Testing

@testable import ImtopTerminal

/// Job control on the run loop: Ctrl-Z and SIGTSTP give the terminal back for a stop, SIGCONT takes
/// it again; the screen is repainted in full after either (the shell drew over it meanwhile).
extension DashboardRunTests {
  @Test func controlZSuspendsAndRepaintsTheWholeScreenOnceContinued() throws {
    var before: Buffer?
    let backend = RecordingBackend(size: Size(width: 100, height: 30), script: [
      .input([]),  // the snapshot arrives
      .look { screen in
        before = screen
        return [.key(.control("z"))]
      },
      .input([.key(.character("q"))]),
    ])
    let dashboard = try run(on: backend)
    #expect(backend.suspensions == 1)
    #expect(backend.fullRepaints == 1)
    #expect(backend.screen.plainText() == before?.plainText())
    #expect(dashboard.state.page == .overview)
  }

  @Test(arguments: [(SIGTSTP, 1), (SIGCONT, 0)] as [(Int32, Int)])
  func aStopSignalSuspendsAndAContinueRepaints(signal: Int32, suspensions: Int) throws {
    let backend = RecordingBackend(size: Size(width: 100, height: 30), script: [
      .input([]),
      .signal(signal),
      .input([.key(.character("2"))]),
      .input([.key(.character("q"))]),
    ])
    let dashboard = try run(on: backend)
    #expect(backend.suspensions == suspensions)
    #expect(backend.resumptions == 1)
    #expect(backend.fullRepaints == 1)
    // The loop went on: the key after the signal was handled, and `q` ended it with status 0.
    #expect(dashboard.state.page == .systems)
  }

  @Test func kioskModeIgnoresControlZ() {
    let clock = ManualClock(DashboardProgramTests.start)
    var kiosk = DashboardProgramTests().program(kiosk: true, clock: clock)
    #expect(kiosk.handle(.key(.control("z"))) == .unchanged)
    var dashboard = DashboardProgramTests().program(clock: clock)
    #expect(dashboard.handle(.key(.control("z"))) == .suspend)
  }
}
