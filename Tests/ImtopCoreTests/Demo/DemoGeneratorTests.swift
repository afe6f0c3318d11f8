import ImtopTestSupport
import Foundation
import Testing

@testable import ImtopCore

@Suite struct DemoGeneratorTests {
  /// 2026-11-28T09:00:00Z, a Saturday in the fourth month... of an April fiscal year: month 8.
  static let now = CivilTime(year: 2026, month: 11, day: 28, hour: 9).utcTimestamp

  @Test func sameSeedAndTimeGiveIdenticalFiles() {
    let first = DemoGenerator(seed: 7, now: Self.now, historyDays: 3).files()
    let second = DemoGenerator(seed: 7, now: Self.now, historyDays: 3).files()
    #expect(first.map(\.name) == second.map(\.name))
    #expect(first.map(\.contents) == second.map(\.contents))
    let other = DemoGenerator(seed: 8, now: Self.now, historyDays: 3).files()
    #expect(first.first { $0.name == "status.jsonl" }?.contents != other.first { $0.name == "status.jsonl" }?.contents)
  }

  @Test func everySeedCategoryAndSourcingIsPresent() {
    let categories = Set(DemoCatalog.systems.map(\.category))
    for wanted in ["ERP", "CRM", "Records", "HR", "Finance", "Network", "Endpoint", "Sensor", "Data"] {
      #expect(categories.contains(wanted), "missing category \(wanted)")
    }
    #expect(Set(DemoCatalog.systems.map(\.sourcing)) == ["purchased", "proprietary", "saas", "open-source"])
    #expect(Set(DemoCatalog.systems.map(\.kind)) == ["software", "hardware", "service"])
    #expect(Set(DemoCatalog.systems.map(\.id)).count == DemoCatalog.systems.count)
    // Owners are teams or roles, never people: every non-empty owner names a team, desk or operations group.
    for system in DemoCatalog.systems where !system.owner.isEmpty {
      let owner = system.owner
      #expect(owner.hasSuffix("Team") || owner.hasSuffix("Desk") || owner.hasSuffix("Operations") || owner.hasSuffix("Computing"), "\(owner)")
    }
  }

  @Test func dependenciesNameKnownSystems() {
    let ids = Set(DemoCatalog.systems.map(\.id))
    for system in DemoCatalog.systems {
      for dependency in system.dependsOn.split(separator: ";") {
        #expect(ids.contains(String(dependency)), "\(system.id) depends on unknown \(dependency)")
      }
    }
  }

  @Test func historyLinesAreValidStatusAndMetricSamples() throws {
    let files = DemoGenerator(seed: 1, now: Self.now, historyDays: 2).files()
    let status = try #require(files.first { $0.name == "status.jsonl" }?.contents)
    let metrics = try #require(files.first { $0.name == "metrics.jsonl" }?.contents)
    let statusBatch = Array(status.utf8).withUnsafeBytes {
      JSONLineReader.readStatus($0, file: "status.jsonl", firstLine: 1, zone: .utc)
    }
    #expect(statusBatch.issues.isEmpty)
    let monitored = DemoCatalog.systems.filter(\.monitored).count
    // 2 days of 10-minute samples (289 instants) for every monitored system, less the sensors' misses.
    #expect(statusBatch.records.count <= 289 * monitored)
    #expect(statusBatch.records.count > 280 * monitored)
    #expect(statusBatch.records.allSatisfy { $0.timestamp <= Self.now })
    let metricBatch = Array(metrics.utf8).withUnsafeBytes {
      JSONLineReader.readMetrics($0, file: "metrics.jsonl", firstLine: 1, zone: .utc)
    }
    #expect(metricBatch.issues.isEmpty)
    #expect(Set(metricBatch.records.map(\.metric)).isSuperset(of: ["dc_temperature_c", "patch_latency_days", "backup_success_pct"]))
  }

  @Test func budgetCoversTheWholeFiscalYearWithActualsForClosedMonthsOnly() throws {
    let files = DemoGenerator(seed: 3, now: Self.now, historyDays: 1).files()
    let budget = try #require(files.first { $0.name == "budget.csv" }?.contents)
    let rows = budget.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    let periods = Set(rows.map { String($0[0]) })
    // Fiscal year April 2026 to March 2027.
    #expect(periods == Set((0..<12).map { YearMonth(year: 2026, month: 4).adding(months: $0).description }))
    for row in rows {
      let period = try #require(YearMonth(String(row[0])))
      let hasActual = !row[5].isEmpty
      // Months before November 2026 are closed and booked; November onwards are not.
      #expect(hasActual == (period < YearMonth(year: 2026, month: 11)), "\(row)")
    }
    #expect(Set(rows.map { String($0[2]) }).isSuperset(of: ["setup", "maintenance", "license", "hardware", "staff", "training"]))
    #expect(Set(rows.map { String($0[3]) }) == ["capex", "opex"])
    // Some booked lines are over plan.
    let over = rows.filter { !$0[5].isEmpty && (Double(String($0[5])) ?? 0) > (Double(String($0[4])) ?? 0) * 1.1 }
    #expect(!over.isEmpty)
  }

  @Test func someComplianceItemsAreOverdueAndSomeIncidentsOpen() throws {
    let files = DemoGenerator(seed: 5, now: Self.now, historyDays: 1).files()
    let compliance = try #require(files.first { $0.name == "compliance.csv" }?.contents)
    let today = LocalDate(year: 2026, month: 11, day: 28)
    let open = compliance.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
      .filter { $0[7].isEmpty }
    let overdue = open.filter { (LocalDate(parsingISO: String($0[6])) ?? today) < today }
    #expect(overdue.count >= 5)
    let incidents = try #require(files.first { $0.name == "incidents.csv" }?.contents)
    let openIncidents = incidents.split(separator: "\n").dropFirst().filter {
      $0.split(separator: ",", omittingEmptySubsequences: false)[5].isEmpty
    }
    #expect(!openIncidents.isEmpty)
  }

  @Test func simulatorChangesStatesAndRecoversWithinMinutes() {
    var simulator = DemoSimulator(directory: URL(fileURLWithPath: "/nonexistent"), seed: 9, speed: 1)
    var states: [String: Set<String>] = [:]
    var time = Self.now
    for _ in 0..<300 {  // ten minutes of two-second ticks
      time = time + Span.seconds(2)
      let lines = simulator.tick(at: time)
      for line in lines.status.split(separator: "\n") {
        let parts = line.split(separator: "\"")
        states[String(parts[7]), default: []].insert(String(parts[11]))
      }
    }
    let troubled = states.filter { $0.value.contains("down") || $0.value.contains("degraded") }
    #expect(troubled.count >= 3, "too quiet: \(troubled.keys.sorted())")
    #expect(states.values.allSatisfy { $0.contains("up") || $0.contains("maintenance") })
  }
}

extension LocalDate {
  fileprivate init?(parsingISO text: String) {
    let parts = text.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3 else { return nil }
    self.init(year: parts[0], month: parts[1], day: parts[2])
  }
}

@Suite struct DemoDataDirectoryTests {
  /// No error; the only warnings are the gaps the demo keeps for its data-quality figure.
  static let dataQualityGaps = [
    "systems.csv:8: 2 systems have no sla: file-shares, print", "systems.csv:32: 1 system has no owner: print",
    "systems.csv:34: 1 system has no criticality: env-sensors",
  ]

  @Test func generatedDirectoryPassesCheckWithNoError() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("imtop-demo-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    try DemoGenerator(seed: 11, now: DemoGeneratorTests.now, historyDays: 3).write(to: directory)
    let report = CheckReport.check(directory: directory.path, shownPath: "demo") { _ in DemoGeneratorTests.now }
    #expect(report.exitStatus == 0, "\(report.text)")
    #expect(report.text.hasSuffix("3 warnings in 10 files.\n"), "\(report.text)")
    let data = DirectoryReading(directory: directory.path, at: DemoGeneratorTests.now).input
    #expect(data.issues.map(\.description) == Self.dataQualityGaps, "\(data.issues)")
    #expect(data.issues.allSatisfy { !$0.isError })
    #expect(data.systems.count == DemoCatalog.systems.count)
    #expect(data.configuration.fiscalYearStart == 4)
    #expect(data.configuration.kpis.count == 5)
    #expect(data.compliance.count == 22)
    #expect(data.training.count == 9 && data.access.count == 18 && data.retention.count == 9)
  }
}

@Suite struct DemoSimulatorPollingTests {
  @Test func simulatorAppendsAreReadByThePollerOnTheNextPoll() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("imtop-sim-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let clock = ManualClock(DemoGeneratorTests.now)
    try DemoGenerator(seed: 2, now: clock.now, historyDays: 1).write(to: directory)
    let session = LiveSession(poller: Poller(directory: directory.path, clock: clock))
    let first = try #require(session.step())
    #expect(first.snapshot.data.issues.map(\.description) == DemoDataDirectoryTests.dataQualityGaps, "\(first.snapshot.data.issues)")
    let statusRecords = { (update: LiveUpdate) in update.snapshot.data.files.first { $0.path == "status.jsonl" }?.records ?? 0 }
    let before = statusRecords(first)

    // Two-second ticks at a lively pace for two simulated minutes: every tick is one line per
    // monitored system, and the poller reads exactly the lines appended.
    var simulator = DemoSimulator(directory: directory, seed: 2, speed: 20)
    var sawTrouble = false
    var last = first
    for _ in 0..<60 {
      clock.advance(by: .seconds(2))
      try simulator.appendTick(at: clock.now)
      let update = try #require(session.step(), "an append must produce an update")
      sawTrouble = sawTrouble || update.snapshot.systems.contains { $0.state == .down || $0.state == .degraded }
      last = update
    }
    let monitored = DemoCatalog.systems.filter(\.monitored).count
    #expect(statusRecords(last) == before + 60 * monitored)
    #expect(last.snapshot.data.issues.map(\.description) == DemoDataDirectoryTests.dataQualityGaps)
    #expect(sawTrouble, "no degradation or outage in two lively minutes")
    // The latest samples are fresh: no monitored system is unknown.
    let unknown = last.snapshot.systems.filter { $0.state == .unknown && ($0.record.lifecycle != .plan && $0.record.lifecycle != .retired) }
    #expect(unknown.isEmpty, "\(unknown.map(\.id))")
  }
}
