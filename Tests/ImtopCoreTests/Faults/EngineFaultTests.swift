import Foundation
import Testing

@testable import ImtopCore

/// The live engine while its data directory is damaged under it: every fault is shown on the file's
/// report, the last good figures stay, and repairing the file is picked up by the next poll with no
/// restart.
@Suite struct EngineFaultTests {
  @Test(arguments: FileFault.allCases)
  func inventoryFaultKeepsTheLastGoodSystemsAndRecovers(fault: FileFault) throws {
    let rig = try FaultRig()
    let good = rig.step()
    #expect(rig.system(good, "erp")?.record.name == "ERP suite")
    #expect(rig.report(good, "systems.csv")?.failure == nil)

    try rig.inflict(fault, on: "systems.csv")
    let broken = rig.step()
    let failure = try #require(rig.report(broken, "systems.csv")?.failure, "\(fault) on systems.csv was not reported")
    #expect(!failure.isEmpty)
    // The last good inventory and the live states are kept.
    #expect(broken?.snapshot.systems.map(\.id).sorted() == ["crm", "erp"])
    #expect(rig.system(broken, "erp")?.record.name == "ERP suite")
    #expect(rig.system(broken, "crm")?.state == .down)

    // Repaired with a renamed system: read at once, the failure gone.
    try rig.repair("systems.csv")
    try rig.directory.write("systems.csv", FaultRig.systems.replacingOccurrences(of: "ERP suite", with: "ERP suite 2"))
    let repaired = rig.step()
    #expect(rig.report(repaired, "systems.csv")?.failure == nil, "\(fault): no recovery")
    #expect(rig.system(repaired, "erp")?.record.name == "ERP suite 2")
  }

  @Test(arguments: ["incidents.csv", "compliance.csv", "budget.csv", "imtop.toml"], [FileFault.binaryGarbage, .directory, .symlinkLoop, .fifoWithoutWriter])
  func otherWholeFileFaultsKeepTheirFigures(name: String, fault: FileFault) throws {
    let rig = try FaultRig()
    let good = try #require(rig.step())
    try rig.inflict(fault, on: name)
    let broken = try #require(rig.step())
    #expect(rig.report(broken, name)?.failure != nil, "\(fault) on \(name) was not reported")
    // One open P1 incident, one open finding, 900 EUR spent, the organisation's name: all kept.
    #expect(broken.snapshot.incidents.open == good.snapshot.incidents.open)
    #expect(broken.snapshot.compliance == good.snapshot.compliance)
    #expect(broken.snapshot.budget == good.snapshot.budget)
    #expect(broken.snapshot.organization.name == "Harbour IT")
    try rig.repair(name)
    let repaired = try #require(rig.step())
    #expect(rig.report(repaired, name)?.failure == nil, "\(fault) on \(name): no recovery")
    #expect(repaired.snapshot.budget == good.snapshot.budget)
  }

  @Test(arguments: FileFault.allCases)
  func statusLogFaultKeepsTheHistoryAndRecovers(fault: FileFault) throws {
    let rig = try FaultRig()
    let good = rig.step()
    #expect(rig.system(good, "crm")?.state == .down)
    #expect(rig.system(good, "erp")?.latencyMs == 20)

    try rig.inflict(fault, on: "status.jsonl")
    let broken = rig.step()
    let report = rig.report(broken, "status.jsonl")
    switch fault {
    case .deleted:
      #expect(report == nil, "a deleted log is no longer listed")
    case .empty:
      #expect(report?.records == 0 && report?.failure == nil, "an emptied log is a truncation")
    case .binaryGarbage, .invalidUTF8, .fiftyMegabyteLine:
      #expect((report?.errors ?? 0) > 0, "\(fault): the bad lines are not counted")
    case .directory, .symlinkLoop, .fifoWithoutWriter:
      #expect(report?.failure != nil, "\(fault) was not reported")
    }
    // What was read stays: erp up with 20 ms, crm down.
    #expect(rig.system(broken, "erp")?.state == .up)
    #expect(rig.system(broken, "erp")?.latencyMs == 20)
    #expect(rig.system(broken, "crm")?.state == .down)

    // Repaired: the monitor writes a new log in which crm came back at minute 11.
    try rig.repair("status.jsonl")
    try rig.directory.write("status.jsonl", statusLine("crm", "up", minute: 11) + statusLine("erp", "up", minute: 11, latency: 20))
    let repaired = rig.step()
    #expect(rig.report(repaired, "status.jsonl")?.failure == nil, "\(fault): no recovery")
    #expect(rig.report(repaired, "status.jsonl")?.records == 2)
    #expect(rig.system(repaired, "crm")?.state == .up)
  }

  @Test func truncationMidLineThenTheRestOfTheLine() throws {
    let rig = try FaultRig()
    _ = rig.step()
    // The monitor truncates its log and is caught half-way through its first new line.
    let line = statusLine("crm", "up", minute: 11)
    let half = line.utf8.count / 2
    try rig.directory.write("status.jsonl", String(line.prefix(half)))
    let halfWritten = rig.step()
    #expect(rig.report(halfWritten, "status.jsonl")?.records == 0)
    #expect(rig.report(halfWritten, "status.jsonl")?.errors == 0, "half a line is not an error yet")
    #expect(rig.system(halfWritten, "crm")?.state == .down)
    try rig.directory.append("status.jsonl", String(line.dropFirst(half)))
    let whole = rig.step()
    #expect(rig.report(whole, "status.jsonl")?.records == 1)
    #expect(rig.report(whole, "status.jsonl")?.errors == 0)
    #expect(rig.system(whole, "crm")?.state == .up)
  }

  @Test func rotationWithAHalfWrittenLineLeftInTheOldFile() throws {
    let rig = try FaultRig()
    _ = rig.step()
    let line = statusLine("crm", "up", minute: 11)
    try rig.directory.append("status.jsonl", String(line.prefix(20)))
    #expect(rig.report(rig.step(), "status.jsonl")?.records == 20)
    // Rotated by rename; the half line stays behind in status.jsonl.1 (not a data file name).
    try rig.directory.move("status.jsonl", to: "status.jsonl.1")
    try rig.directory.write("status.jsonl", line + statusLine("erp", "down", minute: 11))
    let rotated = rig.step()
    #expect(rig.report(rotated, "status.jsonl")?.records == 2)
    #expect(rig.report(rotated, "status.jsonl")?.errors == 0)
    #expect(rig.system(rotated, "crm")?.state == .up)
    #expect(rig.system(rotated, "erp")?.state == .down)
  }

  @Test func everyKindDeletedAndRecreated() throws {
    let rig = try FaultRig()
    let good = try #require(rig.step())
    for name in FaultRig.goodFiles.keys.sorted() { try rig.directory.remove(name) }
    let gone = try #require(rig.step())
    // Whole-read files keep their contents, marked failed; logs are dropped, their history kept.
    let failed = gone.snapshot.data.files.filter { $0.failure != nil }.map(\.path).sorted()
    #expect(failed == ["budget.csv", "compliance.csv", "imtop.toml", "incidents.csv", "systems.csv"])
    #expect(gone.snapshot.data.files.contains { $0.kind.isAppendOnly } == false)
    #expect(gone.snapshot.systems.map(\.state) == good.snapshot.systems.map(\.state))
    #expect(gone.snapshot.budget == good.snapshot.budget)
    #expect(gone.snapshot.organization.name == "Harbour IT")

    for (name, text) in FaultRig.goodFiles { try rig.directory.write(name, text) }
    let back = try #require(rig.step())
    #expect(back.snapshot.data.files.allSatisfy { $0.failure == nil })
    #expect(back.snapshot.data.files.count == FaultRig.goodFiles.count)
    #expect(back.snapshot.systems.map(\.state) == good.snapshot.systems.map(\.state))
    #expect(back.snapshot.systems.map(\.availability) == good.snapshot.systems.map(\.availability))
    #expect(back.snapshot.incidents.open == good.snapshot.incidents.open)
  }

  @Test func wholeDataDirectoryRemovedAndRestored() throws {
    let rig = try FaultRig()
    let good = try #require(rig.step())
    let aside = rig.fullPath + ".aside"
    try FileManager.default.moveItem(atPath: rig.fullPath, toPath: aside)
    defer { try? FileManager.default.removeItem(atPath: aside) }
    let gone = try #require(rig.step())
    #expect(gone.snapshot.data.files.filter { $0.failure != nil }.count == 5)
    #expect(gone.events.contains { if case .fileFailed(path: "systems.csv", _) = $0 { true } else { false } })
    #expect(gone.snapshot.systems.map(\.record) == good.snapshot.systems.map(\.record))
    #expect(gone.snapshot.systems.map(\.state) == good.snapshot.systems.map(\.state))
    let quiet = rig.step()
    #expect(quiet?.events.isEmpty == true, "a lasting fault is reported once, not every poll")

    try FileManager.default.moveItem(atPath: aside, toPath: rig.fullPath)
    let back = try #require(rig.step())
    #expect(back.snapshot.data.files.allSatisfy { $0.failure == nil })
    #expect(back.snapshot.data.files.count == 7)
    #expect(back.events.contains(.fileRecovered(path: "systems.csv")))
    #expect(back.snapshot.systems.map(\.availability) == good.snapshot.systems.map(\.availability))
  }
}
