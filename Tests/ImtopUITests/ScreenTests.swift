import Foundation
import Testing
import ImtopCore
@testable import ImtopUI

/// Whole-screen behaviour that goldens do not show: styles, the footer while typing, and resizes.
@Suite struct ScreenTests {
  @Test func selectedRowIsHighlightedAcrossTheTable() {
    var state = Fixtures.state(page: .systems)
    _ = state.update(.input(.key(.down)))
    let buffer = state.view()
    // Body from row 2: border 2, header 3, first row 4, so the second row (selected) is y 5.
    #expect((1..<79).allSatisfy { buffer[$0, 5].background == .selection })
    #expect(buffer[5, 4].background == .background)
    // The selected system is the second by the default sort (worst first): an impacted one.
    #expect(buffer.line(5).contains(state.visibleSystems[1].record.displayName))
  }

  @Test func footerShowsTheFilterBeingTyped() {
    var state = Fixtures.state(page: .systems)
    _ = state.update(.input(.key(.character("/"))))
    for c in "wan" { _ = state.update(.input(.key(.character(c)))) }
    let footer = state.view().line(23)
    #expect(footer.hasPrefix(" Filter: wan_"))
    #expect(footer.hasSuffix("Enter keep · Esc clear "))
  }

  @Test func headerMarksStaleData() {
    var state = Fixtures.state()
    _ = state.update(.snapshot(Fixtures.snapshot(files: Fixtures.files(age: .minutes(20))), []))
    let buffer = state.view()
    #expect(buffer.line(0).contains("stale 20 min"))
    let start = buffer.line(0).range(of: "stale 20m").map { buffer.line(0).distance(from: buffer.line(0).startIndex, to: $0.lowerBound) }
    // The header row has no wide characters, so string offsets are columns.
    if let start { #expect(buffer[start, 0].foreground == .stale) }
  }

  @Test func failingFileIsNamedInItsPanels() {
    let snapshot = Fixtures.snapshot(files: Fixtures.files(failing: true))
    let text = ScreenRenderer.text(snapshot, page: .overview, size: Size(width: 120, height: 40))
    #expect(text.contains("permission denied"))
    #expect(text.contains("stale"))
  }

  @Test func resizeKeepsTheSelectionVisible() {
    var state = Fixtures.state(page: .systems, width: 120, height: 40)
    let systems = (0..<40).map { i in
      Fixtures.system(String(format: "s%02d", i), String(format: "Service %02d", i), "Data", nil, owner: "Ops", criticality: 2,
                      users: 1, sla: nil, state: .up, availability: 100, latency: 1)
    }
    _ = state.update(.snapshot(Fixtures.snapshot(systems: systems), []))
    _ = state.update(.input(.key(.end)))
    // 120x40: body 37 rows, table 35 inside the borders, 34 data rows: offset 40 - 34 = 6.
    #expect(state.systemsOffset == 6)
    _ = state.update(.input(.resize(Size(width: 80, height: 16))))
    // 80x16: body 13, table 11, 10 data rows: offset 40 - 10 = 30, and the last row is on screen.
    #expect(state.systemsOffset == 30)
    #expect(state.view().plainText().contains("Service 39"))
    // Forty rows in a ten-row table: the title says where the selection is.
    #expect(state.view().line(2).contains("Systems 40 · 40/40"))
  }

  @Test func waitingForDataBeforeTheFirstSnapshot() {
    let state = AppState(size: Size(width: 80, height: 24))
    let text = state.view().plainText()
    #expect(text.contains("Waiting for data"))
    #expect(text.contains("1 Overview"))
  }
}
