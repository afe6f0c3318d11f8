import ImtopTestSupport
import PropertyBased
import Testing

@testable import ImtopCore

/// Figures past every integer type reach the reports as numbers, and a KPI whose arithmetic
/// overflows says so instead of trapping or showing nothing.
@Suite struct ExtremeFigureTests {
  func kpi(_ expression: String) -> KPIResult? {
    var dataSet = MetricsOrg.dataSet
    dataSet.configuration.kpis = [KPIDefinition(name: "probe", expression: expression)]
    let input = dataSet.engineInput(at: MetricsOrg.now)
    return MetricEngine(trendPoints: 2).snapshot(of: input, at: MetricsOrg.now).kpis.first { $0.definition.name == "probe" }
  }

  @Test func issueExpressionHasAValue() {
    let result = kpi("100000 * 100000 * 100000 * 100000")
    #expect(result?.value == 1e20)
    #expect(result?.error == nil)
  }

  /// 10^200, written out: the expression language has no exponent notation.
  static let huge = "1" + String(repeating: "0", count: 200)

  @Test func overflowIsAnErrorOnTheTile() {
    let result = kpi("\(Self.huge) * \(Self.huge)")
    #expect(result?.value == nil)
    #expect(result?.status == .unknown)
    #expect(result?.error == "KPI \"probe\": the value is too large to compute (past 1.8e308)")
    #expect(result?.trend.allSatisfy { $0 == nil } == true)
    // inf - inf is no number at all: unknown, not an overflow.
    let undefined = kpi("\(Self.huge) * \(Self.huge) - \(Self.huge) * \(Self.huge)")
    #expect(undefined?.value == nil)
    #expect(undefined?.error == nil)
  }

  @Test func jsonWritesEveryFiniteDouble() {
    for value in [18_446_744_073_709_551_615, 1e20, -1e300, .greatestFiniteMagnitude, 999_999_999_999_999.5] {
      guard case .number(let text) = JSONValue.double(value) else {
        Issue.record("\(value) written as null")
        continue
      }
      #expect(Double(text) == value || (Double(text).map { ($0 - value).magnitude <= 1 } ?? false), "\(text)")
    }
    #expect(JSONValue.double(.infinity) == .null)
    #expect(MarkdownFormat(redactMoney: false, currency: "EUR", zone: .utc).percent(18_446_744_073_709_551_615) == "1.8e19%")
    #expect(JSONValue.double(.nan) == .null)
    #expect(JSONValue.double(-0.0) == .number("0"))
  }

  /// The JSON and Markdown writers over every double: JSON null exactly when it is not finite,
  /// otherwise a number that reads back within the rounding; markdown a short figure.
  @Test func writersOfAnyDouble() async {
    await propertyCheck(count: 2_000, input: ExtremeValues.anyDouble) { value in
      let json = JSONValue.double(value)
      guard value.isFinite else {
        #expect(json == .null)
        return
      }
      guard case .number(let text) = json, let read = Double(text) else {
        Issue.record("\(value) written as \(json.text())")
        return
      }
      // Half a hundredth, give or take the error of the subtraction itself (a value a hair from .xx5
      // can be written either way).
      #expect((read - value).magnitude <= max(0.005 + 1e-9, value.magnitude * 1e-12), "\(value) -> \(text)")
      // The markdown report writes figures as the screen does: short, never more digits than a Double has.
      let markdown = MarkdownFormat(redactMoney: false, currency: "EUR", zone: .utc).percent(value)
      #expect(markdown.count <= 24 && (markdown.split { !$0.isNumber }.map(\.count).max() ?? 0) <= 16, "\(markdown)")
    }
  }
}
