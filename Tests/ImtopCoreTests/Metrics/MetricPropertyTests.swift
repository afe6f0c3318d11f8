import ImtopCore
import PropertyBased
import Testing
import ImtopTestSupport

/// Properties that hold for any data, checked on random organisations.
@Suite struct MetricPropertyTests {
  static let portfolios = Generator<TestOrganisation, Shrink.None<TestOrganisation>>(run: { rng in RandomPortfolio.dataSet(&rng) })

  static let shuffledPairs = Generator<(TestOrganisation, TestOrganisation), Shrink.None<(TestOrganisation, TestOrganisation)>>(run: { rng in
    let original = RandomPortfolio.dataSet(&rng)
    return (original, RandomPortfolio.shuffled(original, &rng))
  })

  func snapshot(_ dataSet: TestOrganisation) -> Snapshot {
    let now = RandomPortfolio.now
    return MetricEngine(trendPoints: 3).snapshot(of: dataSet.engineInput(at: now), at: now)
  }

  @Test func availabilityAndCoverageStayWithinZeroToHundred() async {
    await propertyCheck(input: Self.portfolios) { dataSet in
      for system in snapshot(dataSet).systems {
        for window in Window.allCases {
          if let availability = system.availability[window] { #expect((0...100).contains(availability)) }
          #expect((0...100).contains(system.coverage[window]))
        }
      }
    }
  }

  @Test func splittingAWindowKeepsEveryStateTime() async {
    await propertyCheck(input: Self.portfolios, Gen.int(in: 1...3000), Gen.int(in: 0...3000)) { dataSet, total, cut in
      let split = min(cut, total)
      let now = RandomPortfolio.now
      let input = dataSet.engineInput(at: now)
      for timeline in input.timelines.values {
        let whole = timeline.durations(over: .minutes(Int64(total)), at: now)
        let recent = timeline.durations(over: .minutes(Int64(total - split)), at: now)
        let older = timeline.durations(over: .minutes(Int64(split)), at: now - .minutes(Int64(total - split)))
        #expect(whole.up == recent.up + older.up)
        #expect(whole.down == recent.down + older.down)
        #expect(whole.degraded == recent.degraded + older.degraded)
        #expect(whole.maintenance == recent.maintenance + older.maintenance)
      }
    }
  }

  @Test func budgetBreakdownsAddUpToTheTotals() async {
    await propertyCheck(input: Self.portfolios) { dataSet in
      let budget = snapshot(dataSet).budget
      for breakdown in [budget.byCategory, budget.byType, budget.bySourcing, budget.bySystem] {
        var sum = BudgetFigures()
        for figures in breakdown.values {
          sum.annualPlanned += figures.annualPlanned
          sum.plannedYTD += figures.plannedYTD
          sum.actualYTD += figures.actualYTD
        }
        #expect(sum == budget.totals)
      }
      #expect(budget.months.reduce(Money.zero) { $0 + $1.planned } == budget.totals.annualPlanned)
      let ytdActual = budget.months.filter { budget.ytdMonths.contains($0.month) }.reduce(Money.zero) {
        $0 + ($1.actual ?? .zero)
      }
      #expect(ytdActual == budget.totals.actualYTD)
    }
  }

  @Test func reorderingTheLinesOfAnyFileChangesNoFigure() async {
    await propertyCheck(input: Self.shuffledPairs) { pair in
      let first = snapshot(pair.0)
      let second = snapshot(pair.1)
      #expect(first.budget == second.budget)
      #expect(first.incidents.open == second.incidents.open)
      #expect(first.incidents.mttrMinutes == second.incidents.mttrMinutes)
      #expect(first.incidents.mttaMinutes == second.incidents.mttaMinutes)
      #expect(Set(first.incidents.openList.map(\.id)) == Set(second.incidents.openList.map(\.id)))
      #expect(first.compliance == second.compliance)
      #expect(first.portfolio == second.portfolio)
      #expect(first.kpis.map(\.value) == second.kpis.map(\.value))
      #expect(first.kpis.map(\.trend) == second.kpis.map(\.trend))
      let secondByID = Dictionary(second.systems.map { ($0.id, $0) }, uniquingKeysWith: { one, _ in one })
      #expect(first.systems.count == second.systems.count)
      for system in first.systems {
        guard var other = secondByID[system.id] else {
          Issue.record("\(system.id) missing after shuffling")
          continue
        }
        #expect(Set(system.dependants) == Set(other.dependants))
        other.dependants = system.dependants
        #expect(system == other, "\(system.id)")
      }
    }
  }
}
