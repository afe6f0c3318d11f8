import ImtopTestSupport
import Foundation
import Testing

@testable import ImtopCore

/// What the store hands the metric engine, and garbage in a log.
@Suite struct StoreInputTests {
  @Test func engineInputCarriesHistoriesMessagesAndRecords() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("systems.csv", "id,name\nerp,ERP suite\n")
    let lines =
      statusLine("erp", "up", minute: 0, latency: 100)
      + "{\"ts\":\(1_772_323_200 + 120),\"system\":\"erp\",\"state\":\"degraded\",\"latency_ms\":300,\"message\":\"slow disk\"}\n"
      + statusLine("erp", "degraded", minute: 3, latency: 200)
    try directory.write("status.jsonl", lines)
    try directory.write("metrics.jsonl", "{\"ts\":\(1_772_323_200 + 60),\"metric\":\"queue\",\"value\":5,\"system\":\"erp\"}\n")
    let poller = Poller(directory: directory.path, clock: ManualClock(marchFirst + .minutes(4)))
    _ = poller.poll()
    let input = poller.engineInput()
    #expect(input.systems.map(\.id) == ["erp"])
    #expect(input.timelines["erp"]?.runs.map(\.state) == [.up, .degraded])
    // Latest latency is the minute-3 sample; the 10-minute bucket holds 100, 300 and 200: mean 200.
    #expect(input.latency["erp"]?.latest?.value == 200)
    #expect(input.latency["erp"]?.series(count: 1, endingAt: marchFirst + .minutes(4)) == [200])
    #expect(input.lastMessages == ["erp": "slow disk"])
    #expect(input.metrics.aggregate(.last, metric: "queue", system: "erp", over: .hours(1), at: marchFirst + .minutes(4)) == 5)
    #expect(input.files.map(\.path) == ["metrics.jsonl", "status.jsonl", "systems.csv"])
    #expect(input.files.map(\.records) == [1, 3, 1])
    #expect(input.issues.apartFromDataQuality.isEmpty)
  }

  /// The poller keeps what it assembled from the small files while they and the logs' systems stay
  /// the same; anything that changes them is seen at the next input.
  @Test func theAssembledRecordsFollowEveryChangeAfterBeingKept() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("systems.csv", "id,name\nerp,ERP suite\n")
    try directory.write("status.jsonl", statusLine("erp", "up", minute: 0))
    let clock = ManualClock(marchFirst + .minutes(5))
    let poller = Poller(directory: directory.path, clock: clock)
    _ = poller.poll()
    #expect(poller.engineInput().unregistered.isEmpty)
    _ = poller.poll()
    #expect(poller.engineInput().systems.map(\.id) == ["erp"])

    try directory.append("status.jsonl", statusLine("crm", "down", minute: 1) + statusLine("crm", "down", minute: 2))
    _ = poller.poll()
    #expect(poller.engineInput().unregistered == [UnregisteredSystem(id: "crm", kinds: [.status], records: 2)])
    // More lines of systems the log had named: the counts follow at once.
    try directory.append("status.jsonl", statusLine("crm", "up", minute: 3) + statusLine("erp", "up", minute: 3))
    _ = poller.poll()
    #expect(poller.engineInput().unregistered == [UnregisteredSystem(id: "crm", kinds: [.status], records: 3)])

    try directory.write("systems.csv", "id,name\nerp,ERP suite\ncrm,CRM\n")
    clock.advance(by: .seconds(2))
    _ = poller.poll()
    clock.advance(by: .seconds(2))
    _ = poller.poll()
    let input = poller.engineInput()
    #expect(input.systems.map(\.id) == ["erp", "crm"])
    #expect(input.unregistered.isEmpty)
  }

  /// More lines from a log about systems it had named leave the small files' assembly as it was
  /// (at 50,000 systems, assembling them again after every append was most of a recomputation);
  /// a system it had not named assembles them again, and the unregistered counts follow both.
  @Test func moreLinesAboutKnownSystemsKeepTheAssembly() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("systems.csv", "id,name\nerp,ERP suite\n")
    try directory.write("status.jsonl", statusLine("erp", "up", minute: 0) + statusLine("crm", "down", minute: 0))
    let poller = Poller(directory: directory.path, clock: ManualClock(marchFirst + .minutes(5)))
    _ = poller.poll()
    var cache = EngineInputCache()
    _ = poller.store.engineInput(cache: &cache)
    let kept = cache.generation
    try directory.append("status.jsonl", statusLine("erp", "down", minute: 1) + statusLine("crm", "up", minute: 1))
    _ = poller.poll()
    var input = poller.store.engineInput(cache: &cache)
    #expect(cache.generation == kept)
    #expect(input.unregistered == [UnregisteredSystem(id: "crm", kinds: [.status], records: 2)])
    try directory.append("status.jsonl", statusLine("hr", "up", minute: 2))
    _ = poller.poll()
    input = poller.store.engineInput(cache: &cache)
    #expect(cache.generation != kept)
    #expect(input.unregistered.map(\.id) == ["crm", "hr"])
    #expect(input.issues.map(\.description).contains { $0.contains("unknown system \"hr\"") })
    // The same as reading the directory whole.
    let whole = DirectoryReading(directory: directory.path, at: marchFirst + .minutes(5)).input
    #expect(input.unregistered == whole.unregistered)
  }

  /// A system named only by lines stamped ahead (held until their time, status and metrics): its
  /// records are counted once, when read, not again when they take effect; at each step the list
  /// of unregistered systems is the one a whole reading of the directory gives.
  @Test func samplesHeldUntilTheirTimeAreCountedOnce() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("systems.csv", "id,name\nerp,ERP suite\n")
    try directory.write("status.jsonl", statusLine("erp", "up", minute: 0) + statusLine("hr", "down", minute: 7))
    try directory.write("metrics.jsonl", "{\"ts\":\(1_772_323_200 + 420),\"metric\":\"queue\",\"value\":5,\"system\":\"hr\"}\n")
    let clock = ManualClock(marchFirst + .minutes(5))
    let poller = Poller(directory: directory.path, clock: clock)
    _ = poller.poll()
    let before = poller.engineInput().unregistered
    #expect(before == DirectoryReading(directory: directory.path, at: clock.now).input.unregistered)
    #expect(before == [UnregisteredSystem(id: "hr", kinds: [.status, .metrics], records: 2)])
    clock.advance(by: .minutes(3))
    _ = poller.poll()
    let after = poller.engineInput().unregistered
    #expect(after == before)
    #expect(after == DirectoryReading(directory: directory.path, at: clock.now).input.unregistered)
  }

  /// A changed `stale_after` reads every log again from its start: the systems they name are
  /// counted afresh, not added to what was counted before.
  @Test func logsReadAgainAfterTheSettingsChangedAreCountedOnce() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("systems.csv", "id,name\nerp,ERP suite\n")
    try directory.write("status.jsonl", statusLine("erp", "up", minute: 0) + statusLine("hr", "down", minute: 1))
    let clock = ManualClock(marchFirst + .minutes(5))
    let poller = Poller(directory: directory.path, clock: clock)
    _ = poller.poll()
    #expect(poller.engineInput().unregistered == [UnregisteredSystem(id: "hr", kinds: [.status], records: 1)])
    try directory.write("imtop.toml", "[refresh]\nstale_after = \"20m\"\n")
    clock.advance(by: .seconds(2))
    _ = poller.poll()
    _ = poller.poll()
    #expect(poller.engineInput().unregistered == [UnregisteredSystem(id: "hr", kinds: [.status], records: 1)])
    #expect(poller.engineInput().unregistered == DirectoryReading(directory: directory.path, at: clock.now).input.unregistered)
  }

  @Test func aLogsBadLinesReadAgainAfterTheSettingsChangedAreListedOnce() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("systems.csv", "id,name\nerp,ERP suite\n")
    try directory.write("status.jsonl", statusLine("erp", "up", minute: 0) + "{\"ts\": 3}\n" + statusLine("erp", "down", minute: 1))
    let clock = ManualClock(marchFirst + .minutes(5))
    let poller = Poller(directory: directory.path, clock: clock)
    _ = poller.poll()
    let before = poller.engineInput().issues.filter { $0.file == "status.jsonl" }
    #expect(before.count == 1)
    try directory.write("imtop.toml", "[refresh]\nstale_after = \"20m\"\n")
    clock.advance(by: .seconds(2))
    _ = poller.poll()
    _ = poller.poll()
    #expect(poller.engineInput().issues.filter { $0.file == "status.jsonl" } == before)
    #expect(poller.store.reports["status.jsonl"]?.records == 2)
  }

  @Test func binaryGarbageAppendedToALogIsReportedAndLaterLinesStillRead() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("status.jsonl", statusLine("a", "up", minute: 0))
    let poller = Poller(directory: directory.path, clock: ManualClock(marchFirst + .minutes(2)))
    _ = poller.poll()
    let handle = try FileHandle(forWritingTo: directory.url("status.jsonl"))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data([0x00, 0xFF, 0xFE, 0x7B, 0x0A]))
    try handle.close()
    try directory.append("status.jsonl", statusLine("a", "down", minute: 1))
    let result = poller.poll()
    // Line 2 starts with a zero byte, not a value.
    #expect(result.issues.map(\.description) == ["status.jsonl:2: not valid JSON at column 1: expected a value (string, number, object, array, true, false or null)"])
    #expect(result.reports.first?.records == 2)
    #expect(result.reports.first?.failure == nil)
  }
}
