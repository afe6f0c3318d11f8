import ImtopTestSupport
import Foundation
import Testing

@testable import ImtopCore

/// The poller on CSV and TOML files: re-read whole on change, last good contents kept on failure.
@Suite struct PollerWholeFileTests {
  static let systems = "id,name,sla\nerp,ERP suite,99.9\ncrm,Citizen portal,99.5\n"

  @Test func brokenReplacementKeepsLastGoodContents() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("systems.csv", Self.systems)
    let poller = Poller(directory: directory.path, clock: ManualClock(marchFirst))
    let first = poller.poll()
    #expect(first.reports.first?.records == 2)
    #expect(poller.engineInput().systems.map(\.id) == ["erp", "crm"])

    // Not UTF-8: byte 0xFF on the second line.
    try directory.write("systems.csv", bytes: Array("id,name\n".utf8) + [0xFF, 0x0A])
    let broken = poller.poll()
    let failure = try #require(broken.reports.first?.failure)
    #expect(failure.contains("UTF-8"))
    #expect(broken.ages.first?.isStale == true)
    #expect(broken.events.contains(.fileFailed(path: "systems.csv", message: failure)))
    #expect(poller.engineInput().systems.map(\.id) == ["erp", "crm"])
    #expect(poller.engineInput().issues.contains(DataIssue(file: "systems.csv", line: 2, message: failure)))

    try directory.write("systems.csv", Self.systems + "hr,HR,99\n")
    let fixed = poller.poll()
    #expect(fixed.reports.first?.failure == nil)
    #expect(fixed.events.contains(.fileRecovered(path: "systems.csv")))
    #expect(poller.engineInput().systems.map(\.id) == ["erp", "crm", "hr"])
  }

  @Test func binaryGarbageAndOverlongLinesAreFailures() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("systems.csv", Self.systems)
    let poller = Poller(directory: directory.path, clock: ManualClock(marchFirst))
    _ = poller.poll()
    try directory.write("systems.csv", bytes: [0x69, 0x64, 0x0A, 0x00, 0x01, 0x02])
    #expect(poller.poll().reports.first?.failure == "binary data (a zero byte on line 2): expected UTF-8 text")
    try directory.write("systems.csv", "id\n" + String(repeating: "a", count: 2 << 20) + "\n")
    #expect(poller.poll().reports.first?.failure == "line 2 is 2097152 bytes long: expected text lines of at most 1 MB")
    #expect(poller.engineInput().systems.count == 2)
  }

  @Test func directoryInPlaceOfCSVAndDeletionKeepContents() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("systems.csv", Self.systems)
    let poller = Poller(directory: directory.path, clock: ManualClock(marchFirst))
    _ = poller.poll()
    try directory.remove("systems.csv")
    let gone = poller.poll()
    #expect(gone.reports.first?.failure?.hasPrefix("file disappeared") == true)
    #expect(poller.engineInput().systems.count == 2)
    try FileManager.default.createDirectory(at: directory.url("systems.csv"), withIntermediateDirectories: false)
    #expect(poller.poll().reports.first?.failure == "is a directory or device: expected a CSV file")
    #expect(poller.engineInput().systems.count == 2)
  }

  @Test func newIncidentIdsBecomeEventsAfterTheFirstRead() throws {
    let directory = try TemporaryDataDirectory()
    let header = "id,system,priority,opened\n"
    try directory.write("incidents.csv", header + "INC-1,erp,P2,2026-03-01 08:00\n")
    let poller = Poller(directory: directory.path, clock: ManualClock(marchFirst + .days(1)))
    let first = poller.poll()
    #expect(!first.events.contains { if case .incidentOpened = $0 { return true } else { return false } })
    try directory.write("incidents.csv", header + "INC-1,erp,P2,2026-03-01 08:00\nINC-2,crm,P1,2026-03-01 09:30\n")
    let opened = poller.poll().events.compactMap { event -> String? in
      if case .incidentOpened(let incident) = event { return incident.id }
      return nil
    }
    #expect(opened == ["INC-2"])
  }

  @Test func configChangeOfStaleAfterRebuildsTimelines() throws {
    let directory = try TemporaryDataDirectory()
    // Samples 20 minutes apart: with the default 10m they are two runs, with 30m one.
    try directory.write("status.jsonl", statusLine("a", "up", minute: 0) + statusLine("a", "up", minute: 20))
    let poller = Poller(directory: directory.path, clock: ManualClock(marchFirst + .minutes(21)))
    _ = poller.poll()
    #expect(poller.store.timelines["a"]?.runs.count == 2)
    try directory.write("imtop.toml", "[refresh]\nstale_after = \"30m\"\n")
    _ = poller.poll()
    #expect(poller.store.configuration.staleAfter == .minutes(30))
    #expect(poller.store.timelines["a"]?.runs.count == 1)
    #expect(poller.store.reports["status.jsonl"]?.records == 2)
  }

  @Test func unknownSystemInLogIsReportedOnce() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("systems.csv", Self.systems)
    try directory.write("status.jsonl", statusLine("erp", "up", minute: 0) + statusLine("ghost", "up", minute: 0) + statusLine("ghost", "up", minute: 1))
    let poller = Poller(directory: directory.path, clock: ManualClock(marchFirst))
    _ = poller.poll()
    let unknown = poller.engineInput().issues.filter { $0.message.hasPrefix("unknown system") }
    // Once, at the line of its first sample, and as a warning: nothing was lost.
    #expect(unknown.map(\.description) == ["status.jsonl:2: unknown system \"ghost\": not in systems.csv"])
    #expect(unknown.map(\.severity) == [.warning])
  }
}
