import Foundation

/// This process's memory as the kernel reports it in `/proc/self/status`.
enum ProcessMemory {
  /// Resident set size now, in bytes.
  static var resident: Int? { field("VmRSS", of: "/proc/self/status") }
  /// Peak resident set size, in bytes.
  static var peakResident: Int? { field("VmHWM", of: "/proc/self/status") }

  /// A size field (in kB in the file) of a `/proc/PID/status` file, in bytes.
  static func field(_ name: String, of path: String) -> Int? {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
    for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
      let digits = line.split(separator: " ").dropFirst().first { Int($0) != nil }
      return digits.flatMap { Int($0) }.map { $0 * 1024 }
    }
    return nil
  }

  static func format(_ bytes: Int?) -> String {
    guard let bytes else { return "n/a" }
    return String(format: "%.1f MB", Double(bytes) / 1_048_576)
  }
}
