import Testing
import ImtopCore
@testable import ImtopUI

/// Pages colour figures by the statuses the snapshot gives the KPIs, so a `[[kpi]]` that replaces a
/// built-in one with other thresholds changes them everywhere, not only on the KPI page.
@Suite struct KPIStatusOnPagesTests {
  /// The fixture with the KPI `name` replaced by a configured one: other thresholds, and the status
  /// those thresholds give its value.
  static func snapshot(overriding name: String, warn: Double, crit: Double) throws -> Snapshot {
    var snapshot = Fixtures.snapshot()
    let index = try #require(snapshot.kpis.firstIndex { $0.definition.name == name })
    var definition = snapshot.kpis[index].definition
    definition.warn = warn
    definition.crit = crit
    let value = snapshot.kpis[index].value
    snapshot.kpis[index] = KPIResult(definition: definition, value: value, status: definition.status(of: value), isBuiltIn: false)
    return snapshot
  }

  /// The foreground role of `text` on the first row that holds `label` before it.
  static func role(of text: String, after label: String, in buffer: Buffer) -> Role? {
    for y in 0..<buffer.size.height {
      let line = buffer.line(y)
      guard let labelRange = line.range(of: label), let found = line.range(of: text, range: labelRange.upperBound..<line.endIndex)
      else { continue }
      return buffer[line.distance(from: line.startIndex, to: found.lowerBound), y].foreground
    }
    return nil
  }

  static func page(_ page: PageName, _ snapshot: Snapshot) -> Buffer {
    ScreenRenderer.render(snapshot, page: page, size: Size(width: 160, height: 48))
  }

  @Test func everyNameIsABuiltInKPI() {
    let builtIn = Set(BuiltInKPIs.definitions.map(\.name))
    for name in BuiltInKPIName.allCases { #expect(builtIn.contains(name.rawValue), "\(name.rawValue)") }
  }

  @Test func dataQualityFollowsAnOverride() throws {
    // 90 % against the built-in thresholds (warn 90, crit 75) is warn; crit from 92 makes it crit.
    #expect(Self.role(of: "90.0%", after: "Data quality", in: Self.page(.compliance, Fixtures.snapshot())) == .warn)
    let stricter = try Self.snapshot(overriding: "Data quality", warn: 95, crit: 92)
    #expect(Self.role(of: "90.0%", after: "Data quality", in: Self.page(.compliance, stricter)) == .crit)
  }

  @Test func overdueItemsFollowAnOverride() throws {
    // Three overdue items: warn by the built-in thresholds (warn 1, crit 5), ok when only 10 warns.
    let page = Self.page(.compliance, Fixtures.snapshot())
    #expect(Self.role(of: "3", after: "Overdue", in: page) == .warn)
    let lenient = try Self.snapshot(overriding: "Overdue compliance items", warn: 10, crit: 20)
    #expect(Self.role(of: "3", after: "Overdue", in: Self.page(.compliance, lenient)) == .ok)
  }

  @Test func budgetVarianceFollowsAnOverride() throws {
    // The license line is 7.5 % over plan: warn by the built-in thresholds (5, 10), crit from 7.
    #expect(Self.role(of: "+7.5%", after: "license", in: Self.page(.budget, Fixtures.snapshot())) == .warn)
    let stricter = try Self.snapshot(overriding: "Budget variance", warn: 1, crit: 4)
    let budget = Self.page(.budget, stricter)
    #expect(Self.role(of: "+7.5%", after: "license", in: budget) == .crit)
    // The summary's variance takes the KPI's own status: 4.2 % is crit from 4.
    #expect(Self.role(of: "2.5% over", after: "Variance", in: budget) == .crit)
  }
}
