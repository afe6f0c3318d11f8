import Foundation
import Testing

@testable import ImtopCore
import ImtopTestSupport

/// A directory read once, as `imtop snapshot` and `imtop check` read it: cross-file rules and
/// directory layout, each on a scratch directory.
@Suite struct DirectoryReadingTests {
  static let now = utc(2026, 4, 2)

  private func load(_ files: [String: String]) throws -> EngineInput {
    let url = try ReaderTestSupport.temporaryDirectory(files)
    defer { try? FileManager.default.removeItem(at: url) }
    return DirectoryReading(directory: url.path, at: DirectoryReadingTests.now).input
  }

  private func records(_ data: EngineInput, _ path: String) -> Int? {
    data.files.first { $0.path == path }?.records
  }

  @Test func unknownSystemIsKeptAndReportedOncePerIdAtItsFirstOccurrence() throws {
    let data = try load([
      "systems.csv": "id,depends_on\nerp,dns\n",
      "budget.csv": "period,system,type,planned\n2026-04,erp,opex,1\n2026-04,crm2,opex,2\n",
      "incidents.csv": "id,system,priority,opened\nI-1,hr,P3,2026-04-01\nI-2,crm2,P3,2026-04-02\n",
      "status.jsonl": "{\"ts\":\"2026-04-01T00:00:00Z\",\"system\":\"crm2\",\"state\":\"up\"}\n"
        + "{\"ts\":\"2026-04-01T00:00:00Z\",\"system\":\"mail\",\"state\":\"up\"}\n",
      "metrics.jsonl": "{\"ts\":\"2026-04-01T00:00:00Z\",\"metric\":\"m\",\"value\":5,\"system\":\"mail\"}\n",
    ])
    // Kinds in reading order (systems, budget, incidents, ..., status, metrics): dns first appears in
    // systems.csv:2, crm2 in budget.csv:3, hr in incidents.csv:2, mail in status.jsonl:2.
    #expect(data.issues.apartFromDataQuality.map(\.description) == [
      "budget.csv:3: unknown system \"crm2\": not in systems.csv",
      "incidents.csv:2: unknown system \"hr\": not in systems.csv",
      "status.jsonl:2: unknown system \"mail\": not in systems.csv",
      "systems.csv:2: unknown system \"dns\": not in systems.csv",
    ])
    #expect(data.issues.apartFromDataQuality.allSatisfy { $0.severity == .warning })
    #expect(data.budget.count == 2)
    #expect(data.incidents.count == 2)
    #expect(records(data, "status.jsonl") == 2)
    #expect(data.timelines["crm2"] != nil)
    #expect(records(data, "metrics.jsonl") == 1)
  }

  @Test func kindAsAFolderReadsItsFilesInNameOrder() throws {
    let data = try load([
      "systems.csv": "id\nerp\n",
      "status/b.jsonl": "{\"ts\":\"2026-04-01T00:00:00Z\",\"system\":\"erp\",\"state\":\"down\"}\n",
      "status/a.jsonl": "{\"ts\":\"2026-04-01T00:00:00Z\",\"system\":\"erp\",\"state\":\"up\"}\n",
      "status/.hidden.jsonl": "not json\n",
      "status/notes.txt": "ignored\n",
    ])
    #expect(data.files.map(\.path) == ["status/a.jsonl", "status/b.jsonl", "systems.csv"])
    // Of two samples at the same instant, the one read later (b.jsonl) holds.
    #expect(data.timelines["erp"]?.state(at: utc(2026, 4, 1)) == .down)
    #expect(data.issues.apartFromDataQuality.isEmpty)
  }

  @Test func systemIdRepeatedAcrossFilesKeepsTheFirst() throws {
    let data = try load([
      "systems/a.csv": "id,name\nerp,First\n",
      "systems/b.csv": "id,name\ncrm,CRM\nerp,Second\n",
    ])
    #expect(data.systems.map(\.name) == ["First", "CRM"])
    #expect(data.issues.apartFromDataQuality.map(\.description) == ["systems/b.csv:3: duplicate system id \"erp\" (first defined in systems/a.csv:2)"])
    #expect(data.files.map(\.records) == [1, 1])
    #expect(data.files.map(\.errors) == [0, 1])
  }

  @Test func currencyComesFromTheBudgetWhenTheConfigurationSaysNone() throws {
    let data = try load([
      "systems.csv": "id\nerp\n",
      "budget.csv": "period,type,planned\n2026-04,opex,£10.00\n2026-05,opex,€5.00\n2026-06,opex,7\n",
    ])
    #expect(data.budget.map(\.planned.minorUnits) == [1000, 700])
    #expect(data.issues.apartFromDataQuality.map(\.description) == [
      "budget.csv:3: planned \"€5.00\" is in EUR, but the organisation's currency is GBP"
    ])
  }

  @Test func configurationCurrencyWins() throws {
    let data = try load([
      "imtop.toml": "[organization]\ncurrency = \"USD\"\n",
      "systems.csv": "id\nerp\n",
      "budget.csv": "period,type,planned,currency\n2026-04,opex,10,GBP\n2026-04,opex,$10,\n",
    ])
    #expect(data.budget.count == 1)
    #expect(data.issues.apartFromDataQuality.map(\.description) == [
      "budget.csv:2: currency \"GBP\" is not the organisation's currency USD: every budget line must be in USD"
    ])
  }

  @Test func unreadableSystemsFileDoesNotFloodUnknownSystems() throws {
    let url = try ReaderTestSupport.temporaryDirectory([
      "incidents.csv": "id,system,priority,opened\nI-1,erp,P1,2026-04-01\n"
    ])
    defer { try? FileManager.default.removeItem(at: url) }
    try Data([0x69, 0x64, 0x0A, 0xE9, 0x72, 0x70, 0x0A]).write(to: url.appendingPathComponent("systems.csv"))
    let data = DirectoryReading(directory: url.path, at: DirectoryReadingTests.now).input
    #expect(data.issues.apartFromDataQuality.map(\.description) == ["systems.csv:2: not UTF-8 text (byte 0xE9 on line 2): save the file as UTF-8"])
    #expect(data.files.first { $0.path == "systems.csv" }?.failure == "not UTF-8 text (byte 0xE9 on line 2): save the file as UTF-8")
    #expect(data.incidents.count == 1)
  }

  @Test func halfWrittenLastLineWaitsAndIsNamed() throws {
    let data = try load([
      "systems.csv": "id\nerp\n",
      "status.jsonl": "{\"ts\":\"2026-04-01T00:00:00Z\",\"system\":\"erp\",\"state\":\"up\"}\n{\"ts\":\"2026-04",
    ])
    #expect(records(data, "status.jsonl") == 1)
    #expect(data.issues.apartFromDataQuality.map(\.description) == [
      "status.jsonl:2: the last line has no newline yet: it is read once its writer ends it with one"
    ])
    #expect(data.issues.apartFromDataQuality.map(\.severity) == [.warning])
    #expect(data.files.first { $0.path == "status.jsonl" }?.errors == 0)
  }

  @Test func brokenConfigurationMeansDefaults() throws {
    let data = try load(["imtop.toml": "[organization\nname = 1\n", "systems.csv": "id\nerp\n"])
    #expect(data.configuration == Configuration())
    #expect(data.issues.apartFromDataQuality.count == 1)
    #expect(data.issues.apartFromDataQuality.first?.file == "imtop.toml")
    #expect(data.issues.apartFromDataQuality.first?.line == 1)
  }
}

/// The per-file entry point the poller uses.
@Suite struct DataFileReaderTests {
  @Test func readsOneFileFromBytes() {
    let contents = DataFileReader.read(
      kind: .incidents, bytes: Array("id,system,priority,opened\nI-1,erp,P1,2026-04-01\nI-2,,P1,2026-04-01\n".utf8),
      path: "incidents/itsm.csv", context: ReadContext())
    #expect(contents.kind == .incidents)
    #expect(contents.records.count == 1)
    #expect(contents.issues.map(\.description) == ["incidents/itsm.csv:3: missing system: expected the id of a system in systems.csv"])
    #expect(contents.report == FileReport(path: "incidents/itsm.csv", kind: .incidents, records: 1, errors: 1))
    #expect(contents.systemLines == ["erp": 2])
  }

  /// An inventory names its own systems and those they depend on; only the latter can be unknown,
  /// so only they are kept with their first lines (not a table of every system).
  @Test func anInventoryKeepsTheLinesOfTheIdsItDependsOn() {
    let csv = "id,name,depends_on\nerp,ERP,db;sso\ndb,Database,\ncrm,CRM,sso;ghost\n"
    let contents = DataFileReader.read(kind: .systems, bytes: Array(csv.utf8), path: "systems.csv", context: ReadContext())
    #expect(contents.records.count == 3)
    #expect(contents.systemLines == ["db": 2, "sso": 2, "ghost": 4])
  }

  @Test func jsonLinesReportConsumedBytesAndSystemLines() {
    let text = "{\"ts\":1772323200,\"system\":\"a\",\"state\":\"up\"}\n\nnot json\n{\"ts\":1772323201,\"system\":\"b\",\"state\":\"up\"}\n{\"ts\""
    let batch = Array(text.utf8).withUnsafeBytes { JSONLineReader.readStatus($0, file: "status.jsonl", firstLine: 1, zone: .utc) }
    #expect(batch.records.count == 2)
    // Lines: 1 a, 2 blank, 3 bad, 4 b, then a half line.
    #expect(batch.systemLines == ["a": 1, "b": 4])
    #expect(batch.consumedLines == 4)
    #expect(batch.consumedBytes == text.utf8.count - 5)
    #expect(batch.issues.map(\.line) == [3])
  }

  /// A file that cannot be read says why in the system's words, the same on every path.
  @Test func missingFileIsAFailureInTheSystemsWords() throws {
    let url = try ReaderTestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: url) }
    let result = Poller.readWhole(url.appendingPathComponent("budget.csv").path)
    guard case .failure(let failure) = result else {
      Issue.record("a missing file was read")
      return
    }
    #expect(failure.message == "cannot be read: No such file or directory")
  }
}
