import Foundation
import ImtopTestSupport
import Testing


/// The real consumer of `imtop snapshot --format openmetrics` from cron: node_exporter's textfile
/// collector (Debian's package, on a free loopback port, stopped by its process id) reads the file
/// written from a data directory of awkward values, and serves every imtop sample without an error.
@Suite(
  .enabled(if: TmuxSession.imtopPath != nil, "the imtop binary is not built beside the tests"),
  .enabled(
    if: PrometheusTools.nodeExporter != nil,
    Comment(rawValue: PrometheusTools.missingNote("prometheus-node-exporter", variable: "IMTOP_NODE_EXPORTER"))))
struct TextfileCollectorEndToEndTests {
  @Test func nodeExporterServesEverySample() throws {
    let folder = try TemporaryDirectory(prefix: "imtop-textfile")
    defer { folder.remove() }
    try folder.write([
      "data/systems.csv": #"""
        id,name,category,owner,sla
        "say ""hi""","The ""quoted"" one","C:\share\new","Team
        One",99.9
        zürich-🚀,"Données ✓",Data,Équipe,

        """#,
      "data/status.jsonl": #"{"ts":"2026-11-28T08:58:00Z","system":"say \"hi\"","state":"up","latency_ms":12}"# + "\n",
    ])
    let imtop = TmuxSession.imtopPath ?? "imtop"
    let snapshot = try ChildProcess.run(imtop, ["snapshot", folder.file("data").path, "--format", "openmetrics", "--now", "2026-11-28T09:00:00Z"])
    #expect(snapshot.status == 0)
    try folder.write(["textfile/imtop.prom": snapshot.output])
    let written = snapshot.output.split(separator: "\n").filter { $0.hasPrefix("imtop_") }
    #expect(written.contains { $0.contains(#"system="say \"hi\"""#) && $0.contains(#"owner="Team\nOne""#) })

    let exporter = try NodeExporter(textfiles: folder.file("textfile"))
    defer { exporter.stop() }
    let port = exporter.port
    let url = try #require(URL(string: "http://127.0.0.1:\(port)/metrics"))
    let served = try LoopbackHTTP.poll(url, seconds: 30) { $0.status == 200 }.body.split(separator: "\n")
    #expect(served.contains("node_textfile_scrape_error 0"))
    // node_exporter sorts the labels and writes numbers its own way: the samples are counted, and
    // the awkward one is looked for label by label.
    #expect(served.filter { $0.hasPrefix("imtop_") }.count == written.count)
    #expect(served.contains { $0.hasPrefix("imtop_system_info{") && $0.contains(#"owner="Team\nOne""#) && $0.contains(#"system="say \"hi\"""#) })
    #expect(served.contains { $0.hasPrefix("imtop_system_state{") && $0.contains(#"system="zürich-🚀""#) })
  }
}
