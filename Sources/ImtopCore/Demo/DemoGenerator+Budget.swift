/// The demo's budget: a full fiscal year of planned lines and actuals for the closed months.
extension DemoGenerator {
  func budgetCSV(random: inout SeededGenerator) -> String {
    var text = "period,system,category,type,planned,actual,currency,cost_centre\n"
    let first = fiscalYearStartMonth
    let current = YearMonth(year: CivilTime(utc: now).year, month: CivilTime(utc: now).month)
    for offset in 0..<12 {
      let month = first.adding(months: offset)
      let booked = month < current
      var lines: [(system: String, category: String, type: String, planned: Int, overrun: Double)] = []
      for s in DemoCatalog.systems where s.monthlyRunCost > 0 {
        lines.append(contentsOf: runningCosts(of: s, month: offset))
        lines.append(contentsOf: projectCosts(of: s, month: offset))
      }
      lines.append(("", "staff", "opex", 96_000, 1.0))
      lines.append(("", "other", "opex", 8_500, 1.05))
      if offset % 3 == 1 { lines.append(("", "training", "opex", 12_000, 0.7)) }
      if offset == 2 || offset == 8 { lines.append(("", "other", "opex", 15_000, 1.1)) }
      // The planned customer-analytics roll-out starts in the second half of the year.
      if offset >= 8 { lines.append(("crm-analytics", "setup", "capex", 18_000, 1.0)) }
      for line in lines {
        let planned = line.planned
        var actualText = ""
        if booked {
          let factor = line.overrun * random.around(1, spread: 0.05)
          let cents = Int((Double(planned) * factor * 100).rounded())
          actualText = "\(cents / 100).\(DemoGenerator.twoDigits(cents % 100))"
        }
        let fields = [month.description, line.system, line.category, line.type, "\(planned).00", actualText, "EUR", costCentre(line.system)]
        text += fields.map(DemoGenerator.csvField).joined(separator: ",") + "\n"
      }
    }
    return text
  }

  /// Licences, maintenance and support: every month, split by how the system is sourced.
  private func runningCosts(of s: DemoSystem, month: Int) -> [(String, String, String, Int, Double)] {
    let cost = s.monthlyRunCost
    // Extended support after end of support costs more than planned.
    let overrun = s.id == "edrms" ? 1.18 : (s.id == "portal" ? 1.08 : 1.0)
    switch s.sourcing {
    case "saas":
      return [(s.id, "license", "opex", cost, overrun)]
    case "purchased":
      return [(s.id, "license", "opex", cost * 6 / 10, 1.0), (s.id, "maintenance", "opex", cost * 4 / 10, overrun)]
    case "proprietary":
      return [(s.id, "staff", "opex", cost * 7 / 10, overrun), (s.id, "maintenance", "opex", cost * 3 / 10, 1.0)]
    default:
      return [(s.id, "maintenance", "opex", cost * 5 / 10, 1.0), (s.id, "staff", "opex", cost * 5 / 10, overrun)]
    }
  }

  /// Hardware refreshes, set-up projects and training: in particular months only.
  private func projectCosts(of s: DemoSystem, month: Int) -> [(String, String, String, Int, Double)] {
    var lines: [(String, String, String, Int, Double)] = []
    if s.kind == "hardware", month == 4 || month == 10 {
      // Laptop prices rose after the plan was made.
      lines.append((s.id, "hardware", "capex", s.monthlyRunCost * 3, s.id == "laptops" ? 1.35 : 1.0))
    }
    if s.lifecycle == "phase-in" {
      lines.append((s.id, "setup", "capex", 22_000, 1.25))
    }
    if s.id == "erp", month == 5 {
      lines.append((s.id, "training", "opex", 9_000, 0.8))
    }
    return lines
  }

  private func costCentre(_ system: String) -> String {
    system.isEmpty ? "IT-100" : "IT-\(200 + (DemoCatalog.systems.firstIndex { $0.id == system } ?? 0) * 10)"
  }
}

extension DemoGenerator {
  /// Two digits with a leading zero (a labelled function, not a `String` initialiser, so that
  /// `String.init` passed as a function elsewhere never picks it).
  static func twoDigits(_ value: Int) -> String {
    value < 10 ? "0\(value)" : "\(value)"
  }
}
