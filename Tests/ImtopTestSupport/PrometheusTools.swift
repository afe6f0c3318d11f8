import Foundation

/// The real Prometheus tools for the tests that check imtop's output against them: `.ci/run` unpacks
/// Debian's `prometheus` and `prometheus-node-exporter` packages into the repository's ignored
/// `.tools/prometheus/` and names the programs in `IMTOP_PROMTOOL`, `IMTOP_PROMETHEUS` and
/// `IMTOP_NODE_EXPORTER`.
///
/// A program is found through its variable (taken as it is, so a wrong one fails the tests rather
/// than skipping them), else in `.tools/prometheus/usr/bin`, else on `PATH`; nil when it is nowhere,
/// and the tests that need it are skipped with a note saying so.
public enum PrometheusTools {
  public static let promtool: String? = locate("promtool", variable: "IMTOP_PROMTOOL")
  public static let prometheus: String? = locate("prometheus", variable: "IMTOP_PROMETHEUS")
  public static let nodeExporter: String? = locate("prometheus-node-exporter", variable: "IMTOP_NODE_EXPORTER")

  /// The note a suite skipped for want of `program` shows.
  public static func missingNote(_ program: String = "promtool", variable: String = "IMTOP_PROMTOOL") -> String {
    "\(program) not found: set \(variable), or run .ci/run once to unpack it into .tools/prometheus"
  }

  /// The repository's root, three levels above this file (Tests/ImtopTestSupport/PrometheusTools.swift).
  static var repositoryRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  }

  static func locate(_ name: String, variable: String) -> String? {
    let environment = ProcessInfo.processInfo.environment
    if let path = environment[variable], !path.isEmpty { return path }
    let unpacked = repositoryRoot.appendingPathComponent(".tools/prometheus/usr/bin/\(name)").path
    if FileManager.default.isExecutableFile(atPath: unpacked) { return unpacked }
    for folder in (environment["PATH"] ?? "").split(separator: ":") {
      let candidate = "\(folder)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// `promtool check metrics` on `text` (given on its standard input): its exit status (0 valid, 1 not
  /// parsed, 3 lint problems) and what it printed, standard error included.
  public static func checkMetrics(_ text: String) throws -> ChildProcess.Result {
    try withFile(text) { file in try run(["check", "metrics"], standardInput: file) }
  }

  /// Reads `text` with Prometheus's OpenMetrics parser, stricter than `check metrics` (which reads the
  /// 0.0.4 text format): `promtool tsdb create-blocks-from openmetrics`, into a block thrown away.
  /// That command wants a timestamp on every sample, so `timestamp` (seconds) is added to each
  /// sample line first; nothing else is changed.
  public static func parseOpenMetrics(_ text: String, timestamp: Int64) throws -> ChildProcess.Result {
    let stamped = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.isEmpty || line.hasPrefix("#") ? String(line) : "\(line) \(timestamp)"
    }.joined(separator: "\n")
    let blocks = try TemporaryDirectory(prefix: "imtop-blocks")
    defer { blocks.remove() }
    return try withFile(stamped) { file in try run(["tsdb", "create-blocks-from", "openmetrics", file.path, blocks.path]) }
  }

  /// promtool with `arguments` and `standardInput` (default /dev/null): its exit status and what it
  /// printed, standard error included.
  public static func run(_ arguments: [String], standardInput: URL? = nil) throws -> ChildProcess.Result {
    let input = standardInput?.path ?? "/dev/null"
    return try ChildProcess.run("/bin/sh", ["-c", #"input=$1; shift; "$0" "$@" < "$input" 2>&1"#, try require(promtool), input] + arguments)
  }

  public struct Missing: Error, CustomStringConvertible {
    public var description: String { "promtool not found" }
  }

  private static func require(_ path: String?) throws -> String {
    guard let path else { throw Missing() }
    return path
  }

  private static func withFile<Result>(_ text: String, _ body: (URL) throws -> Result) throws -> Result {
    let folder = try TemporaryDirectory(prefix: "imtop-metrics")
    defer { folder.remove() }
    let file = folder.file("metrics.txt")
    try Data(text.utf8).write(to: file)
    return try body(file)
  }
}
