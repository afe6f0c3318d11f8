import Foundation
import ImtopTestSupport
import Testing

/// `imtop snapshot` with a real Prometheus server as its source: the same status samples, read from
/// `status.jsonl` or queried from Prometheus (loaded with `promtool tsdb create-blocks-from
/// openmetrics`), give the same snapshot.
@Suite(
  .enabled(if: TmuxSession.imtopPath != nil, "the imtop binary is not built beside the tests"),
  .enabled(if: PrometheusTools.prometheus != nil && PrometheusTools.promtool != nil,
    Comment(rawValue: PrometheusTools.missingNote("prometheus", variable: "IMTOP_PROMETHEUS"))))
struct PrometheusSourceEndToEndTests {
  let imtop = TmuxSession.imtopPath ?? "imtop"
  static let systems = ["erp", "crm", "wan"]
  /// Two days of samples on a 60 s grid, ending at `end`.
  static let end: Int64 = 1_796_083_200  // 2026-12-01T00:00:00Z
  static let minutes: Int64 = 2 * 24 * 60

  /// Each system's state at minute `index`: runs of up with outages and degraded spells of their own.
  static func state(_ system: Int, _ index: Int64) -> String {
    let phase = (index + Int64(system) * 97) % 1440
    if phase >= 600 && phase < 600 + 25 * Int64(system + 1) { return "down" }
    if phase >= 900 && phase < 960 && system != 1 { return "degraded" }
    return "up"
  }

  static func latency(_ system: Int, _ index: Int64) -> Int64 { 20 + (index * 7 + Int64(system) * 13) % 90 }

  func writeOrganisation(_ folder: URL) throws {
    try Data("""
      ID,Name,Owner,SLA
      erp,ERP suite,Finance applications team,99.9
      crm,Citizen portal,Citizen services team,99.5
      wan,Wide-area network,Network team,99.0

      """.utf8).write(to: folder.appendingPathComponent("systems.csv"))
  }

  @Test func theSnapshotFromPrometheusEqualsTheSnapshotFromStatusLines() throws {
    let root = try TemporaryDirectory(prefix: "imtop-prometheus-parity")
    defer { root.remove() }
    let files = root.file("files")
    let remote = root.file("remote")
    for folder in [files, remote] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
    try writeOrganisation(files)
    try writeOrganisation(remote)

    var lines: [String] = []
    var up: [String] = [], degraded: [String] = [], latency: [String] = []
    for index in 0..<Self.minutes {
      let time = Self.end - (Self.minutes - 1 - index) * 60
      for (number, system) in Self.systems.enumerated() {
        let state = Self.state(number, index)
        let ms = Self.latency(number, index)
        lines.append(#"{"ts":\#(time),"system":"\#(system)","state":"\#(state)","latency_ms":\#(ms)}"#)
        up.append(#"imtop_probe_up{system="\#(system)"} \#(state == "down" ? 0 : 1) \#(time)"#)
        degraded.append(#"imtop_probe_degraded{system="\#(system)"} \#(state == "degraded" ? 1 : 0) \#(time)"#)
        latency.append(#"imtop_probe_latency_ms{system="\#(system)"} \#(ms) \#(time)"#)
      }
    }
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: files.appendingPathComponent("status.jsonl"))
    // OpenMetrics wants each series' samples together, in time order.
    func grouped(_ samples: [String]) -> [String] {
      Self.systems.flatMap { system in samples.filter { $0.contains("system=\"\(system)\"") } }
    }
    let openMetrics = ["# TYPE imtop_probe_up gauge"] + grouped(up) + ["# TYPE imtop_probe_degraded gauge"] + grouped(degraded)
      + ["# TYPE imtop_probe_latency_ms gauge"] + grouped(latency) + ["# EOF"]
    let server = try PrometheusServer(openMetrics: openMetrics.joined(separator: "\n") + "\n", in: root)
    defer { server.stop() }

    let config = root.file("config.toml")
    try Data("""
      [[source]]
      kind = "prometheus"
      name = "fleet"
      url = "http://127.0.0.1:\(server.port)"
      history = "3d"
      step = "60s"
      timeout = "20s"
      [source.status]
      up = 'imtop_probe_up'
      degraded = 'imtop_probe_degraded'
      latency_ms = 'imtop_probe_latency_ms'

      """.utf8).write(to: config)
    let now = "2026-12-01T00:00:00Z"
    let empty = root.file("empty-config.toml")
    try Data().write(to: empty)
    let fromFiles = try ChildProcess.run(imtop, ["snapshot", files.path, "--format", "json", "--now", now, "--config", empty.path])
    #expect(fromFiles.status == 0)
    try server.waitUntilReady(imtop: imtop, directory: remote.path, config: config.path, now: now)
    let fromPrometheus = try ChildProcess.run(imtop, ["snapshot", remote.path, "--format", "json", "--now", now, "--config", config.path])
    #expect(fromPrometheus.status == 0)

    let expected = try Self.figures(fromFiles.output)
    let actual = try Self.figures(fromPrometheus.output)
    let expectedSystems = try #require(expected["systems"] as? [[String: Any]])
    let actualSystems = try #require(actual["systems"] as? [[String: Any]])
    #expect(expectedSystems.count == 3)
    #expect(actualSystems.count == expectedSystems.count)
    // The figures must not be empty: the samples made outages and degraded spells.
    #expect(expectedSystems.contains { ($0["outages_30d"] as? Int ?? 0) > 0 })
    for (want, got) in zip(expectedSystems, actualSystems) {
      for key in ["id", "state", "availability", "coverage", "outages_30d", "mtbf_hours_30d", "latency_ms", "below_sla", "last_sample", "monthly"] {
        #expect(
          NSDictionary(dictionary: ["v": want[key] ?? NSNull()]) == NSDictionary(dictionary: ["v": got[key] ?? NSNull()]),
          "\(want["id"] ?? "?").\(key): files \(want[key] ?? "nil"), prometheus \(got[key] ?? "nil")")
      }
    }
  }

  static func figures(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }
}
