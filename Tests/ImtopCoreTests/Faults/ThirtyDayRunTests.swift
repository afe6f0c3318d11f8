import ImtopTestSupport
import Foundation
import Testing

@testable import ImtopCore

/// A month and a day of a monitor's output fed through the live engine on a hand-moved clock: a
/// sample per system per minute for 48 systems (over two million samples), polled every 5 minutes
/// (figures every 6 hours), the log rotated every hour by rename and a new file. What the engine holds must stay flat, and its figures must equal a cold computation
/// over every sample as well as the ones worked out by hand for the regular pattern.
@Suite struct ThirtyDayRunTests {
  /// Sixteen systems of each pattern: a0...a15, b0...b15, c0...c15.
  static let systems = ["a", "b", "c"].flatMap { kind in (0..<16).map { "\(kind)\($0)" } }
  /// 31 days and 30 minutes: the last sample is at hh:29, so `now` is hh:30 and the 30-day window
  /// holds exactly 720 whole hours, each with its whole 5-minute outage of `b` inside.
  static let minutes = 31 * 1440 + 30

  /// a: up, latency = minute of the hour; b: down for minutes 0-4 of every hour, else up; c: degraded.
  static func sample(_ system: String, minute: Int) -> StatusSample {
    let time = marchFirst + .minutes(Int64(minute))
    let ofHour = minute % 60
    switch system.first {
    case "a": return StatusSample(timestamp: time, system: system, state: .up, latencyMs: Double(ofHour))
    case "b": return StatusSample(timestamp: time, system: system, state: ofHour < 5 ? .down : .up)
    default: return StatusSample(timestamp: time, system: system, state: .degraded)
    }
  }

  static func line(_ sample: StatusSample) -> String {
    let latency = sample.latencyMs.map { ",\"latency_ms\":\(Int($0))" } ?? ""
    return "{\"ts\":\(sample.timestamp.milliseconds / 1000),\"system\":\"\(sample.system)\",\"state\":\"\(sample.state.rawValue)\"\(latency)}\n"
  }

  @Test func thirtyOneDaysWithHourlyRotationStayFlatAndExact() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("systems.csv", "id,name\n" + Self.systems.map { "\($0),System \($0)\n" }.joined())
    try directory.write("status.jsonl", "")
    let clock = ManualClock(marchFirst)
    let live = LiveSession(poller: Poller(directory: directory.path, clock: clock))
    var runCounts: [Int] = []
    var bucketCounts: [Int] = []
    var wrongFigures: [Int] = []
    var update: LiveUpdate?
    var pending = ""
    for minute in 0..<Self.minutes {
      if minute > 0 && minute % 60 == 0 {
        // Hourly rotation: what was written is renamed away (the previous one deleted), a new log begins.
        try? directory.remove("status.jsonl.1")
        try directory.move("status.jsonl", to: "status.jsonl.1")
        try directory.write("status.jsonl", "")
      }
      for system in Self.systems { pending += Self.line(Self.sample(system, minute: minute)) }
      guard minute % 5 == 4 || minute == Self.minutes - 1 else { continue }
      try directory.append("status.jsonl", pending)
      pending = ""
      clock.advance(by: .minutes(Int64(minute + 1)) - (clock.now - marchFirst))
      // Every poll reads and folds in the new lines; figures are computed every 6 hours and at the end
      // (computing them every 5 minutes would only repeat the same work 72 times as often).
      if minute % 360 == 359 || minute == Self.minutes - 1 {
        update = live.step(force: true)
        // Along the way too: a's latency is the minute of the hour of its last sample, b is down in
        // the first 5 minutes of each hour.
        let systems = update?.snapshot.systems ?? []
        if systems.first(where: { $0.id == "a0" })?.latencyMs != Double(minute % 60) { wrongFigures.append(minute) }
        if systems.first(where: { $0.id == "b7" })?.state != (minute % 60 < 5 ? .down : .up) { wrongFigures.append(minute) }
      } else {
        _ = live.poller.poll()
      }
      if minute % 1440 == 1439 {
        runCounts.append(live.poller.store.retainedRunCount)
        bucketCounts.append(live.poller.store.latency.values.reduce(0) { $0 + $1.buckets.count })
      }
    }
    let final = try #require(update)
    #expect(wrongFigures.isEmpty, "wrong live figures at minutes \(wrongFigures.prefix(5))")
    #expect(final.snapshot.asOf == marchFirst + .minutes(Int64(Self.minutes)))
    // Nothing wrong in thirty days but the inventory's empty data-quality fields.
    #expect(final.snapshot.data.issues.apartFromDataQuality.isEmpty)
    #expect(final.snapshot.data.files.first { $0.path == "status.jsonl" }?.records == 30 * Self.systems.count, "30 minutes of every system since the last rotation")

    // Flat: each b makes 2 runs an hour and each a and c one in all, so 30 days hold about
    // 16 x 1,440 + 32 runs; the count on day 31 is the same as on day 30, and the latency buckets are capped.
    #expect(runCounts.count == 31)
    #expect((runCounts.max() ?? 0) <= 16 * (2 * 24 * 31 + 10))
    #expect(abs(runCounts[30] - runCounts[29]) <= 2 * 16, "runs kept growing: \(runCounts.suffix(3))")
    #expect(bucketCounts[30] == bucketCounts[29], "latency buckets kept growing: \(bucketCounts.suffix(3))")

    // By hand: b is down 5 of every 60 minutes over 720 whole hours: 55/60 available, 720 outages,
    // MTBF = 720 x 55 min of up time / 720 outages = 55 min = 0.91666 h. a and c never go down.
    let figures = Dictionary(uniqueKeysWithValues: final.snapshot.systems.map { ($0.id, $0) })
    let b = try #require(figures["b3"])
    #expect(abs((b.availability.month ?? 0) - 55.0 / 60.0 * 100) < 1e-9, "\(String(describing: b.availability.month))")
    #expect(b.outages30d == 720)
    #expect(abs((b.mtbfHours30d ?? 0) - 55.0 / 60.0) < 1e-9)
    #expect(b.state == .up)
    #expect(figures.values.filter { $0.id.hasPrefix("b") }.allSatisfy { $0.availability == b.availability && $0.outages30d == 720 })
    #expect(figures["a5"]?.availability.month == 100)
    #expect(figures["a5"]?.latencyMs == 29, "the last sample is at minute 29 of its hour")
    #expect(figures["c2"]?.state == .degraded)
    #expect(figures["c2"]?.availability.month == 100)
    #expect(figures.values.allSatisfy { $0.coverage.month == 100 })

    // Independently: a cold engine over every sample ever written.
    var dataSet = TestOrganisation()
    dataSet.systems = Self.systems.map { SystemRecord(id: $0, name: "System \($0)") }
    dataSet.status.reserveCapacity(Self.minutes * Self.systems.count)
    for minute in 0..<Self.minutes {
      for system in Self.systems { dataSet.status.append(Self.sample(system, minute: minute)) }
    }
    let cold = MetricEngine().snapshot(of: dataSet, at: final.snapshot.asOf)
    for health in cold.systems {
      let live = try #require(figures[health.id])
      #expect(live.state == health.state, "\(health.id)")
      #expect(live.availability == health.availability, "\(health.id)")
      #expect(live.coverage == health.coverage, "\(health.id)")
      #expect(live.outages30d == health.outages30d, "\(health.id)")
      #expect(live.mtbfHours30d == health.mtbfHours30d, "\(health.id)")
      #expect(live.latencyMs == health.latencyMs, "\(health.id)")
    }
  }
}
