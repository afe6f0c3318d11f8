import Foundation
import ImtopCore

/// Writes realistic `status.jsonl` content: 50 systems reporting in turn every few seconds, mostly
/// up, with short degraded and down spells, ISO 8601 timestamps and latencies (about 75 bytes a line).
struct StatusLogGenerator {
  static let systems = (0..<50).map { "sys-\($0 < 10 ? "0" : "")\($0)" }
  /// Timestamp of the first line.
  var start = Timestamp(seconds: 1_772_323_200)
  /// Seconds between consecutive lines.
  var step: Int64 = 2
  private(set) var written = 0

  /// The lines `from ..< from + count` as bytes.
  func lines(from first: Int, count: Int) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(count * 80)
    for index in first..<(first + count) {
      let system = StatusLogGenerator.systems[index % StatusLogGenerator.systems.count]
      let time = start + Span.seconds(Int64(index) * step)
      // A system is down for one report in 997 and degraded for one in 89.
      let round = index / StatusLogGenerator.systems.count
      let state = (round + index) % 997 == 0 ? "down" : (round + index) % 89 == 0 ? "degraded" : "up"
      let latency = 20 + (index &* 7919) % 480
      bytes += Array("{\"ts\":\"\(time.iso8601)\",\"system\":\"\(system)\",\"state\":\"\(state)\",\"latency_ms\":\(latency)}\n".utf8)
    }
    return bytes
  }

  /// Appends `count` lines to the file at `path`, a block at a time (so memory stays small).
  mutating func append(count: Int, to path: String) throws {
    if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
    guard let handle = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileNoSuchFile) }
    defer { try? handle.close() }
    try handle.seekToEnd()
    var remaining = count
    while remaining > 0 {
      let block = min(remaining, 50_000)
      try handle.write(contentsOf: Data(lines(from: written, count: block)))
      written += block
      remaining -= block
    }
  }
}
