import Foundation
import Testing

@testable import ImtopCore

/// Faults on the other logs: the metrics log, and a monitor's own log in the `status/` folder.
@Suite struct EngineLogFaultTests {
  @Test(arguments: FileFault.allCases)
  func metricsLogFaultKeepsTheBucketsAndRecovers(fault: FileFault) throws {
    let rig = try FaultRig()
    _ = rig.step()
    let store = { rig.live.poller.store.metrics }
    #expect(store().metricNames == ["tickets_open"])
    #expect(store().series["tickets_open"]?["crm"]?.last?.last == 37)

    try rig.inflict(fault, on: "metrics.jsonl")
    let broken = rig.step()
    let report = rig.report(broken, "metrics.jsonl")
    switch fault {
    case .deleted: #expect(report == nil)
    case .empty: #expect(report?.records == 0 && report?.failure == nil)
    case .binaryGarbage, .invalidUTF8, .fiftyMegabyteLine: #expect((report?.errors ?? 0) > 0, "\(fault): the bad lines are not counted")
    case .directory, .symlinkLoop, .fifoWithoutWriter: #expect(report?.failure != nil, "\(fault) was not reported")
    }
    #expect(store().series["tickets_open"]?["crm"]?.last?.last == 37, "\(fault): the last good value was lost")

    try rig.repair("metrics.jsonl")
    try rig.directory.write("metrics.jsonl", "{\"ts\":1772323800,\"metric\":\"tickets_open\",\"value\":41,\"system\":\"crm\"}\n")
    let repaired = rig.step()
    #expect(rig.report(repaired, "metrics.jsonl")?.failure == nil)
    #expect(rig.report(repaired, "metrics.jsonl")?.records == 1)
    #expect(store().series["tickets_open"]?["crm"]?.last?.last == 41, "\(fault): no recovery")
  }

  @Test(arguments: [FileFault.directory, .symlinkLoop, .fifoWithoutWriter, .binaryGarbage])
  func monitorLogInTheStatusFolder(fault: FileFault) throws {
    let rig = try FaultRig()
    try rig.directory.write("systems.csv", FaultRig.systems + "wan,WAN\n")
    try rig.directory.write("status/edge.jsonl", statusLine("wan", "up", minute: 9))
    let good = rig.step()
    #expect(rig.system(good, "wan")?.state == .up)
    try rig.inflict(fault, on: "status/edge.jsonl")
    let broken = rig.step()
    let report = rig.report(broken, "status/edge.jsonl")
    #expect(report?.failure != nil || (report?.errors ?? 0) > 0, "\(fault) in the status folder was not reported")
    #expect(rig.system(broken, "wan")?.state == .up, "the history read before stays")
    try? FileManager.default.removeItem(atPath: rig.path("status/edge.jsonl"))
    try? FileManager.default.removeItem(atPath: rig.path("status/edge.jsonl.loop"))
    try rig.directory.write("status/edge.jsonl", statusLine("wan", "down", minute: 10))
    let repaired = rig.step()
    #expect(rig.report(repaired, "status/edge.jsonl")?.failure == nil)
    #expect(rig.system(repaired, "wan")?.state == .down)
  }
}
