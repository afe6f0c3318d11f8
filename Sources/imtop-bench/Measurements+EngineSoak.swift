import Foundation
import ImtopCore
import ImtopTerminal
import ImtopTestSupport
import ImtopUI

/// The soak without a terminal or the wall clock: the demo simulator, the poller, the engine and
/// the dashboard's state and frames, stepped by a hand-moved clock at the real soak's pace (a tick
/// and a poll every 250 ms, speed 20), so hours of it take minutes. Anonymous resident memory
/// (`RssAnon`: the heap, without the mapped program) is read every simulated 10 minutes beside the sizes of the structures that hold data, to tell
/// growth that follows the data (the 30-day window filling) from growth that should not be.
extension Measurements {
  mutating func engineSoak(hours: Double) throws {
    let directory = try makeDirectory("engine-soak")
    let start = Timestamp(seconds: 1_796_083_200)  // 2026-12-01T00:00:00Z
    try DemoGenerator(seed: 2026, now: start).write(to: URL(fileURLWithPath: directory))
    var simulator = DemoSimulator(directory: URL(fileURLWithPath: directory), seed: 2026, speed: 20)
    let clock = ManualClock(start)
    let session = LiveSession(poller: Poller(directory: directory, clock: clock))
    var program = DashboardProgram(
      configuration: Configuration(), overrides: .init(), catalog: ThemeCatalog(), clock: clock, requestReread: {})
    _ = program.handle(.resize(Size(width: 160, height: 48)))
    let step = Span(milliseconds: 250)
    let steps = Int(hours * 3600 * 4)
    var rows: [String] = []
    var heap: [(minutes: Int, bytes: Int)] = []
    for index in 0...steps {
      if index > 0 { clock.advance(by: step) }
      try simulator.appendTick(at: clock.now)
      if let update = session.step() { _ = program.receive(update) }
      if index % 4 == 0 { _ = program.tick() }
      _ = program.render(size: Size(width: 160, height: 48))
      guard index % (4 * 600) == 0 else { continue }
      let store = session.poller.store
      let bytes = Self.heapInUse()
      heap.append((index / 240, bytes))
      let snapshot = program.state.snapshot
      let history = snapshot?.systems.reduce(0) { $0 + $1.history.entries.count } ?? 0
      rows.append(
        String(
          format: "%4d min heap %.2f MB runs %d latency buckets %d metric buckets %d history %d feed %d",
          index / 240, Double(bytes) / 1_048_576, store.retainedRunCount,
          store.latency.values.reduce(0) { $0 + $1.buckets.count }, store.metrics.bucketCount, history,
          program.state.events.count))
    }
    print(rows.joined(separator: "\n"))
    guard let settled = heap.dropFirst(heap.count / 4).first, let last = heap.last else { return }
    let perHour = Double(last.bytes - settled.bytes) / Double(max(1, last.minutes - settled.minutes)) * 60
    table.add(
      String(format: "engine soak %.1f h (simulated), demo speed 20, 250 ms", hours),
      measured: String(format: "heap %.2f → %.2f MB", Double(settled.bytes) / 1_048_576, Double(last.bytes) / 1_048_576),
      target: "flat beyond the data held",
      reference: String(format: "%+.2f MB/h after the first quarter", perHour / 1_048_576), met: nil)
  }

  /// Anonymous resident memory (the heap and stacks, not the program's mapped files), in bytes.
  static func heapInUse() -> Int { ProcessMemory.field("RssAnon", of: "/proc/self/status") ?? 0 }
}
