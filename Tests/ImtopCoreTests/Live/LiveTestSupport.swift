import Foundation

@testable import ImtopCore

/// A temporary data directory, removed when the test ends.
final class TemporaryDataDirectory {
  let path: String

  init() throws {
    path = NSTemporaryDirectory() + "imtop-live-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }

  func url(_ name: String) -> URL { URL(fileURLWithPath: path + "/" + name) }

  func write(_ name: String, _ text: String) throws {
    try write(name, bytes: Array(text.utf8))
  }

  /// Replaces the file as careful exporters do: written beside it, then renamed over it (a new
  /// inode, which the poller reads at once).
  func write(_ name: String, bytes: [UInt8]) throws {
    let folder = url(name).deletingLastPathComponent()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data(bytes).write(to: url(name), options: .atomic)
  }

  /// Rewrites the file in place (the same inode), as a spreadsheet or a simple script does.
  func overwrite(_ name: String, bytes: [UInt8]) throws {
    let handle = try FileHandle(forWritingTo: url(name))
    defer { try? handle.close() }
    try handle.truncate(atOffset: 0)
    try handle.write(contentsOf: Data(bytes))
  }

  func append(_ name: String, _ text: String) throws {
    let handle = try FileHandle(forWritingTo: url(name))
    defer { try? handle.close() }
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(text.utf8))
  }

  func remove(_ name: String) throws {
    try FileManager.default.removeItem(at: url(name))
  }

  func move(_ name: String, to newName: String) throws {
    try FileManager.default.moveItem(at: url(name), to: url(newName))
  }
}

/// 2026-03-01T00:00:00Z (20513 days after the epoch).
let marchFirst = Timestamp(seconds: 1_772_323_200)

/// A status line at `minutes` after `marchFirst`.
func statusLine(_ system: String, _ state: String, minute: Int, latency: Int? = nil) -> String {
  let seconds = 1_772_323_200 + minute * 60
  let latencyField = latency.map { ",\"latency_ms\":\($0)" } ?? ""
  return "{\"ts\":\(seconds),\"system\":\"\(system)\",\"state\":\"\(state)\"\(latencyField)}\n"
}
