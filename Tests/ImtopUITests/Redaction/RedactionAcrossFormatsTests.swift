import Foundation
import ImtopCore
import Testing

@testable import ImtopUI

/// `--redact-costs`: no digit of any money figure survives on any page or in any snapshot format,
/// checked on the demo organisation (hundreds of money figures) rather than a hand-made snapshot.
@Suite struct RedactionAcrossFormatsTests {
  static let now = CivilTime(year: 2026, month: 11, day: 28, hour: 9).utcTimestamp

  static let snapshot: Snapshot = {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("imtop-redact-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    try? DemoGenerator(seed: 4, now: now, historyDays: 2).write(to: directory)
    return MetricEngine().snapshot(of: DirectoryReading(directory: directory.path, at: now).input, at: now)
  }()

  /// Every money amount of the snapshot.
  static var amounts: [Money] {
    let s = snapshot
    var amounts: [Money] = [s.budget.totals.annualPlanned, s.budget.totals.plannedYTD, s.budget.totals.actualYTD]
    amounts += [s.budget.forecastYearEnd, s.budget.varianceAtCompletion, s.budget.burnRate].compactMap { $0 }
    for map in [s.budget.byCategory, s.budget.byType, s.budget.bySourcing, s.budget.bySystem] {
      for figures in map.values { amounts += [figures.annualPlanned, figures.plannedYTD, figures.actualYTD] }
    }
    for month in s.budget.months { amounts += [month.planned] + (month.actual.map { [$0] } ?? []) }
    for system in s.systems { amounts += [system.tcoYTD] + (system.costPerUserYTD.map { [$0] } ?? []) }
    return amounts
  }

  /// Every money amount of the snapshot of at least 1,000 in major units, in the ways a screen or a
  /// report writes it: grouped (`2,435,418`) and plain (`2435418`).
  static var moneyTexts: Set<String> {
    var texts = Set<String>()
    for amount in amounts where abs(amount.minorUnits) >= 100_000 {
      let major = abs(amount.minorUnits) / 100
      texts.insert(String(major))
      texts.insert(grouped(major))
    }
    return texts
  }

  static func grouped(_ value: Int64) -> String {
    let digits = Array(String(value))
    var text = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
      text.append(digit)
    }
    return text
  }

  /// A currency symbol followed, after optional spaces or a sign, by a digit.
  static func hasVisibleAmount(_ text: String) -> Bool {
    text.range(of: #"€\s?[-+]?[0-9]"#, options: .regularExpression) != nil
  }

  @Test func theCheckCanFailUnredacted() {
    // Without redaction the same checks find money: they are not vacuous.
    let page = ScreenRenderer.text(Self.snapshot, page: .budget, size: Size(width: 160, height: 48))
    #expect(Self.hasVisibleAmount(page))
    let markdown = SnapshotMarkdown().render(Self.snapshot)
    #expect(Self.moneyTexts.contains { markdown.contains($0) })
  }

  @Test(arguments: PageName.allCases)
  func noPageShowsAnyAmount(page: PageName) {
    var options = ScreenRenderer.Options()
    options.redactCosts = true
    for size in [Size(width: 80, height: 24), Size(width: 160, height: 48), Size(width: 240, height: 70)] {
      let text = ScreenRenderer.text(Self.snapshot, page: page, size: size, options: options)
      #expect(!Self.hasVisibleAmount(text), "\(page) at \(size.width)x\(size.height)")
      for money in Self.moneyTexts where money.count >= 5 {
        #expect(!text.contains(money), "\(page) shows \(money)")
      }
    }
  }

  @Test func noSystemDetailShowsAnyAmount() {
    var options = ScreenRenderer.Options()
    options.redactCosts = true
    for system in Self.snapshot.systems {
      options.detailSystemID = system.id
      let text = ScreenRenderer.text(Self.snapshot, page: .systems, size: Size(width: 160, height: 48), options: options)
      #expect(!Self.hasVisibleAmount(text), "detail of \(system.id)")
    }
  }

  @Test func markdownShowsNoAmount() {
    let markdown = SnapshotMarkdown(redactMoney: true).render(Self.snapshot)
    #expect(!Self.hasVisibleAmount(markdown))
    for money in Self.moneyTexts where money.count >= 5 {
      #expect(!markdown.contains(money), "markdown shows \(money)")
    }
  }

  @Test func openMetricsHasNoAmount() {
    // Money is written exactly, in major units with the cents (`2435418.37`); other figures could
    // share its whole part (14400 s is an MTTR threshold), so sample values are compared whole.
    func values(_ text: String) -> Set<String> {
      Set(text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { $0.split(separator: " ").last.map(String.init) })
    }
    let amounts = Set(Self.amounts.filter { abs($0.minorUnits) >= 100_000 }.map { $0.decimalText(digits: 2) })
    // Unredacted, the amounts are there (not vacuous).
    #expect(!values(SnapshotOpenMetrics(version: "0").encode(Self.snapshot)).isDisjoint(with: amounts))
    let text = SnapshotOpenMetrics(version: "0", redactMoney: true).encode(Self.snapshot)
    #expect(values(text).isDisjoint(with: amounts), "openmetrics shows \(values(text).intersection(amounts))")
    #expect(!text.contains("currency="))
  }

  @Test func jsonHasNullForEveryMoneyKey() throws {
    let text = SnapshotJSON(redactMoney: true).encode(Self.snapshot)
    for money in Self.moneyTexts where money.count >= 5 {
      #expect(!text.contains(money), "json shows \(money)")
    }
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let moneyKeys: Set<String> = [
      "tco_ytd", "cost_per_user_ytd", "annual_planned", "planned_ytd", "actual_ytd", "forecast_year_end",
      "variance_at_completion", "burn_rate",
    ]
    var checked = 0
    func visit(_ value: Any, key: String?) {
      if let key, moneyKeys.contains(key) {
        #expect(value is NSNull, "\(key) is \(value)")
        checked += 1
      }
      if let dictionary = value as? [String: Any] {
        for (k, v) in dictionary { visit(v, key: k) }
      } else if let array = value as? [Any] {
        for v in array { visit(v, key: nil) }
      }
    }
    visit(object, key: nil)
    // Every system's two figures, the budget's six and three per breakdown entry.
    #expect(checked > Self.snapshot.systems.count * 2 + 6)
  }
}
