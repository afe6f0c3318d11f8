import ImtopCore
import ImtopTestSupport
import Testing

@testable import ImtopUI

/// Big screens: more systems columns as the width allows, the column chooser (`c`), KPI names
/// whole, and panels taking the height a short table leaves.
@Suite struct BigScreenTests {
  /// The column titles in the systems table's header row.
  static func headerTitles(_ text: String) -> [String] {
    let titles = SystemTableColumn.choosable.map(\.title) + [SystemColumn.status.title, SystemColumn.name.title]
    return ScreenText.headerTitles(text, panel: "┌ Systems ", titles: titles)
  }

  @Test func wideScreensOfferTheExtraColumnsAndNarrowOnesStayAsTheyWere() {
    var backend = TestBackend(width: 300, height: 100)
    let wide = backend.draw(Fixtures.state(page: .systems, width: 300, height: 100)).plainText()
    let titles = Self.headerTitles(wide)
    #expect(titles.count >= 9, "\(titles)")
    for title in ["Vendor", "Kind", "End of support", "Avail 24h", "Avail 7d", "Avail 30d", "Outages 30d", "Last seen", "Owner"] {
      #expect(titles.contains(title), "\(title) missing at 300 columns: \(titles)")
    }
    var small = TestBackend(width: 80, height: 24)
    let narrow = Self.headerTitles(small.draw(Fixtures.state(page: .systems)).plainText())
    #expect(!narrow.contains("Vendor") && !narrow.contains("Avail 24h") && narrow.count < titles.count)
  }

  @Test func cOpensTheChooserSpaceHidesAColumnAndTheChoiceGoesOut() {
    var state = Fixtures.state(page: .systems, width: 300, height: 100)
    state.press(.character("c"))
    #expect(state.columnChooser == 0)
    var backend = TestBackend(width: 300, height: 100)
    let open = backend.draw(state).plainText()
    #expect(open.contains("[x] Vendor") && open.contains("[x] Trend"))
    let vendor = SystemTableColumn.choosable.firstIndex(of: .data(.vendor)) ?? 0
    for _ in 0..<vendor { state.press(.down) }
    let commands = state.update(.input(.key(.character(" "))))
    #expect(commands == [.hiddenColumnsChanged([.data(.vendor)])])
    #expect(backend.draw(state).plainText().contains("[ ] Vendor"))
    // Keys go to the chooser while it is open: `s` does not sort, Enter closes.
    state.press(.character("s"))
    #expect(state.sortColumn == .status)
    state.press(.enter)
    #expect(state.columnChooser == nil)
    let closed = backend.draw(state).plainText()
    #expect(!Self.headerTitles(closed).contains("Vendor"))
    #expect(Self.headerTitles(closed).contains("Kind"))
    // The sort skips the hidden column.
    while state.sortColumn != .sourcing { state.press(.character("s")) }
    state.press(.character("s"))
    #expect(state.sortColumn == .owner)
  }

  @Test func theStateFileSChoiceArrivesAsAMessageAndTheSortColumnAlwaysShows() {
    var state = Fixtures.state(page: .systems, width: 300, height: 100)
    _ = state.update(.hiddenColumns([.data(.owner), .data(.kind)]))
    var backend = TestBackend(width: 300, height: 100)
    #expect(!Self.headerTitles(backend.draw(state).plainText()).contains("Owner"))
    while state.sortColumn != .sourcing { state.press(.character("s")) }
    _ = state.update(.hiddenColumns([.data(.sourcing)]))
    #expect(Self.headerTitles(backend.draw(state).plainText()).contains("Sourcing"))
  }

  @Test func theChooserFitsTheSmallestScreenAndWorksWithoutAMouse() {
    var state = Fixtures.state(page: .systems, width: 60, height: 16)
    state.press(.character("c"))
    var backend = TestBackend(width: 60, height: 16)
    let text = backend.draw(state).plainText()
    for column in SystemTableColumn.choosable {
      #expect(text.contains(column.title) || text.contains(String(column.title.prefix(8))), "\(column.title) not in the chooser")
    }
    // A click leaves it open; Esc closes it; `c` elsewhere than the Systems page does nothing.
    _ = state.update(.input(.mouse(MouseEvent(button: .left, x: 2, y: 1))))
    #expect(state.columnChooser != nil)
    state.press(.escape)
    #expect(state.columnChooser == nil)
    state.press(.character("1"))
    state.press(.character("c"))
    #expect(state.columnChooser == nil)
  }

  @Test func kpiTilesAreWideEnoughForTheirNamesWhileTheHeightAllows() {
    // At 170 columns seven tiles would fit in one row at their narrowest, cutting the longer names;
    // the KPIs page has the height for two rows of whole names.
    var backend = TestBackend(width: 170, height: 48)
    let lines = backend.draw(Fixtures.state(page: .kpis, width: 170, height: 48)).plainText().split(separator: "\n")
    let tiles = lines.drop { !$0.hasPrefix("└") }.joined(separator: "\n")
    for kpi in Fixtures.snapshot().kpis { #expect(tiles.contains("┌ \(kpi.definition.name) "), "\(kpi.definition.name) cut") }
  }

  @Test func aTallOverviewGivesTheRowsAShortTableLeavesToObligationsAndResolvedIncidents() {
    var backend = TestBackend(width: 300, height: 100)
    let text = backend.draw(Fixtures.state(page: .overview, width: 300, height: 100)).plainText()
    #expect(text.contains("┌ Obligations"))
    #expect(text.contains("┌ Resolved in the last 30 days"))
    // Every KPI's name whole on its tile.
    for kpi in Fixtures.snapshot().kpis { #expect(text.contains("┌ \(kpi.definition.name) "), "\(kpi.definition.name) cut") }
    // At 80x24 the overview keeps its panels as they were.
    var small = TestBackend(width: 80, height: 24)
    let narrow = small.draw(Fixtures.state(page: .overview)).plainText()
    #expect(!narrow.contains("Obligations") && !narrow.contains("Resolved in the last"))
  }
}
