import Testing
import ImtopCore
@testable import ImtopUI

/// The messages that carry the configuration, the terminal's capabilities and programmatic
/// navigation into `AppState` (the fields have no setters).
@Suite struct MessageTests {
  @Test func displaySettingsReplacePagesAndLeaveAPageThatIsGone() {
    var state = Fixtures.state(page: .overview)
    _ = state.update(.display(DisplaySettings(pages: [.budget, .kpis], staleAfter: .minutes(3), zone: .utc, rotateEvery: nil)))
    #expect(state.pages == [.budget, .kpis])
    #expect(state.page == .budget)
    #expect(state.staleAfter == .minutes(3))
    // An empty list keeps the pages; the page shown stays when it is still there.
    _ = state.update(.input(.key(.character("2"))))
    _ = state.update(.display(DisplaySettings(pages: [], staleAfter: .minutes(10), zone: .utc, rotateEvery: .seconds(5))))
    #expect(state.pages == [.budget, .kpis])
    #expect(state.page == .kpis)
    #expect(state.rotateEvery == .seconds(5))
  }

  @Test func theDrawingModeIsWhatTheMessageSays() {
    var state = Fixtures.state()
    #expect(state.drawingMode == .unicode)
    _ = state.update(.drawingMode(.blocks))
    #expect(state.drawingMode == .blocks)
    _ = state.update(.drawingMode(.ascii))
    #expect(state.drawingMode == .ascii)
  }

  @Test func showOpensAPageAndASystemsDetail() {
    var state = Fixtures.state(page: .overview)
    _ = state.update(.show(.systems, detail: "crm"))
    #expect(state.page == .systems)
    #expect(state.detailSystemID == "crm")
    #expect(state.selectedSystemID == "crm")
    _ = state.update(.show(.budget))
    #expect(state.page == .budget)
    #expect(state.detailSystemID == nil)
  }
}
