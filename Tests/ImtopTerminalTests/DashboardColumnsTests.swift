import ImtopCore
import ImtopTerminalTestSupport
import ImtopTestSupport
import ImtopUI
import Foundation
import Testing

@testable import ImtopTerminal

/// The column choice reaches the program's saver, and a saver that fails says so once in the footer.
@Suite struct DashboardColumnsTests {
  final class Saved: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [Set<SystemTableColumn>] = []
    func append(_ hidden: Set<SystemTableColumn>) { lock.withLock { list.append(hidden) } }
    var choices: [Set<SystemTableColumn>] { lock.withLock { list } }
  }

  func dashboard(hidden: Set<SystemTableColumn> = [], failing: Bool, saved: Saved) -> DashboardProgram {
    DashboardProgram(
      configuration: Configuration(), overrides: .init(), catalog: ThemeCatalog(), clock: ManualClock(DashboardProgramTests.start),
      requestReread: {}, hiddenColumns: hidden,
      saveColumns: { hidden in
        saved.append(hidden)
        return failing ? "column choice not saved to /nowhere/imtop/columns: Read-only file system" : nil
      })
  }

  @Test func theChoiceStartsFromTheSavedOneAndEveryToggleIsSaved() {
    let saved = Saved()
    var program = dashboard(hidden: [.trend], failing: false, saved: saved)
    #expect(program.state.hiddenColumns == [.trend])
    _ = program.handle(.key(.character("2")))
    _ = program.handle(.key(.character("c")))
    _ = program.handle(.key(.character(" ")))
    #expect(saved.choices == [[.trend, SystemTableColumn.choosable[0]]])
    #expect(program.state.footerNote == nil)
  }

  @Test func aStateFolderThatCannotBeWrittenIsNotedOnceInTheFooter() {
    let saved = Saved()
    var program = dashboard(failing: true, saved: saved)
    _ = program.handle(.key(.character("2")))
    _ = program.handle(.key(.character("c")))
    _ = program.handle(.key(.character(" ")))
    #expect(program.state.footerNote?.contains("not saved") == true)
    #expect(program.render(size: Size(width: 120, height: 30)).line(29).contains("column choice not saved"))
    _ = program.handle(.key(.character(" ")))
    #expect(program.state.footerNote == nil, "said once")
    #expect(saved.choices.count == 2)
  }
}
