import Foundation

/// A new, empty folder of its own under the system's temporary directory, for a test or a benchmark
/// run; `remove()` deletes it and everything in it.
public struct TemporaryDirectory: Sendable {
  public let url: URL

  /// Creates `<tmp>/<prefix>-<UUID>`.
  public init(prefix: String = "imtop") throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  public var path: String { url.path }

  /// The URL of `relativePath` inside the folder (nothing is created).
  public func file(_ relativePath: String) -> URL {
    url.appendingPathComponent(relativePath)
  }

  /// Writes each file (a relative path, with folders created as needed) with its UTF-8 text.
  public func write(_ files: [String: String]) throws {
    for (relativePath, text) in files {
      let target = file(relativePath)
      try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: target)
    }
  }

  /// Deletes the folder and its contents (nothing happens if it is already gone).
  public func remove() {
    try? FileManager.default.removeItem(at: url)
  }
}
