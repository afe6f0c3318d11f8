import Foundation
import ImtopTestSupport
import Testing

/// The dashboard on a live Prometheus source, the whole chain real: a probe's result written for
/// node_exporter's textfile collector, scraped every second by a real Prometheus, queried by
/// `imtop` running in tmux. A target flipping to 0 shows its system down; Prometheus stopped shows
/// the source stale with the error and the last figures kept, and restarted, recovery on its own;
/// an id Prometheus reports that `systems.csv` lacks joins the unregistered list; a bad query is
/// refused by `imtop check` with the server's own message.
@Suite(
  .serialized,
  .enabled(if: EndToEnd.available, EndToEnd.skipReason),
  .enabled(
    if: PrometheusTools.prometheus != nil && PrometheusTools.nodeExporter != nil,
    Comment(rawValue: PrometheusTools.missingNote("prometheus", variable: "IMTOP_PROMETHEUS"))))
struct PrometheusLiveEndToEndTests {
  let imtop = TmuxSession.imtopPath ?? "imtop"

  /// Writes the probe results node_exporter serves, by rename so that a scrape never sees half.
  static func publish(_ values: [String: Int], in folder: TemporaryDirectory) throws {
    let lines = ["# TYPE probe_success gauge"] + values.sorted { $0.key < $1.key }.map { #"probe_success{system="\#($0.key)"} \#($0.value)"# }
    try folder.write(["textfile/probe.prom.tmp": lines.joined(separator: "\n") + "\n"])
    try #require(rename(folder.file("textfile/probe.prom.tmp").path, folder.file("textfile/probe.prom").path) == 0)
  }

  /// The line of the Systems page that names `name`.
  static func row(_ name: String, in screen: String) -> String? {
    screen.split(separator: "\n").first { $0.contains(name) }.map(String.init)
  }

  @Test func aScrapedTargetFlipsASystemDownAndAStoppedServerIsShownStaleThenRecovers() throws {
    let folder = try TemporaryDirectory(prefix: "imtop-prometheus-live")
    defer { folder.remove() }
    try folder.write([
      "data/systems.csv": """
        id,name,owner,sla
        erp,ERP suite,Finance applications team,99.9
        crm,Citizen portal,Citizen services team,99.5
        wan,Wide-area network,Network team,99.0

        """
    ])
    try Self.publish(["erp": 1, "crm": 1, "wan": 1], in: folder)

    let exporter = try NodeExporter(textfiles: folder.file("textfile"))
    defer { exporter.stop() }
    try folder.write([
      "prometheus.yml": """
        global:
          scrape_interval: 1s
        scrape_configs:
          - job_name: probes
            static_configs:
              - targets: ["127.0.0.1:\(exporter.port)"]

        """
    ])
    // Scraping node_exporter every second, its storage kept across the restart below.
    var prometheus = try PrometheusServer(config: folder.file("prometheus.yml"), storage: folder.file("tsdb"), log: folder.file("prometheus.log"))
    defer { prometheus.stop() }
    let port = prometheus.port

    let source = """
      [[source]]
      kind = "prometheus"
      name = "fleet"
      url = "http://127.0.0.1:\(port)"
      interval = "1s"
      history = "10m"
      step = "1s"
      timeout = "5s"
      [source.status]

      """
    try folder.write([
      "config.toml": source + "up = 'max by (system) (probe_success)'\n",
      "bad.toml": source + "up = 'max by (system (probe_success)'\n",
    ])
    let data = folder.file("data").path
    let config = folder.file("config.toml").path

    // Prometheus has answered with every system once `check` passes and the snapshot knows all three.
    let ready = Date().addingTimeInterval(90)
    var known = false
    while !known && Date() < ready {
      let snapshot = try ChildProcess.run(imtop, ["snapshot", data, "--format", "json", "--config", config])
      known = snapshot.status == 0 && ["erp", "crm", "wan"].allSatisfy { Self.systemState($0, in: snapshot.output) == "up" }
      if !known { usleep(500_000) }
    }
    try #require(known, "Prometheus did not report the three systems up within 90 s")

    let tmux = TmuxSession()
    defer { tmux.stop() }
    try tmux.start(
      "\(TmuxSession.shellQuote(imtop)) \(TmuxSession.shellQuote(data)) --config \(TmuxSession.shellQuote(config)) --interval 1s",
      width: 120, height: 40)
    try #require(tmux.waitFor(timeout: 60) { $0.contains("ERP suite") }.matched, "no first frame:\n\(tmux.capture())")
    // The Systems page.
    try tmux.sendKeys("2")
    let first = tmux.waitFor(timeout: 60) { screen in
      ["ERP suite", "Citizen portal", "Wide-area network"].allSatisfy { Self.row($0, in: screen)?.contains("up") == true }
    }
    try #require(first.matched, "the three systems are not shown up:\n\(first.screen)")

    // The probe of the ERP fails: the scraped value flips to 0, and the dashboard shows it down.
    try Self.publish(["erp": 0, "crm": 1, "wan": 1], in: folder)
    let down = tmux.waitFor(timeout: 60) { Self.row("ERP suite", in: $0)?.contains("down") == true }
    #expect(down.matched, "the ERP is not shown down:\n\(down.screen)")
    #expect(Self.row("Citizen portal", in: down.screen)?.contains("up") == true, "\(down.screen)")

    // An id the probes report that systems.csv lacks joins the unregistered list.
    try Self.publish(["erp": 0, "crm": 1, "wan": 1, "ghost": 1], in: folder)
    let unregisteredBy = Date().addingTimeInterval(60)
    var unregistered: [String] = []
    while !unregistered.contains("ghost") && Date() < unregisteredBy {
      let snapshot = try ChildProcess.run(imtop, ["snapshot", data, "--format", "json", "--config", config])
      unregistered = Self.unregistered(in: snapshot.output)
      if !unregistered.contains("ghost") { usleep(500_000) }
    }
    #expect(unregistered.contains("ghost"), "the unknown id is not listed: \(unregistered)")

    // Prometheus stops: the source is stale with the error, the last figures kept.
    prometheus.stop()
    let stale = tmux.waitFor(timeout: 60) { $0.contains("stale") && $0.contains("127.0.0.1:\(port): cannot reach the server") }
    #expect(stale.matched, "the stopped server is not shown:\n\(stale.screen)")
    #expect(Self.row("ERP suite", in: stale.screen)?.contains("down") == true, "the last figures were dropped:\n\(stale.screen)")
    #expect(!stale.screen.contains("[exited"))

    // Restarted on the same port and storage: the dashboard recovers by itself, and a new change
    // is shown.
    prometheus = try PrometheusServer(config: folder.file("prometheus.yml"), storage: folder.file("tsdb"), port: port, log: folder.file("prometheus.log"))
    try Self.publish(["erp": 1, "crm": 1, "wan": 1, "ghost": 1], in: folder)
    let back = tmux.waitFor(timeout: 90) { screen in
      !screen.contains("stale") && Self.row("ERP suite", in: screen)?.contains("up") == true
    }
    #expect(back.matched, "no recovery after Prometheus restarted:\n\(back.screen)")
    // The overview's events say it in a source's words, not a file's.
    try tmux.sendKeys("1")
    let said = tmux.waitFor(timeout: 20) { $0.contains("fleet: answering again") }
    #expect(said.matched, "the recovery is not in the events:\n\(said.screen)")

    try tmux.sendKeys("q")
    let exited = tmux.waitFor(timeout: 20) { $0.contains("[exited") }
    #expect(exited.screen.contains("[exited 0]"), "\(exited.screen)")

    // A query the server cannot parse: `check` names the query and gives the server's message.
    let bad = try ChildProcess.run("/bin/sh", ["-c", #""$0" "$@" 2>&1"#, imtop, "check", data, "--config", folder.file("bad.toml").path])
    #expect(bad.status == 1, "\(bad.output)")
    #expect(bad.output.contains("parse error"), "\(bad.output)")
    #expect(bad.output.contains("fleet"), "\(bad.output)")
  }

  static func object(_ json: String) -> [String: Any]? {
    try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
  }

  static func systemState(_ id: String, in json: String) -> String? {
    let systems = object(json)?["systems"] as? [[String: Any]] ?? []
    return systems.first { $0["id"] as? String == id }?["state"] as? String
  }

  static func unregistered(in json: String) -> [String] {
    let list = (object(json)?["data"] as? [String: Any])?["unregistered"] as? [[String: Any]] ?? []
    return list.compactMap { $0["id"] as? String }
  }
}
