import FuzzSupport
import ImtopCore
import ImtopUI

/// How the render harness turns bytes into a snapshot, feed events and messages, and draws.
enum FuzzScreens {
  /// The small data set's figures, computed once.
  static let base: Snapshot = FuzzDataSet.engine.snapshot(of: FuzzDataSet.input(configuration: Configuration()), at: FuzzDataSet.now)

  static let states: [ServiceState] = [.up, .degraded, .down, .maintenance, .unknown]

  /// The base snapshot with up to 40 systems and every figure taken from the bytes.
  static func snapshot(from input: inout FuzzBytes) -> Snapshot {
    var snapshot = base
    let template = snapshot.systems.first
    let count = Int(input.byte()) % 41
    if let template {
      snapshot.systems = (0..<count).map { index in
        var system = template
        system.record.id = input.byte() % 4 == 0 ? "sys\(index)" : input.text(limit: 24)
        system.record.name = input.text()
        system.record.vendor = input.text(limit: 20)
        system.record.category = input.text(limit: 12)
        system.record.sla = input.optionalDouble()
        system.record.users = input.byte() % 3 == 0 ? nil : Int(truncatingIfNeeded: input.integer())
        system.record.criticality = input.byte() % 3 == 0 ? nil : Int(truncatingIfNeeded: input.integer())
        system.record.dependsOn = (0..<Int(input.byte() % 3)).map { _ in input.text(limit: 10) }
        system.state = states[Int(input.byte()) % states.count]
        system.silent = input.byte() % 5 == 0
        system.lastMessage = input.byte() % 2 == 0 ? nil : input.text(limit: 80)
        system.lastSample = input.byte() % 4 == 0 ? nil : Timestamp(milliseconds: input.integer())
        system.availability = Windowed(day: input.optionalDouble(), week: input.optionalDouble(), month: input.optionalDouble())
        system.coverage = Windowed(day: input.double(), week: input.double(), month: input.double())
        system.outages30d = Int(truncatingIfNeeded: input.integer())
        system.mtbfHours30d = input.optionalDouble()
        system.latencyMs = input.optionalDouble()
        system.latencySeries = (0..<Int(input.byte() % 50)).map { _ in input.optionalDouble() }
        system.openIncidents = Int(truncatingIfNeeded: input.integer())
        system.tcoYTD = Money(minorUnits: input.integer())
        system.costPerUserYTD = input.byte() % 2 == 0 ? nil : Money(minorUnits: input.integer())
        system.belowSLA = input.byte() % 2 == 0
        system.pastEndOfSupport = input.byte() % 2 == 0
        system.impactedVia = input.byte() % 4 == 0 ? input.text(limit: 10) : nil
        system.history = StateHistory(entries: (0..<Int(input.byte() % 6)).map { _ in
          let start = Timestamp(milliseconds: input.integer())
          return StateHistory.Entry(
            state: states[Int(input.byte()) % states.count], from: states[Int(input.byte()) % states.count], start: start,
            end: input.byte() % 2 == 0 ? nil : Timestamp(milliseconds: input.integer()), message: input.text(limit: 30))
        })
        return system
      }
    }
    snapshot.kpis = snapshot.kpis.map { kpi in
      var kpi = kpi
      kpi.definition.name = input.byte() % 2 == 0 ? kpi.definition.name : input.text(limit: 30)
      kpi.definition.unit = input.text(limit: 6)
      kpi.value = input.optionalDouble()
      kpi.definition.target = input.optionalDouble()
      kpi.definition.warn = input.optionalDouble()
      kpi.definition.crit = input.optionalDouble()
      kpi.trend = (0..<Int(input.byte() % 20)).map { _ in input.optionalDouble() }
      kpi.error = input.byte() % 6 == 0 ? input.text(limit: 60) : nil
      return kpi
    }
    snapshot.budget.totals = BudgetFigures(
      annualPlanned: Money(minorUnits: input.integer()), plannedYTD: Money(minorUnits: input.integer()),
      actualYTD: Money(minorUnits: input.integer()))
    snapshot.budget.variancePct = input.optionalDouble()
    snapshot.budget.runwayMonths = input.optionalDouble()
    snapshot.budget.forecastYearEnd = Money(minorUnits: input.integer())
    snapshot.budget.burnRate = Money(minorUnits: input.integer())
    snapshot.incidents.mttrMinutes = Windowed(day: input.optionalDouble(), week: input.optionalDouble(), month: input.optionalDouble())
    snapshot.incidents.mttaMinutes = Windowed(day: input.optionalDouble(), week: input.optionalDouble(), month: input.optionalDouble())
    snapshot.compliance.onTimeClosurePct = input.optionalDouble()
    snapshot.portfolio.dataQualityPct = input.optionalDouble()
    snapshot.organization.name = input.text()
    snapshot.organization.currency = input.text(limit: 4)
    return snapshot
  }

  static func events(from input: inout FuzzBytes) -> [FeedEvent] {
    (0..<Int(input.byte() % 8)).map { _ in
      let time = Timestamp(milliseconds: input.integer())
      switch input.byte() % 4 {
      case 0:
        return FeedEvent(
          time: time,
          kind: .stateChange(system: input.text(limit: 12), from: states[Int(input.byte()) % 5], to: states[Int(input.byte()) % 5]))
      case 1:
        return FeedEvent(time: time, kind: .dataIssue(DataIssue(file: input.text(limit: 20), line: Int(input.byte()), message: input.text())))
      case 2: return FeedEvent(time: time, kind: .silence(system: input.text(limit: 12), lastSample: time, returned: input.byte() % 2 == 0))
      default: return FeedEvent(time: time, kind: .note(input.text(limit: 100)))
      }
    }
  }

  /// A key, a click, a wheel turn or a resize.
  static func message(from input: inout FuzzBytes) -> Message {
    let keys: [Key] = [
      .enter, .escape, .tab, .backTab, .backspace, .delete, .up, .down, .left, .right, .pageUp, .pageDown, .home, .end,
    ]
    let choice = input.byte()
    switch choice % 8 {
    case 0: return .input(.resize(input.size()))
    case 1:
      let buttons: [MouseEvent.Button] = [.left, .middle, .right, .wheelUp, .wheelDown]
      return .input(.mouse(MouseEvent(button: buttons[Int(input.byte()) % 5], x: Int(input.byte()), y: Int(input.byte()))))
    case 2, 3: return .input(.key(keys[Int(input.byte()) % keys.count]))
    default:
      // Printable keys, the ones the pages bind (digits, letters, '/', '?', '<', '>') most often.
      let scalar = Unicode.Scalar(UInt32(input.byte() % 95 + 32)) ?? " "
      return .input(.key(.character(Character(scalar))))
    }
  }

  /// Draws the screen as it stands; a buffer of any other size than the screen is a finding.
  static func draw(_ state: AppState) {
    let buffer = state.view()
    precondition(buffer.size == state.size, "drew \(buffer.size) for a screen of \(state.size)")
  }
}
