/// The budget families of the OpenMetrics text: money in the currency's major units, exact, labelled
/// with the currency. Left out whole under `--redact-costs`.
extension SnapshotOpenMetricsWriter {
  func budget(_ budget: BudgetSummary, into text: inout OpenMetricsText) {
    let totals: [(String, Money?, String)] = [
      ("annual_planned", budget.totals.annualPlanned, "Planned amount of the whole fiscal year."),
      ("planned_ytd", budget.totals.plannedYTD, "Planned amount of the fiscal year's closed months to date."),
      ("actual_ytd", budget.totals.actualYTD, "Actual amount of the fiscal year's closed months to date."),
      ("forecast_year_end", budget.forecastYearEnd, "Forecast actual amount at the end of the fiscal year."),
      ("variance_at_completion", budget.varianceAtCompletion, "Annual planned amount minus the year-end forecast."),
      ("burn_rate", budget.burnRate, "Mean monthly actual amount over the last three closed months to date."),
      ("booked_ahead", budget.bookedAhead, "Actual amounts booked for months not yet closed."),
    ]
    for (figure, amount, help) in totals {
      text.family("imtop_budget_" + figure, help: help + " In the currency's major units.")
      text.sample(["currency": currency], text: money(amount))
    }
    text.family("imtop_budget_variance_ratio", help: "(Actual - planned) / planned of the fiscal year to date.")
    text.sample(budget.variancePct.map { $0 / 100 })
    text.family("imtop_budget_runway_months", help: "Months the rest of the annual plan lasts at the burn rate.")
    text.sample(budget.runwayMonths, decimals: 2)
    text.family("imtop_budget_ytd_months", help: "Closed months of the fiscal year counted to date.")
    text.sample(budget.ytdMonths.count)
    let slices: [(String, [String: BudgetFigures])] = [
      ("category", budget.byCategory), ("type", budget.byType), ("sourcing", budget.bySourcing), ("system", budget.bySystem),
    ]
    let figures: [(String, KeyPath<BudgetFigures, Money>, String)] = [
      ("annual_planned", \.annualPlanned, "Planned amount of the whole fiscal year"),
      ("planned_ytd", \.plannedYTD, "Planned amount to date"),
      ("actual_ytd", \.actualYTD, "Actual amount to date"),
    ]
    for (slice, map) in slices {
      for (figure, amount, help) in figures {
        text.family("imtop_budget_\(slice)_\(figure)", help: "\(help) by \(slice), in the currency's major units.")
        for key in map.keys.sorted() {
          text.sample([slice: key, "currency": currency], text: map[key].map { money($0[keyPath: amount]) } ?? nil)
        }
      }
    }
  }
}
