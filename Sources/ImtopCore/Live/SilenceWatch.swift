/// Notices systems going silent and reporting again (the README's metric definitions: silent is
/// sampled before, the latest sample older than `stale_after`), and says when the next one can go
/// silent, so that the live feed wakes at that deadline rather than at its next idle recomputation.
///
/// Only the inventory's systems count: an id missing from `systems.csv` has no row to go silent.
struct SilenceWatch {
  /// What was seen of a system at the previous look.
  private struct Seen {
    var lastSample: Timestamp?
    var silent: Bool
  }

  private var seen: [String: Seen] = [:]

  /// The events since the previous look: `wentSilent` for a system that was reporting and now is
  /// silent, `reportingAgain` for one that was silent and has a newer sample. A system seen for the
  /// first time (the first poll, a row added to `systems.csv`) raises none: it is where things start.
  /// - Complexity: O(systems × log runs).
  mutating func changes(in store: Store, at now: Timestamp) -> [LiveEvent] {
    var events: [LiveEvent] = []
    var next: [String: Seen] = [:]
    for system in store.registeredSystems.sorted() {
      let timeline = store.timelines[system]
      let latest = timeline?.latestSample(atOrBefore: now)
      let silent = SilenceWatch.isSilent(latest: latest, at: now, staleAfter: timeline?.staleAfter ?? .zero)
      next[system] = Seen(lastSample: latest, silent: silent)
      guard let before = seen[system], let latest, let timeline else { continue }
      if silent && !before.silent {
        events.append(.wentSilent(system: system, lastSample: latest, at: latest + timeline.staleAfter))
      } else if !silent, before.silent, let previous = before.lastSample, latest > previous {
        let back = timeline.firstSample(after: previous, atOrBefore: now) ?? latest
        events.append(.reportingAgain(system: system, lastSample: previous, at: back))
      }
    }
    seen = next
    return events
  }

  /// Silent at `now`: sampled, and the latest sample more than `staleAfter` old (a state exactly
  /// `staleAfter` old still holds).
  static func isSilent(latest: Timestamp?, at now: Timestamp, staleAfter: Span) -> Bool {
    latest.map { now - $0 > staleAfter } ?? false
  }

  /// The first instant after `now` at which something may change without any file changing: a
  /// system still reporting goes silent (its latest sample + `stale_after` + 1 ms, the first instant
  /// that sample is older than `stale_after`), or a sample held for being stamped in the future
  /// takes effect. Nil when neither can happen.
  /// - Complexity: O(systems × log runs + held samples).
  static func nextDeadline(in store: Store, at now: Timestamp) -> Timestamp? {
    var deadline = store.nextHeldSampleTime
    for system in store.registeredSystems {
      guard let timeline = store.timelines[system], let latest = timeline.latestSample(atOrBefore: now) else { continue }
      let silence = latest + timeline.staleAfter + Span(milliseconds: 1)
      if silence > now { deadline = min(deadline ?? silence, silence) }
    }
    return deadline
  }
}

extension Store {
  /// The ids of the systems the inventory (`systems.csv`) lists, as last read.
  var registeredSystems: Set<String> {
    var ids = Set<String>()
    for file in contents.values {
      if case .systems(let records) = file.records { ids.formUnion(records.map(\.id)) }
    }
    return ids
  }
}

extension StatusTimeline {
  /// The time of the first sample after `time` and at or before `now`: the start of the first run
  /// after the one holding `time` (samples inside a run are merged, so a run's first sample after
  /// a silence always starts a run of its own).
  /// - Complexity: O(log n).
  func firstSample(after time: Timestamp, atOrBefore now: Timestamp) -> Timestamp? {
    let index = indexOfRun(atOrBefore: time).map { $0 + 1 } ?? 0
    guard index < runs.count, runs[index].start <= now else { return nil }
    return runs[index].start
  }
}
