import ImtopCore
import Testing

@Suite struct KPIValidationTests {
  @Test func badExpressionsBecomeIssuesAtTheirPlace() {
    let definitions = [
      KPIDefinition(name: "Good", expression: "overdue() * 2"),
      KPIDefinition(
        name: "Patch latency", expression: "avg(metric('x') 30d)",
        location: SourceLocation(file: "imtop.toml", line: 12)),
      KPIDefinition(name: "Loose", expression: "1 +"),
    ]
    #expect(
      KPIDefinition.issues(in: definitions).map(\.description) == [
        "imtop.toml:12: KPI \"Patch latency\": column 17: expected ')' after the arguments of avg",
        "imtop.toml: KPI \"Loose\": column 4: expected a number, a function or '(' but the expression ends",
      ])
    #expect(KPIDefinition.issues(in: BuiltInKPIs.definitions).isEmpty)
  }
}
