import ImtopCore
import PropertyBased
import Testing

/// `StatusTimeline` (runs, merged samples) against a literal reading of the README's "Metric definitions" over the raw
/// samples: each sample holds until the next one, for at most `stale_after`.
@Suite struct StatusTimelinePropertyTests {
  struct Case: Sendable {
    var samples: [(minute: Int64, state: ServiceState)]
    var stale: Int64
    var now: Int64
    var length: Int64
  }

  static let cases = Generator<Case, Shrink.None<Case>>(run: { rng in
    let states: [ServiceState] = [.up, .degraded, .down, .maintenance]
    let count = Int.random(in: 0...30, using: &rng)
    // Sorted by minute; equal minutes keep their order (file order), as the cold path gives them.
    let samples = (0..<count).map { _ in
      (minute: Int64.random(in: 0...200, using: &rng), state: states.randomElement(using: &rng) ?? .up)
    }.enumerated().sorted { ($0.element.minute, $0.offset) < ($1.element.minute, $1.offset) }.map(\.element)
    return Case(
      samples: samples, stale: Int64.random(in: 0...20, using: &rng), now: Int64.random(in: 0...220, using: &rng),
      length: Int64.random(in: 1...220, using: &rng))
  })

  static let origin = utc(2026, 1, 1)

  static func time(_ minute: Int64) -> Timestamp { origin + .minutes(minute) }

  /// Milliseconds per state in `(now − length, now]`, sample by sample.
  static func reference(_ test: Case) -> [ServiceState: Int64] {
    var result: [ServiceState: Int64] = [:]
    for (index, sample) in test.samples.enumerated() where sample.minute <= test.now {
      var end = sample.minute + test.stale
      if index + 1 < test.samples.count { end = min(end, test.samples[index + 1].minute) }
      let from = max(sample.minute, test.now - test.length)
      let to = min(end, test.now)
      if to > from { result[sample.state, default: 0] += (to - from) * 60_000 }
    }
    return result
  }

  static func referenceOutages(_ test: Case) -> Int {
    var count = 0
    for (index, sample) in test.samples.enumerated() where sample.state == .down {
      guard sample.minute > test.now - test.length, sample.minute <= test.now else { continue }
      if index == 0 {
        count += 1
        continue
      }
      let previous = test.samples[index - 1]
      if previous.state != .down || sample.minute - previous.minute > test.stale { count += 1 }
    }
    return count
  }

  static func referenceState(_ test: Case) -> ServiceState {
    guard let last = test.samples.last(where: { $0.minute <= test.now }) else { return .unknown }
    return test.now - last.minute <= test.stale ? last.state : .unknown
  }

  @Test func runsAnswerLikeTheRawSamples() async {
    await propertyCheck(count: 500, input: Self.cases) { test in
      var timeline = StatusTimeline(staleAfter: .minutes(test.stale))
      for sample in test.samples { timeline.insert(state: sample.state, at: Self.time(sample.minute)) }
      let durations = timeline.durations(over: .minutes(test.length), at: Self.time(test.now))
      let expected = Self.reference(test)
      #expect(durations.up.milliseconds == expected[.up] ?? 0)
      #expect(durations.degraded.milliseconds == expected[.degraded] ?? 0)
      #expect(durations.down.milliseconds == expected[.down] ?? 0)
      #expect(durations.maintenance.milliseconds == expected[.maintenance] ?? 0)
      #expect(timeline.outages(over: .minutes(test.length), at: Self.time(test.now)) == Self.referenceOutages(test))
      #expect(timeline.state(at: Self.time(test.now)) == Self.referenceState(test))
    }
  }
}
