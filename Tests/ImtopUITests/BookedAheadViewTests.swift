import Testing
import ImtopCore
@testable import ImtopUI

/// Actuals booked for months that have not closed show apart from the year-to-date figures.
@Suite struct BookedAheadViewTests {
  func state(_ page: PageName, width: Int, height: Int, bookedAhead: Money, redact: Bool = false) -> AppState {
    var snapshot = Fixtures.snapshot()
    snapshot.budget.bookedAhead = bookedAhead
    var state = Fixtures.state(page: page, width: width, height: height, redactCosts: redact)
    _ = state.update(.snapshot(snapshot, []))
    return state
  }

  @Test func theYearEndPanelEndsWithTheBookedAheadSum() {
    let buffer = state(.budget, width: 80, height: 24, bookedAhead: Fixtures.euros(12_400)).view()
    // 80×24: the year-end panel is x 0...29 and ends at y 22; its last row (y 21) holds the sum.
    #expect(String(buffer.line(21).prefix(30)) == "│Booked ahead         €12,400│")
    #expect((22...28).allSatisfy { buffer[$0, 21].foreground == .warn })
    #expect(buffer[21, 21].foreground != .warn)
    #expect(buffer[1, 21].foreground == .muted)
  }

  @Test func nothingBookedAheadIsAMutedZeroOnTheBudgetPage() {
    let buffer = state(.budget, width: 80, height: 24, bookedAhead: .zero).view()
    #expect(String(buffer.line(21).prefix(30)) == "│Booked ahead              €0│")
    #expect(buffer[28, 21].foreground == .muted)
  }

  @Test func theOverviewShowsTheSumOnlyWhenThereIsOne() {
    let booked = state(.overview, width: 120, height: 40, bookedAhead: Fixtures.euros(12_400)).view()
    #expect((0..<40).contains { booked.line($0).contains("│Booked ahead                     €12,400│") })
    let none = state(.overview, width: 120, height: 40, bookedAhead: .zero).view()
    #expect(!(0..<40).contains { none.line($0).contains("Booked ahead") })
  }

  @Test func redactionHidesTheSum() {
    let buffer = state(.budget, width: 80, height: 24, bookedAhead: Fixtures.euros(12_400), redact: true).view()
    let row = String(buffer.line(21).prefix(30))
    #expect(row.hasPrefix("│Booked ahead"))
    #expect(!row.contains("12"))
  }
}
