import Foundation
import ImtopTestSupport
import Testing

@testable import ImtopCore

/// The governance files are polled like the others: a rewritten file and a new file in a kind's
/// folder change the figures at the next poll; a removed one keeps its last good contents.
@Suite struct GovernanceLiveTests {
  @Test func rewrittenAddedAndRemovedFilesShowAtTheNextPoll() throws {
    let directory = try TemporaryDataDirectory()
    try directory.write("systems.csv", "id\nerp\n")
    try directory.write("training.csv", "course,required,completed,due\nX,10,4,2026-11-01\n")
    let clock = ManualClock(GovernanceOrg.now)
    let poller = Poller(directory: directory.path, clock: clock)
    func governance() -> GovernanceSummary {
      MetricEngine(trendPoints: 0).snapshot(of: poller.engineInput(), at: clock.now).governance
    }
    _ = poller.poll()
    #expect(governance().training?.peopleOutstanding == 6)
    #expect(governance().access == nil)

    // The learning system writes the whole file anew: training completed.
    try directory.write("training.csv", "course,required,completed,due\nX,10,10,2026-11-01\n")
    try directory.write("access/iam.csv", "system,role,accounts,privileged,last_review\nerp,admin,2,yes,\n")
    clock.advance(by: .seconds(2))
    _ = poller.poll()
    #expect(governance().training?.peopleOutstanding == 0)
    #expect(governance().training?.completionPct == 100)
    #expect(governance().access?.overdueRoles == 1)

    try directory.remove("training.csv")
    clock.advance(by: .seconds(2))
    _ = poller.poll()
    // A file that vanished keeps its last good contents, as every kind does.
    #expect(governance().training?.completionPct == 100)
  }
}
