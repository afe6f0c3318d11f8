import Testing
import ImtopTestSupport

@testable import ImtopCore

/// What the inventory alone decides is kept between recomputations (`InventoryMemo`), and the
/// figures are still those of the input alone.
@Suite struct InventoryMemoTests {
  let input = MetricsOrg.dataSet.engineInput(at: MetricsOrg.now)

  @Test func aRecomputationWithTheSameInventoryReusesItsFigures() {
    let engine = MetricEngine()
    _ = engine.snapshot(of: input, at: MetricsOrg.now)
    #expect(engine.inventoryMemo.computed == 1)
    let later = MetricsOrg.now + .minutes(5)
    // The same records read again: a new array, equal to the one kept.
    var reread = input
    reread.systems = input.systems.map { $0 }
    let again = engine.snapshot(of: reread, at: later)
    #expect(engine.inventoryMemo.computed == 1)
    let fresh = MetricEngine().snapshot(of: reread, at: later)
    #expect(again.systems == fresh.systems && again.portfolio == fresh.portfolio && again.kpis == fresh.kpis)
  }

  /// Records that changed (a dependency loop and a category written in) are worked out afresh: the
  /// dependants, the loops and the portfolio's counts follow them.
  @Test func aChangedInventoryIsWorkedOutAfresh() throws {
    let engine = MetricEngine()
    let before = engine.snapshot(of: input, at: MetricsOrg.now)
    try #require(input.systems.count >= 2)
    var changed = input
    let first = changed.systems[0].id
    let second = changed.systems[1].id
    changed.systems[0].dependsOn = [second]
    changed.systems[1].dependsOn = [first]
    changed.systems[1].category = "Written in"
    let after = engine.snapshot(of: changed, at: MetricsOrg.now)
    #expect(engine.inventoryMemo.computed == 2)
    #expect(after.systems[0].dependencyCycle == [first, second])
    #expect(after.systems[0].dependants.contains(second) && !before.systems[0].dependants.contains(second))
    #expect(after.portfolio.byCategory["Written in"] == 1)
    #expect(after.portfolio != before.portfolio)
    let fresh = MetricEngine().snapshot(of: changed, at: MetricsOrg.now)
    #expect(after.systems == fresh.systems && after.portfolio == fresh.portfolio && after.kpis == fresh.kpis)
  }
}
