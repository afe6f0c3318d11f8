import Foundation
import ImtopTestSupport
import Testing

@testable import ImtopCore

/// The simulator completes training and closes reviews by writing whole files anew, which stay valid.
@Suite struct DemoGovernanceSimulatorTests {
  @Test func trainingIsCompletedAndReviewsClosed() throws {
    let now = utc(2026, 11, 26, 12)
    let directory = try TemporaryDirectory(prefix: "imtop-demo-sim")
    defer { directory.remove() }
    try DemoGenerator(seed: 3, now: now, historyDays: 1).write(to: directory.url)
    func governance() -> GovernanceSummary {
      let reading = DirectoryReading(directory: directory.path, at: now)
      #expect(reading.input.issues.apartFromDataQuality.isEmpty, "\(reading.input.issues)")
      return MetricEngine(trendPoints: 0).snapshot(of: reading.input, at: now).governance
    }
    let before = governance()
    let simulator = DemoSimulator(directory: directory.url)
    try simulator.completeTraining(pick: 0)
    try simulator.closeReview(at: now, pick: 0)
    let after = governance()
    #expect(try #require(after.training?.completed) > (try #require(before.training?.completed)))
    #expect(try #require(after.access?.overdueRoles) == (try #require(before.access?.overdueRoles)) - 1)
  }
}
