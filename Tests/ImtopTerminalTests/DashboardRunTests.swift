import Foundation
import ImtopCore
import ImtopTestSupport
import ImtopUI
import Testing

@testable import ImtopTerminal
import ImtopTerminalTestSupport

/// The whole dashboard (`DashboardProgram` in `TerminalRunLoop`) on a recording backend: clicks and
/// keys chosen from what the screen shows, as a user would, with no pseudo-terminal.
@Suite(.timeLimit(.minutes(1)))
struct DashboardRunTests {
  /// 40 systems, S00 to S39, all up.
  static let systems = Dictionary(uniqueKeysWithValues: (0..<40).map { (String(format: "s%02d", $0), ServiceState.up) })

  /// Runs the dashboard on `backend` with the 40 systems posted before it starts; the program as it ended.
  func run(on backend: RecordingBackend) throws -> DashboardProgram {
    let clock = ManualClock(DashboardProgramTests.start)
    let program = DashboardProgram(
      configuration: Configuration(), overrides: .init(), catalog: ThemeCatalog(), clock: clock, requestReread: {})
    let mailbox = try TerminalMailbox<DashboardMessage>()
    var update = DashboardProgramTests.update(Self.systems, at: clock.now)
    update.snapshot.data.missingKinds = []  // every file present, so the pages draw their tables
    mailbox.post(DashboardMessage(update: update))
    let loop = TerminalRunLoop(backend: backend, program: program, mailbox: mailbox)
    #expect(try loop.run() == 0)
    return loop.program
  }

  /// A left click on the first cell of `text` on screen, if it shows.
  static func click(_ text: String, in screen: Buffer) -> [InputEvent] {
    for y in 0..<screen.size.height {
      let line = screen.line(y)
      if let range = line.range(of: text) {
        return [.mouse(MouseEvent(button: .left, x: line.distance(from: line.startIndex, to: range.lowerBound), y: y))]
      }
    }
    return []
  }

  @Test func aClickOnATabAndARowOfALargeScreenBeforeAnyResize() throws {
    // 160×48 from the start, never resized: the layout must be the screen's, not 80×24.
    let backend = RecordingBackend(size: Size(width: 160, height: 48), script: [
      .input([]),  // the snapshot arrives
      .look { Self.click("Systems", in: $0) },
      // S30 is far below row 24 on the Systems page.
      .look { Self.click("S30 ", in: $0) },
      .input([.key(.character("q"))]),
    ])
    let dashboard = try run(on: backend)
    #expect(dashboard.state.page == .systems)
    #expect(dashboard.state.selectedSystemID == "s30")
    #expect(dashboard.state.size == Size(width: 160, height: 48))
  }

  @Test func pageDownMovesToTheLastRowShown() throws {
    var lastShown: String?
    let backend = RecordingBackend(size: Size(width: 160, height: 48), script: [
      .input([.key(.character("2"))]),
      .look { screen in
        // The last system row on screen before the key.
        lastShown = (0..<screen.size.height).reversed().lazy.compactMap { y in
          screen.line(y).range(of: #"S\d\d "#, options: .regularExpression).map { String(screen.line(y)[$0].dropLast()) }
        }.first
        return [.key(.pageDown)]
      },
      .input([.key(.character("q"))]),
    ])
    let dashboard = try run(on: backend)
    let shown = try #require(lastShown)
    #expect(dashboard.state.selectedSystemID == shown.lowercased())
    // On 160×48 that is far more than an 80×24 table's 18 rows.
    #expect(Int(shown.dropFirst()) ?? 0 > 30)
  }

  /// Ctrl-L repaints every cell (something else wrote over the screen), changing nothing else.
  @Test func controlLRepaintsTheWholeScreen() throws {
    var before: Buffer?
    let backend = RecordingBackend(size: Size(width: 100, height: 30), script: [
      .input([]),  // the snapshot arrives
      .look { screen in
        before = screen
        return [.key(.control("l"))]
      },
      .input([.key(.character("q"))]),
    ])
    let dashboard = try run(on: backend)
    #expect(backend.fullRepaints == 1)
    #expect(backend.screen.plainText() == before?.plainText())
    #expect(dashboard.state.page == .overview)
  }

  @Test func aTerminalWithoutUTF8GetsASCII() throws {
    let backend = RecordingBackend(
      size: Size(width: 100, height: 30), capabilities: RecordingBackend.capabilities(isUTF8: false),
      script: [.input([]), .input([.key(.character("q"))])])
    let dashboard = try run(on: backend)
    #expect(dashboard.state.drawingMode == .ascii)
    #expect(backend.screen.cells.allSatisfy { $0.grapheme.unicodeScalars.allSatisfy(\.isASCII) })
    #expect(backend.screen.plainText().contains("S00"))
  }
}
