import Foundation
import ImtopCore
import ImtopTestSupport
import Testing

/// The OpenMetrics text against the real `promtool`: `check metrics` (the 0.0.4 text parser, as
/// node_exporter's textfile collector reads it, and Prometheus's lint) and the OpenMetrics parser
/// behind `tsdb create-blocks-from openmetrics`. Skipped, with the note, where promtool cannot be found.
@Suite(.enabled(if: PrometheusTools.promtool != nil, Comment(rawValue: PrometheusTools.missingNote())))
struct PromtoolCheckTests {
  static let now = CivilTime(year: 2026, month: 11, day: 28, hour: 9).utcTimestamp

  static func demoSnapshot() throws -> Snapshot { try DemoSnapshot.make(seed: 11, now: now, historyDays: 3) }

  /// Both of promtool's parsers take `text`, and `check metrics` finds nothing to lint.
  func expectAccepted(_ text: String, _ what: String) throws {
    let check = try PrometheusTools.checkMetrics(text)
    #expect(check.status == 0, "\(what): promtool check metrics: \(check.output)")
    #expect(check.output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(what): \(check.output)")
    let parse = try PrometheusTools.parseOpenMetrics(text, timestamp: Self.now.milliseconds / 1000)
    #expect(parse.status == 0, "\(what): OpenMetrics parser: \(parse.output)")
  }

  @Test(arguments: [false, true])
  func theDemoPasses(redacted: Bool) throws {
    let text = SnapshotOpenMetrics(version: "0.1.0", redactMoney: redacted).encode(try Self.demoSnapshot())
    #expect(text.contains("imtop_system_availability_ratio{"))
    try expectAccepted(text, "demo\(redacted ? ", redacted" : "")")
  }

  @Test(arguments: [false, true])
  func awkwardValuesPass(redacted: Bool) throws {
    let text = SnapshotOpenMetrics(version: "0.1.0+\"odd\\", redactMoney: redacted).encode(AwkwardOrganisation.snapshot)
    #expect(text.contains(#"system="say \"hi\"""#))
    try expectAccepted(text, "awkward\(redacted ? ", redacted" : "")")
  }

  /// The checks are not vacuous: the same text with one label value's quotes left unescaped, without
  /// `# EOF`, or with a unit its family's name does not end with, is refused.
  @Test func promtoolRefusesWhatTheWriterAvoids() throws {
    let text = SnapshotOpenMetrics(version: "0.1.0").encode(AwkwardOrganisation.snapshot)
    let unescaped = text.replacingOccurrences(of: #"say \"hi\""#, with: #"say "hi""#)
    #expect(try PrometheusTools.checkMetrics(unescaped).status != 0)
    #expect(try PrometheusTools.parseOpenMetrics(text.replacingOccurrences(of: "# EOF\n", with: ""), timestamp: 1).status != 0)
    let wrongUnit = text.replacingOccurrences(of: "# UNIT imtop_system_latency_seconds seconds", with: "# UNIT imtop_system_latency_seconds ratio")
    #expect(wrongUnit != text)
    #expect(try PrometheusTools.parseOpenMetrics(wrongUnit, timestamp: 1).status != 0)
  }
}
