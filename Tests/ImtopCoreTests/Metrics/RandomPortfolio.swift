import ImtopCore
import ImtopTestSupport

/// Random but valid organisations for the property tests: a few systems with dependencies, status
/// samples on a 5-minute grid (distinct instants per system, so file order never decides a tie),
/// incidents, budget lines around the fiscal year, compliance items and metric samples.
enum RandomPortfolio {
  static let now = utc(2026, 6, 15, 12)
  static let ids = ["a", "b", "c", "d", "e"]

  static func dataSet(_ rng: inout some RandomNumberGenerator) -> TestOrganisation {
    let count = Int.random(in: 1...ids.count, using: &rng)
    let chosen = Array(ids.prefix(count))
    let systems = chosen.map { id in
      SystemRecord(
        id: id, category: ["ERP", "", "Data"].randomElement(using: &rng) ?? "",
        sourcing: Sourcing.allCases.randomElement(using: &rng), owner: Bool.random(using: &rng) ? "Ops" : "",
        criticality: Bool.random(using: &rng) ? Int.random(in: 1...4, using: &rng) : nil,
        lifecycle: Lifecycle.allCases.randomElement(using: &rng), users: Int.random(in: -1...3, using: &rng),
        sla: Bool.random(using: &rng) ? 99 : nil,
        endOfSupport: LocalDate(year: 2026, month: 6, day: Int.random(in: 10...20, using: &rng)),
        dependsOn: (0..<Int.random(in: 0...2, using: &rng)).compactMap { _ in ids.randomElement(using: &rng) })
    }
    var status: [StatusSample] = []
    for id in chosen + ["ghost"] {
      var slots = Set<Int>()
      for _ in 0..<Int.random(in: 0...40, using: &rng) { slots.insert(Int.random(in: 0...600, using: &rng)) }
      for slot in slots {
        status.append(
          StatusSample(
            timestamp: now - .minutes(Int64(slot) * 5 - 100), system: id,
            state: [ServiceState.up, .up, .degraded, .down, .maintenance].randomElement(using: &rng) ?? .up,
            latencyMs: Bool.random(using: &rng) ? Double(Int.random(in: 1...500, using: &rng)) : nil))
      }
    }
    let incidents = (0..<Int.random(in: 0...8, using: &rng)).map { index in
      let opened = now - .minutes(Int64.random(in: -600...50_000, using: &rng))
      return Incident(
        id: "I\(index)", system: (chosen + ["ghost"]).randomElement(using: &rng) ?? "a",
        priority: Priority.allCases.randomElement(using: &rng) ?? .p1, opened: opened,
        acknowledged: Bool.random(using: &rng) ? opened + .minutes(Int64.random(in: 0...500, using: &rng)) : nil,
        resolved: Bool.random(using: &rng) ? opened + .minutes(Int64.random(in: 0...5000, using: &rng)) : nil)
    }
    let budget = (0..<Int.random(in: 0...15, using: &rng)).map { _ in budgetLine(&rng, systems: chosen) }
    let compliance = (0..<Int.random(in: 0...6, using: &rng)).map { index in
      ComplianceItem(
        id: "C\(index)", kind: ComplianceKind.allCases.randomElement(using: &rng) ?? .training,
        severity: Severity.allCases.randomElement(using: &rng) ?? .low,
        opened: now - .days(Int64.random(in: -2...60, using: &rng)),
        due: .date(LocalDate(year: 2026, month: 6, day: Int.random(in: 1...28, using: &rng))),
        closed: Bool.random(using: &rng) ? now - .hours(Int64.random(in: -50...900, using: &rng)) : nil)
    }
    var metricSlots = Set<Int>()
    for _ in 0..<Int.random(in: 0...10, using: &rng) { metricSlots.insert(Int.random(in: 0...2000, using: &rng)) }
    let metrics = metricSlots.map {
      MetricSample(
        timestamp: now - .hours(Int64($0) - 5), metric: "m", value: Double(Int.random(in: 0...100, using: &rng)))
    }
    var configuration = Configuration(fiscalYearStart: Int.random(in: 1...12, using: &rng))
    configuration.kpis = [KPIDefinition(name: "m", expression: "avg(metric('m'), 30d) / sum(metric('m'), 7d)")]
    return TestOrganisation(
      configuration: configuration, systems: systems, budget: budget, status: status, incidents: incidents,
      metrics: metrics, compliance: compliance)
  }

  static func budgetLine(_ rng: inout some RandomNumberGenerator, systems: [String]) -> BudgetLine {
    BudgetLine(
      period: YearMonth(year: 2026, month: 6).adding(months: Int.random(in: -14...14, using: &rng)),
      system: (systems.map { Optional($0) } + [nil, "unlisted"]).randomElement(using: &rng) ?? nil,
      category: BudgetCategory.allCases.randomElement(using: &rng) ?? .other,
      type: CostType.allCases.randomElement(using: &rng) ?? .opex,
      planned: Money(minorUnits: Int64.random(in: 0...1_000_000, using: &rng)),
      actual: Bool.random(using: &rng) ? Money(minorUnits: Int64.random(in: 0...1_000_000, using: &rng)) : nil)
  }

  /// The same data with every file's lines in another order.
  static func shuffled(_ dataSet: TestOrganisation, _ rng: inout some RandomNumberGenerator) -> TestOrganisation {
    var copy = dataSet
    copy.systems.shuffle(using: &rng)
    copy.budget.shuffle(using: &rng)
    copy.status.shuffle(using: &rng)
    copy.incidents.shuffle(using: &rng)
    copy.metrics.shuffle(using: &rng)
    copy.compliance.shuffle(using: &rng)
    return copy
  }
}
