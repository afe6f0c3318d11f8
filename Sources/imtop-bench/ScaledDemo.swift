import Foundation
import ImtopCore

/// The demo organisation copied until it has a given number of systems, turned into snapshots by
/// the real `MetricEngine`: the large portfolio the frame-time target speaks of.
struct ScaledDemo {
  let now: Timestamp
  let input: EngineInput

  /// Generates the demo (`historyDays` of history) in `directory`, reads it as `imtop snapshot`
  /// does, and copies every system, its status history, budget lines and incidents under new ids
  /// until there are `systems` (nil: the demo as it is).
  init(systems wanted: Int? = nil, historyDays: Int = 2, directory: String) throws {
    now = SystemTimeSource().now
    try DemoGenerator(now: now, historyDays: historyDays).write(to: URL(fileURLWithPath: directory))
    let original = DirectoryReading(directory: directory, at: now).input
    var scaled = original
    let count = wanted ?? original.systems.count
    let copies = original.systems.isEmpty ? 0 : (count + original.systems.count - 1) / original.systems.count
    scaled.systems = []
    for copy in 0..<copies {
      func renamed(_ id: String) -> String { copy == 0 ? id : "\(id)-\(copy)" }
      for var record in original.systems where scaled.systems.count < count {
        record.id = renamed(record.id)
        record.name = copy == 0 ? record.name : "\(record.name) \(copy)"
        record.dependsOn = record.dependsOn.map(renamed)
        scaled.systems.append(record)
      }
      guard copy > 0 else { continue }
      // History only for the copies kept: a status history of an unlisted system would add it.
      let kept = Set(scaled.systems.map(\.id))
      for (system, timeline) in original.timelines where kept.contains(renamed(system)) {
        scaled.timelines[renamed(system)] = timeline
        scaled.latency[renamed(system)] = original.latency[system]
      }
      scaled.budget += original.budget.compactMap {
        var line = $0; line.system = line.system.map(renamed); return line.system.map(kept.contains) == false ? nil : line
      }
      scaled.incidents += original.incidents.compactMap {
        var incident = $0; incident.id = renamed(incident.id); incident.system = renamed(incident.system)
        return kept.contains(incident.system) ? incident : nil
      }
    }
    input = scaled
  }

  /// The snapshot now.
  func snapshot() -> Snapshot {
    MetricEngine().snapshot(of: input, at: now)
  }

  /// The snapshot one second later, after the first system up in `current` reported `state`.
  func snapshot(changing state: ServiceState, from current: Snapshot) -> (snapshot: Snapshot, system: String) {
    var changed = input
    let system = current.systems.first { $0.state == .up }?.id ?? ""
    changed.timelines[system, default: StatusTimeline(staleAfter: input.configuration.staleAfter)]
      .insert(state: state, at: now + Span.seconds(1))
    return (MetricEngine().snapshot(of: changed, at: now + Span.seconds(1)), system)
  }
}
