import Foundation

/// The test process's environment (golden re-recording, preview output).
enum TestEnvironment {
  static func environment(_ name: String) -> String? { ProcessInfo.processInfo.environment[name] }
}
