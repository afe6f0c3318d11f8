import FoundationEssentials

/// Keeps the demo alive: appends status and metric samples to the demo's files as monitors would,
/// with degradations and outages that start and recover, so the dashboard visibly changes; now and
/// then training is completed or a review done (`DemoSimulator+Governance.swift`).
public struct DemoSimulator: Sendable {
  public let directory: URL
  /// How much livelier than reality: trouble comes `pace` times as often and lasts `1/pace` as long.
  public let pace: Double
  private var monitors: [DemoMonitor]
  var random: SeededGenerator
  private var lastTick: Timestamp?

  /// `speed` 1 gives a state change somewhere in the portfolio every half-minute or so.
  public init(directory: URL, seed: UInt64 = 2026, speed: Double = 1) {
    self.directory = directory
    self.pace = 1500 * max(0.01, speed)
    self.monitors = DemoCatalog.systems.filter(\.monitored).map { DemoMonitor(system: $0) }
    self.random = SeededGenerator(seed: seed ^ 0x5EED)
  }

  /// The lines one tick at `time` appends: (status lines, metric lines).
  public mutating func tick(at time: Timestamp) -> (status: String, metrics: String) {
    let step = lastTick.map { max(Span.seconds(1), time - $0) } ?? Span.seconds(2)
    lastTick = time
    var status: [UInt8] = []
    let ts = time.iso8601
    let stamp = Array(ts.utf8)
    for index in monitors.indices {
      _ = monitors[index].advance(to: time, step: step, pace: pace, random: &random)
      monitors[index].appendStatusLine(stamped: stamp, to: &status, random: &random)
    }
    let temperature = random.around(23, spread: 0.05)
    let backlog = Int(random.around(60, spread: 0.25))
    let metrics =
      "{\"ts\":\"\(ts)\",\"metric\":\"dc_temperature_c\",\"system\":\"dc-sensors\",\"value\":\(DemoMonitor.format(temperature)),\"unit\":\"°C\"}\n"
      + "{\"ts\":\"\(ts)\",\"metric\":\"service_desk_backlog\",\"system\":\"service-desk\",\"value\":\(backlog),\"unit\":\"tickets\"}\n"
    return (String(decoding: status, as: UTF8.self), metrics)
  }

  /// Runs one tick and appends its lines to `status.jsonl` and `metrics.jsonl`.
  public mutating func appendTick(at time: Timestamp) throws {
    let lines = tick(at: time)
    try DemoSimulator.append(lines.status, to: directory.appendingPathComponent("status.jsonl"))
    try DemoSimulator.append(lines.metrics, to: directory.appendingPathComponent("metrics.jsonl"))
    try maybeGovernanceStep(at: time)
  }

  /// Appends whole lines in one write, so a reader never sees half a line from us.
  static func append(_ text: String, to file: URL) throws {
    try FileWrite.append(text, to: file.path)
  }
}
