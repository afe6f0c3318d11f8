import Foundation
import ImtopTestSupport
import Testing

/// A real Prometheus server (Debian's) on a loopback port with its configuration and storage in a
/// test's folder; stopped by its process id.
final class PrometheusServer {
  let pid: pid_t
  let port: Int

  /// Prometheus reading `config` and keeping its data in `storage`, on `port` (a free one when
  /// nil: a restart passes the port it had), its output in `log`.
  init(config: URL, storage: URL, port: Int? = nil, log: URL? = nil) throws {
    self.port = try port ?? LoopbackPort.free()
    pid = try ChildProcess.spawn(
      try #require(PrometheusTools.prometheus),
      [
        "--config.file=\(config.path)", "--storage.tsdb.path=\(storage.path)",
        "--storage.tsdb.retention.time=100y", "--web.listen-address=127.0.0.1:\(self.port)",
      ], outputFile: log?.path ?? "/dev/null")
  }

  /// A server whose storage holds the blocks `promtool tsdb create-blocks-from openmetrics` made
  /// of `openMetrics`, scraping nothing.
  convenience init(openMetrics: String, in root: TemporaryDirectory) throws {
    let input = root.file("input.om")
    try Data(openMetrics.utf8).write(to: input)
    let created = try PrometheusTools.run(["tsdb", "create-blocks-from", "openmetrics", input.path, root.file("tsdb").path])
    guard created.status == 0 else { throw Failure(message: "promtool: \(created.output)") }
    try Data("global:\n  scrape_interval: 1m\n".utf8).write(to: root.file("prometheus.yml"))
    try self.init(config: root.file("prometheus.yml"), storage: root.file("tsdb"), log: root.file("prometheus.log"))
  }

  /// Waits (up to a minute) until `imtop check` with the source passes: the server listens and its
  /// storage is loaded.
  func waitUntilReady(imtop: String, directory: String, config: String, now: String) throws {
    let deadline = Date().addingTimeInterval(60)
    while Date() < deadline {
      let check = try ChildProcess.run(imtop, ["check", directory, "--now", now, "--config", config])
      if check.status == 0 { return }
      usleep(300_000)
    }
    throw Failure(message: "prometheus on port \(port) did not answer within a minute")
  }

  func stop() { stopChild(pid) }

  struct Failure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
  }
}

/// node_exporter (Debian's) with only its textfile collector, reading `directory`, on a free
/// loopback port; stopped by its process id.
struct NodeExporter {
  let pid: pid_t
  let port: Int

  init(textfiles directory: URL) throws {
    port = try LoopbackPort.free()
    pid = try ChildProcess.spawn(
      try #require(PrometheusTools.nodeExporter),
      [
        "--web.listen-address=127.0.0.1:\(port)", "--collector.disable-defaults", "--collector.textfile",
        "--collector.textfile.directory=\(directory.path)",
      ])
  }

  func stop() { stopChild(pid) }
}

/// SIGTERM, then SIGKILL if the child has not ended within 30 s.
private func stopChild(_ pid: pid_t) {
  kill(pid, SIGTERM)
  if ChildProcess.wait(pid, seconds: 30) == nil {
    kill(pid, SIGKILL)
    ChildProcess.wait(pid)
  }
}
