extension BudgetSummary {
  /// The budget figures of `fiscalYear`, with `today` the date of `now` in the organisation's zone.
  ///
  /// Only closed months can be year-to-date: an actual booked for the current month or a later one
  /// is "booked ahead" and counts in no figure but `bookedAhead`, so that early bookings on the first
  /// of a month cannot make that month YTD while the month before is still unbooked (README, "Budget").
  ///
  /// Sums stay exact in minor units; only the ratios (variance, forecast, burn, runway) go through
  /// floating point, and the money among them is rounded half away from zero to a minor unit.
  public init(lines: [BudgetLine], systems: [SystemRecord], fiscalYear: FiscalYear, today: LocalDate) {
    let inYear = lines.filter { fiscalYear.contains($0.period) }
    let closed = inYear.filter { $0.period.hasClosed(on: today) }
    let lastBooked = closed.filter { $0.actual != nil }.map(\.period).max()
    let ytdMonths = lastBooked.map { last in fiscalYear.months.filter { $0 <= last } } ?? []
    let ytd = Set(ytdMonths)
    let bookedAhead = inYear.filter { $0.isBookedAhead(on: today) }.reduce(Money.zero) { $0 + ($1.actual ?? .zero) }

    // Only the systems the lines name: a KPI trend builds this summary at every point, and a
    // portfolio of 50,000 systems with a budget of a few hundred lines should not cost 50,000 looks.
    let named = Set(inYear.compactMap(\.system))
    var sourcingOf: [String: String] = [:]
    if !named.isEmpty {
      for record in systems where named.contains(record.id) && sourcingOf[record.id] == nil {
        sourcingOf[record.id] = record.sourcing?.rawValue ?? "unknown"
      }
    }
    var totals = BudgetFigures()
    var byCategory: [String: BudgetFigures] = [:]
    var byType: [String: BudgetFigures] = [:]
    var bySourcing: [String: BudgetFigures] = [:]
    var bySystem: [String: BudgetFigures] = [:]
    var monthPlanned: [YearMonth: Money] = [:]
    var monthActual: [YearMonth: Money] = [:]
    for line in inYear {
      let isYTD = ytd.contains(line.period)
      totals.add(line, isYTD: isYTD)
      byCategory[line.category.rawValue, default: BudgetFigures()].add(line, isYTD: isYTD)
      byType[line.type.rawValue, default: BudgetFigures()].add(line, isYTD: isYTD)
      let sourcing = line.system.map { sourcingOf[$0] ?? "unknown" } ?? "shared"
      bySourcing[sourcing, default: BudgetFigures()].add(line, isYTD: isYTD)
      bySystem[line.system ?? "shared", default: BudgetFigures()].add(line, isYTD: isYTD)
      monthPlanned[line.period, default: .zero] += line.planned
      // A booked-ahead actual stays out of the month's bar too: it is shown apart.
      if let actual = line.actual, !line.isBookedAhead(on: today) { monthActual[line.period, default: .zero] += actual }
    }

    let planned = totals.plannedYTD.minorUnits
    let actual = totals.actualYTD.minorUnits
    let annual = totals.annualPlanned.minorUnits
    let hasRatio = !ytdMonths.isEmpty && planned != 0
    let forecast = hasRatio ? Money.rounding(Double(annual) * Double(actual) / Double(planned)) : nil
    let burnMonths = ytdMonths.suffix(3)
    let burnTotal = burnMonths.reduce(Money.zero) { $0 + (monthActual[$1] ?? .zero) }.minorUnits
    self.init(
      ytdMonths: ytdMonths, totals: totals,
      variancePct: hasRatio ? (Double(actual) - Double(planned)) / Double(planned) * 100 : nil,
      forecastYearEnd: forecast,
      varianceAtCompletion: forecast.map { totals.annualPlanned - $0 },
      burnRate: burnMonths.isEmpty ? nil : Money.rounding(Double(burnTotal) / Double(burnMonths.count)),
      runwayMonths: burnTotal == 0 || burnMonths.isEmpty
        ? nil : (Double(annual) - Double(actual)) * Double(burnMonths.count) / Double(burnTotal),
      byCategory: byCategory, byType: byType, bySourcing: bySourcing, bySystem: bySystem,
      months: fiscalYear.months.map {
        MonthFigures(month: $0, planned: monthPlanned[$0] ?? .zero, actual: monthActual[$0])
      },
      bookedAhead: bookedAhead)
  }
}

extension BudgetFigures {
  /// Adds a line: to the annual plan always, to the year-to-date figures when its month is YTD.
  mutating func add(_ line: BudgetLine, isYTD: Bool) {
    annualPlanned += line.planned
    guard isYTD else { return }
    plannedYTD += line.planned
    actualYTD += line.actual ?? .zero
  }
}

extension Money {
  /// The nearest amount in minor units (halves away from zero); nil for a non-finite or huge value.
  static func rounding(_ minorUnits: Double) -> Money? {
    let rounded = minorUnits.rounded(.toNearestOrAwayFromZero)
    guard rounded.isFinite, abs(rounded) < 9.0e18 else { return nil }
    return Money(minorUnits: Int64(rounded))
  }
}
