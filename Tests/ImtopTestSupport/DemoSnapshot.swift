import ImtopCore

/// The built-in demo's figures at an instant: the demo written to a temporary folder, read as a
/// one-shot command reads it, and computed.
public enum DemoSnapshot {
  public static func make(seed: UInt64, now: Timestamp, historyDays: Int) throws -> Snapshot {
    let directory = try TemporaryDirectory(prefix: "imtop-demo-snapshot")
    defer { directory.remove() }
    try DemoGenerator(seed: seed, now: now, historyDays: historyDays).write(to: directory.url)
    return MetricEngine().snapshot(of: DirectoryReading(directory: directory.path, at: now).input, at: now)
  }
}
