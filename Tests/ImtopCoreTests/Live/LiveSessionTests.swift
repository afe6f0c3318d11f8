import ImtopTestSupport
import Foundation
import Testing

@testable import ImtopCore

@Suite struct LiveSessionTests {
  static let goodConfig = """
    [organization]
    name = "Harbour IT"
    timezone = "Europe/Berlin"
    [display]
    theme = "light"
    pages = ["overview", "budget"]
    [refresh]
    interval = "3s"
    """

  func session(_ directory: TemporaryDataDirectory, clock: ManualClock) -> LiveSession {
    LiveSession(poller: Poller(directory: directory.path, clock: clock), recomputeEvery: .seconds(5))
  }

  @Test func brokenConfigWrittenWhileRunningKeepsTheLastGoodOne() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("systems.csv", "id,name\nerp,ERP\n")
    try directory.write("imtop.toml", Self.goodConfig)
    let clock = ManualClock(marchFirst)
    let live = session(directory, clock: clock)
    let first = try #require(live.step())
    #expect(first.configuration.organizationName == "Harbour IT")
    #expect(first.configuration.theme == "light")
    #expect(first.configuration.refreshInterval == .seconds(3))

    // A half-edited file: a syntax error on line 2.
    try directory.write("imtop.toml", "[organization\nname = \"Broken\"\n")
    clock.advance(by: .seconds(2))
    let broken = try #require(live.step())
    #expect(broken.configuration.organizationName == "Harbour IT")
    #expect(broken.configuration.theme == "light")
    #expect(broken.configuration.pages == [.overview, .budget])
    let report = try #require(broken.snapshot.data.files.first { $0.path == "imtop.toml" })
    #expect(report.failure != nil, "the failure is shown")
    #expect(broken.snapshot.organization.name == "Harbour IT")

    // Repaired with a new name: taken at once.
    try directory.write("imtop.toml", Self.goodConfig.replacingOccurrences(of: "Harbour IT", with: "Harbour Digital"))
    clock.advance(by: .seconds(2))
    let repaired = try #require(live.step())
    #expect(repaired.configuration.organizationName == "Harbour Digital")
    #expect(repaired.snapshot.data.files.first { $0.path == "imtop.toml" }?.failure == nil)
  }

  @Test func nothingChangedGivesNoUpdateUntilTheFiguresAreDue() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("systems.csv", "id,name\nerp,ERP\n")
    try directory.write("status.jsonl", statusLine("erp", "up", minute: 0))
    let clock = ManualClock(marchFirst + .minutes(1))
    let live = session(directory, clock: clock)
    #expect(live.step() != nil)
    clock.advance(by: .seconds(2))
    #expect(live.step() == nil, "no change and figures 2 s old: nothing to deliver")
    clock.advance(by: .seconds(4))
    let due = try #require(live.step(), "6 s after the last figures they are recomputed")
    #expect(due.snapshot.asOf == marchFirst + .minutes(1) + .seconds(6))
    try directory.append("status.jsonl", statusLine("erp", "down", minute: 1))
    clock.advance(by: .seconds(1))
    let appended = try #require(live.step(), "an append is delivered at once")
    #expect(appended.snapshot.systems.first { $0.id == "erp" }?.state == .down)
    #expect(live.step(force: true) != nil, "a forced step (the r key) always delivers")
  }
}
