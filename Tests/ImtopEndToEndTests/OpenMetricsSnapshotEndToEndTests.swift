import Foundation
import ImtopTestSupport
import Testing

/// `imtop snapshot --format openmetrics` on the built binary and the demo's files: what cron would
/// hand to node_exporter's textfile collector, checked by the real promtool.
@Suite(
  .enabled(if: TmuxSession.imtopPath != nil, "the imtop binary is not built beside the tests"),
  .enabled(if: PrometheusTools.promtool != nil, Comment(rawValue: PrometheusTools.missingNote())))
struct OpenMetricsSnapshotEndToEndTests {
  let imtop = TmuxSession.imtopPath ?? "imtop"

  @Test func theDemoSnapshotPassesPromtoolAndCarriesTheVersion() throws {
    let folder = try TemporaryDirectory(prefix: "imtop-openmetrics-cli")
    defer { folder.remove() }
    let generated = try ChildProcess.run(imtop, ["demo", "--dir", folder.path, "--generate-only"])
    #expect(generated.status == 0)
    for redact in [[], ["--redact-costs"]] {
      let snapshot = try ChildProcess.run(imtop, ["snapshot", folder.path, "--format", "openmetrics", "--now", "2026-11-28T09:00:00Z"] + redact)
      #expect(snapshot.status == 0)
      #expect(snapshot.output.hasSuffix("# EOF\n"))
      #expect(snapshot.output.contains("imtop_budget_actual_ytd{") == redact.isEmpty)
      let check = try PrometheusTools.checkMetrics(snapshot.output)
      #expect(check.status == 0, "promtool check metrics \(redact): \(check.output)")
      let version = try ChildProcess.run(imtop, ["--version"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
      #expect(!version.isEmpty)
      #expect(snapshot.output.contains("imtop_build_info{version=\"\(version)\"} 1\n"))
    }
  }
}
