import Foundation
import ImtopTestSupport

/// A copy of the reader fixture organisation in a temporary folder, with fresh status samples so
/// that every system is up now, and a way to append lines as a monitor would.
struct LiveDataDirectory {
  private let folder: TemporaryDirectory
  /// The data directory imtop is given.
  let url: URL

  init() throws {
    folder = try TemporaryDirectory(prefix: "imtop-e2e")
    url = folder.file("org")
    let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("ImtopCoreTests/Fixtures/org")
    try FileManager.default.copyItem(at: fixture, to: url)
    var lines = ""
    for system in ["erp", "crm", "records", "db", "wan", "laptops"] {
      lines += "{\"ts\":\"\(LiveDataDirectory.iso(Date()))\",\"system\":\"\(system)\",\"state\":\"up\",\"latency_ms\":20}\n"
    }
    try Data(lines.utf8).write(to: monitorLog)
  }

  var monitorLog: URL { url.appendingPathComponent("status/monitor.jsonl") }

  /// Appends whole lines to the monitor's log.
  func append(_ text: String) throws {
    let handle = try FileHandle(forWritingTo: monitorLog)
    defer { try? handle.close() }
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(text.utf8))
  }

  /// Writes `csv` as incidents.csv and lists the incidents page after the fixture's five pages, so
  /// `6` opens it.
  func writeIncidents(_ csv: String) throws {
    try Data(csv.utf8).write(to: url.appendingPathComponent("incidents.csv"))
    let config = url.appendingPathComponent("imtop.toml")
    let toml = try String(contentsOf: config, encoding: .utf8)
      .replacingOccurrences(of: "\"kpis\"]", with: "\"kpis\", \"incidents\"]")
    guard toml.contains("\"incidents\"]") else { throw CocoaError(.fileReadCorruptFile) }
    try Data(toml.utf8).write(to: config)
  }

  func remove() {
    folder.remove()
  }

  static func iso(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
  }
}
