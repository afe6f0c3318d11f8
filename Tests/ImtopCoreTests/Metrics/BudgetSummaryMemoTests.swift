import Testing
import ImtopTestSupport

@testable import ImtopCore

/// The engine's budget summaries are kept between recomputations (`BudgetSummaryMemo`), and the
/// figures are still those of the input alone.
@Suite struct BudgetSummaryMemoTests {
  let input = MetricsOrg.dataSet.engineInput(at: MetricsOrg.now)

  /// The budget KPI's trend needs one summary a day: today's and those of the 13 days before.
  /// Recomputed five minutes later, the same day, with the same data: none computed again.
  @Test func aRecomputationTheSameDayReusesEveryBudgetSummary() {
    let engine = MetricEngine()
    _ = engine.snapshot(of: input, at: MetricsOrg.now)
    #expect(engine.budgetMemo.computed == 14)
    let later = MetricsOrg.now + .minutes(5)
    let again = engine.snapshot(of: input, at: later)
    #expect(engine.budgetMemo.computed == 14)
    let fresh = MetricEngine().snapshot(of: input, at: later)
    #expect(again.budget == fresh.budget && again.kpis == fresh.kpis)
  }

  /// Lines that changed (a re-read `budget.csv`) are computed afresh: the figures follow them.
  @Test func changedLinesAreComputedAfresh() {
    let engine = MetricEngine()
    let before = engine.snapshot(of: input, at: MetricsOrg.now)
    var changed = input
    for index in changed.budget.indices {
      changed.budget[index].actual = changed.budget[index].actual.map { Money(minorUnits: $0.minorUnits * 3) }
    }
    let after = engine.snapshot(of: changed, at: MetricsOrg.now)
    #expect(after.budget != before.budget)
    let fresh = MetricEngine().snapshot(of: changed, at: MetricsOrg.now)
    #expect(after.budget == fresh.budget && after.kpis == fresh.kpis)
    // Counted again from the lines that changed: the 14 days once more.
    #expect(engine.budgetMemo.computed == 14)
  }
}
