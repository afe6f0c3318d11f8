import ImtopCore
import ImtopTestSupport
import Testing
@testable import ImtopUI

/// Every page of a snapshot whose every figure is extreme (past `UInt64.max`, infinite, NaN,
/// negative) draws at the common terminal sizes: no trap, no row wider than the screen, and no
/// twenty-digit number where a compact form belongs.
@Suite struct ExtremeValueScreenTests {
  static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60)]

  /// The fixture with each system, KPI and budget figure replaced by one of the extreme values.
  static func extremeSnapshot() -> Snapshot {
    var snapshot = Fixtures.snapshot()
    let values = ExtremeValues.doubles
    let amounts = ExtremeValues.integers
    for index in snapshot.systems.indices {
      let value = values[index % values.count]
      snapshot.systems[index].latencyMs = value
      snapshot.systems[index].mtbfHours30d = values[(index + 3) % values.count]
      snapshot.systems[index].availability = Windowed(day: value, week: -value, month: values[(index + 1) % values.count])
      snapshot.systems[index].coverage = Windowed(day: value, week: value, month: value)
      snapshot.systems[index].latencySeries = values.map { $0 }
      snapshot.systems[index].tcoYTD = Money(minorUnits: amounts[index % amounts.count])
      snapshot.systems[index].costPerUserYTD = Money(minorUnits: amounts[(index + 1) % amounts.count])
      snapshot.systems[index].outages30d = index.isMultiple(of: 2) ? .max : .min
      snapshot.systems[index].openIncidents = .max
      snapshot.systems[index].record.users = .max
      snapshot.systems[index].record.sla = values[(index + 5) % values.count]
    }
    snapshot.kpis = snapshot.kpis.indices.map { index in
      var kpi = snapshot.kpis[index]
      kpi.value = values[index % values.count]
      kpi.definition.target = values[(index + 8) % values.count]
      kpi.definition.warn = values[(index + 9) % values.count]
      kpi.definition.crit = values[(index + 10) % values.count]
      kpi.trend = values.map { $0 }
      return kpi
    } + [Fixtures.kpi("Probe latency", 18_446_744_073_709_551_615, "ms", .lower, target: 1e20, warn: 1e21, crit: 1e22, .crit)]
    let huge = Money(minorUnits: .max), hugeNegative = Money(minorUnits: .min)
    snapshot.budget.totals = BudgetFigures(annualPlanned: huge, plannedYTD: hugeNegative, actualYTD: huge)
    snapshot.budget.variancePct = .infinity
    snapshot.budget.runwayMonths = .nan
    snapshot.budget.forecastYearEnd = hugeNegative
    snapshot.budget.varianceAtCompletion = huge
    snapshot.budget.burnRate = hugeNegative
    snapshot.budget.months = snapshot.budget.months.enumerated().map { index, month in
      MonthFigures(month: month.month, planned: index.isMultiple(of: 2) ? huge : hugeNegative, actual: huge)
    }
    snapshot.budget.byCategory = ["license": BudgetFigures(annualPlanned: huge, plannedYTD: Money(minorUnits: 1), actualYTD: huge),
                                  "staff": BudgetFigures(annualPlanned: hugeNegative, plannedYTD: hugeNegative, actualYTD: huge)]
    snapshot.compliance.onTimeClosurePct = -.infinity
    snapshot.compliance.oldestOverdueDays = .max
    snapshot.incidents.mttrMinutes = Windowed(day: .infinity, week: 1e300, month: .nan)
    snapshot.incidents.mttaMinutes = Windowed(day: -1e300, week: .greatestFiniteMagnitude, month: nil)
    snapshot.portfolio.dataQualityPct = 18_446_744_073_709_551_615
    return snapshot
  }

  static func state(page: PageName, size: Size, detail: String? = nil) -> AppState {
    var state = AppState(size: size, themeNames: ["default"])
    _ = state.update(.tick(Fixtures.now))
    _ = state.update(.snapshot(extremeSnapshot(), Fixtures.events))
    _ = state.update(.show(page, detail: detail))
    return state
  }

  @Test(arguments: PageName.allCases)
  func everyPageAtEverySize(page: PageName) {
    for size in Self.sizes {
      for detail in page == .systems ? [nil] + Fixtures.systems.map(\.id) : [nil] {
        let buffer = Self.state(page: page, size: size, detail: detail).view()
        #expect(buffer.size == size)
        #expect(buffer.cells.count == size.width * size.height)
        let lines = buffer.plainText(trimmingTrailingSpaces: false).split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines {
          #expect(SafeText.width(String(line)) <= size.width, "\(page) \(size) \(line)")
          let digits = line.split { !$0.isNumber }.map(\.count).max() ?? 0
          #expect(digits <= 16, "\(page) \(size) \(detail ?? "") \(line)")
        }
      }
    }
  }

  @Test func compactFormsReachTheScreen() {
    let systems = Self.state(page: .systems, size: Size(width: 200, height: 60)).view().plainText()
    #expect(systems.contains("1.8e19"))
    let kpis = Self.state(page: .kpis, size: Size(width: 200, height: 60)).view().plainText()
    #expect(kpis.contains("1.8e19 ms"))
    #expect(kpis.contains("inf"))
  }
}
