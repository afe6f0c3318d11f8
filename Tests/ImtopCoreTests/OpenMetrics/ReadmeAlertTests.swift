import Foundation
import ImtopCore
import ImtopTestSupport
import Testing

/// The README's alerting rule on imtop's figures, as written there, through the real promtool: it
/// is a valid rule file, and its expression over the demo's OpenMetrics series finds exactly the
/// systems the snapshot says are below their SLA.
@Suite(.enabled(if: PrometheusTools.promtool != nil, Comment(rawValue: PrometheusTools.missingNote())))
struct ReadmeAlertTests {
  /// The YAML block of the README's "An alert on an imtop figure".
  static func readmeRules() throws -> String {
    let root = try #require(ReaderTestSupport.packageRoot())
    let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    let section = try #require(readme.range(of: "### An alert on an imtop figure"))
    let start = try #require(readme.range(of: "```yaml\n", range: section.upperBound..<readme.endIndex))
    let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
    return String(readme[start.upperBound..<end.lowerBound])
  }

  /// The rule's `expr: |` block, its lines joined.
  static func expression(in rules: String) throws -> String {
    let lines = rules.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    let first = try #require(lines.firstIndex(of: "expr: |")) + 1
    let last = try #require(lines[first...].firstIndex { $0.hasPrefix("for:") })
    return lines[first..<last].joined(separator: " ")
  }

  /// A YAML single-quoted scalar.
  static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

  @Test func theRuleFiresForTheSystemsBelowSLA() throws {
    let folder = try TemporaryDirectory(prefix: "imtop-alert")
    defer { folder.remove() }
    let rules = try Self.readmeRules()
    try folder.write(["rules.yml": rules])
    let check = try PrometheusTools.run(["check", "rules", folder.file("rules.yml").path])
    #expect(check.status == 0, "\(check.output)")

    let snapshot = try PromtoolCheckTests.demoSnapshot()
    let below = snapshot.systems.filter(\.belowSLA).map(\.id)
    #expect(!below.isEmpty, "the demo has systems below SLA")
    var series = ""
    for line in SnapshotOpenMetrics(version: "test").encode(snapshot).split(separator: "\n") where !line.hasPrefix("#") {
      let space = try #require(line.lastIndex(of: " "))
      series += "      - series: \(Self.quoted(String(line[..<space])))\n        values: '\(line[line.index(after: space)...])x5'\n"
    }
    var expected = ""
    for id in below {
      expected += "          - labels: \(Self.quoted("{system=\"\(id)\"}"))\n            value: 1\n"
    }
    let expression = "count by (system) (\(try Self.expression(in: rules)))"
    try folder.write([
      "test.yml": """
        rule_files: [rules.yml]
        tests:
          - interval: 1m
            input_series:
        \(series)    promql_expr_test:
              - expr: \(Self.quoted(expression))
                eval_time: 2m
                exp_samples:
        \(expected)
        """
    ])
    let test = try PrometheusTools.run(["test", "rules", folder.file("test.yml").path])
    #expect(test.status == 0, "\(test.output)")
  }
}
