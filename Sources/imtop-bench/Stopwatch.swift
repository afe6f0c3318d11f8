import Foundation

/// Wall-clock timing for the benchmark (the only place that reads the system clock for speed).
enum Stopwatch {
  /// Seconds taken by `body`.
  static func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  }

  /// The fastest and the median of `runs` timings.
  static func best(of runs: Int, _ body: () throws -> Void) rethrows -> (best: Double, median: Double) {
    var times: [Double] = []
    for _ in 0..<max(1, runs) { times.append(try seconds(body)) }
    times.sort()
    return (times[0], times[times.count / 2])
  }

  static func format(_ seconds: Double) -> String {
    if seconds < 1e-3 { return String(format: "%.0f µs", seconds * 1e6) }
    if seconds < 1 { return String(format: "%.2f ms", seconds * 1e3) }
    return String(format: "%.2f s", seconds)
  }
}
