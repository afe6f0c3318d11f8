import ImtopCore
import Testing

/// The KPI expression language: what parses to what, and every error with its exact column.
@Suite struct KPIParserTests {
  func error(_ source: String) -> KPIExpressionError? {
    do {
      _ = try KPIParser.parse(source)
      return nil
    } catch {
      return error
    }
  }

  @Test func precedenceAndUnaryMinus() throws {
    #expect(
      try KPIParser.parse("1 + 2 * -3")
        == .binary(.add, .number(1), .binary(.multiply, .number(2), .negate(.number(3)))))
    #expect(
      try KPIParser.parse("(1 + 2) / 4 - 1")
        == .binary(.subtract, .binary(.divide, .binary(.add, .number(1), .number(2)), .number(4)), .number(1)))
  }

  @Test func metricsAggregatesAndDurations() throws {
    #expect(
      try KPIParser.parse("avg(metric('patch_latency_days'), 30d)")
        == .aggregate(.avg, MetricReference(metric: "patch_latency_days"), window: .days(30)))
    #expect(
      try KPIParser.parse("count(metric(\"logins\", \"erp\"), 15m)")
        == .aggregate(.count, MetricReference(metric: "logins", system: "erp"), window: .minutes(15)))
    #expect(try KPIParser.parse("metric('cpu')") == .aggregate(.last, MetricReference(metric: "cpu"), window: nil))
    #expect(
      try KPIParser.parse("last(metric('cpu'))") == .aggregate(.last, MetricReference(metric: "cpu"), window: nil))
    #expect(
      try KPIParser.parse("max(metric('cpu'), 90s)")
        == .aggregate(.max, MetricReference(metric: "cpu"), window: .seconds(90)))
    #expect(
      try KPIParser.parse("sum(metric('a'), 24h)") == .aggregate(.sum, MetricReference(metric: "a"), window: .hours(24))
    )
  }

  @Test func builtInFigures() throws {
    #expect(try KPIParser.parse("availability(30d)") == .figure(.availability(system: nil, window: .days(30))))
    #expect(try KPIParser.parse("availability('erp', 7d)") == .figure(.availability(system: "erp", window: .days(7))))
    #expect(try KPIParser.parse("open_incidents('p1')") == .figure(.openIncidents(.p1)))
    #expect(try KPIParser.parse("open_incidents()") == .figure(.openIncidents(nil)))
    #expect(try KPIParser.parse("mttr(30d)") == .figure(.mttr(.days(30))))
    #expect(try KPIParser.parse("mtta(7d)") == .figure(.mtta(.days(7))))
    let simple: [(String, KPIFigure)] = [
      ("budget_variance()", .budgetVariance), ("burn_rate()", .burnRate), ("runway()", .runway),
      ("forecast()", .forecast),
      ("overdue()", .overdue), ("data_quality()", .dataQuality), ("past_end_of_support()", .pastEndOfSupport),
      ("below_sla()", .belowSLA), ("systems_meeting_sla()", .systemsMeetingSLA),
    ]
    for (source, figure) in simple { #expect(try KPIParser.parse(source) == .figure(figure)) }
  }

  @Test func errorsNameTheColumn() {
    let cases: [(String, Int, String)] = [
      ("avg(metric('x') 30d)", 17, "expected ')' after the arguments of avg"),
      ("avg(metric('patch_latency_days'), 30d", 38, "expected ')' after the arguments of avg"),
      ("", 1, "expected a number, a function or '(' but the expression ends"),
      ("1 +", 4, "expected a number, a function or '(' but the expression ends"),
      ("(1 + 2", 7, "expected ')' to close the '(' at column 1"),
      ("1 2", 3, "expected an operator or the end of the expression"),
      ("foo(1)", 1, "unknown function 'foo'"),
      ("2 * overdue", 12, "expected '(' after the function name overdue"),
      ("overdue(1)", 9, "overdue takes no arguments"),
      ("avg(metric('x'))", 16, "avg needs a window such as 30d"),
      ("avg(5, 30d)", 5, "the first argument of avg must be metric('name')"),
      ("avg(metric('x'), 30x)", 20, "unknown duration unit 'x' (expected d, h, m or s)"),
      ("avg(metric('x'), 7)", 18, "expected a window such as 30d, 24h, 15m or 90s"),
      ("max(metric('x'), 60d)", 18, "the window is longer than the 30 days of samples imtop keeps: expected at most 30d"),
      ("availability('erp', 31d)", 21, "the window is longer than the 30 days of samples imtop keeps: expected at most 30d"),
      ("30d + 1", 1, "a duration such as 30d can only be a window argument"),
      ("'erp'", 1, "a string can only be a function argument"),
      ("metric('x", 8, "unterminated string (no closing ')"),
      ("1 # 2", 3, "unexpected character '#'"),
      ("open_incidents('P7')", 16, "unknown priority 'P7' (expected P1, P2, P3 or P4)"),
      ("mttr()", 6, "mttr needs a window such as 30d"),
      ("availability('erp', 7d, 1)", 25, "too many arguments for availability"),
      ("metric(cpu)", 8, "unknown name 'cpu' (metric and system names are quoted: 'cpu')"),
      ("metric(1)", 8, "expected the metric name, as in metric('cpu')"),
      ("1.2.3", 1, "'1.2.3' is not a number"),
      ("0d", 1, "a duration takes a positive whole number, as in 30d"),
      ("é(1)", 1, "unknown function 'é'"),
    ]
    for (source, column, message) in cases {
      #expect(error(source) == KPIExpressionError(column: column, message), "\(source)")
    }
  }

  @Test func errorMessageNamesTheKPI() {
    let failure = KPIExpressionError(column: 14, "expected ')' after the arguments of avg")
    #expect(
      failure.described(forKPI: "Patch latency")
        == "KPI \"Patch latency\": column 14: expected ')' after the arguments of avg")
  }

  @Test func columnsCountCharactersNotBytes() {
    // "é" is two UTF-8 bytes but one column: the '#' is the 5th character.
    #expect(error("'é' # 1") == KPIExpressionError(column: 5, "unexpected character '#'"))
  }

  /// 100 levels are allowed; the 101st opening (at column 101) is refused.
  @Test func deepNestingIsAnErrorNotACrash() {
    let deep = String(repeating: "(", count: 400) + "1" + String(repeating: ")", count: 400)
    #expect(error(deep) == KPIExpressionError(column: 101, "the expression is nested too deeply"))
    let minus = String(repeating: "-", count: 150) + "1"
    #expect(error(minus) == KPIExpressionError(column: 101, "the expression is nested too deeply"))
    let fine = String(repeating: "(", count: 50) + "1" + String(repeating: ")", count: 50)
    #expect(error(fine) == nil)
  }

  @Test func overlongExpressionIsAnError() {
    // "1+" repeated: one character per token, so token 1001 (a "1") starts at column 1001.
    let long = String(repeating: "1+", count: 600) + "1"
    #expect(error(long) == KPIExpressionError(column: 1001, "the expression is too long (at most 1000 tokens)"))
    #expect(error(String(repeating: "1+", count: 400) + "1") == nil)
  }
}
