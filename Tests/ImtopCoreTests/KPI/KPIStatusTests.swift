import ImtopCore
import Testing

/// KPI statuses at and around every threshold (README, "KPIs").
@Suite struct KPIStatusTests {
  let higher = KPIDefinition(name: "h", expression: "1", target: 100, warn: 90, crit: 75, better: .higher)
  let lower = KPIDefinition(name: "l", expression: "1", target: 0, warn: 1, crit: 3, better: .lower)
  let target = KPIDefinition(name: "t", expression: "1", target: 0, warn: 5, crit: 10, better: .target)

  @Test func higherIsBetter() {
    #expect(higher.status(of: 75) == .crit)
    #expect(higher.status(of: 75.0001) == .warn)
    #expect(higher.status(of: 90) == .warn)
    #expect(higher.status(of: 90.0001) == .ok)
    #expect(higher.status(of: -5) == .crit)
    #expect(higher.status(of: nil) == .unknown)
  }

  @Test func lowerIsBetter() {
    #expect(lower.status(of: 0) == .ok)
    #expect(lower.status(of: 0.999) == .ok)
    #expect(lower.status(of: 1) == .warn)
    #expect(lower.status(of: 2.999) == .warn)
    #expect(lower.status(of: 3) == .crit)
    #expect(lower.status(of: nil) == .unknown)
  }

  @Test func closenessToTarget() {
    #expect(target.status(of: 0) == .ok)
    #expect(target.status(of: 4.99) == .ok)
    #expect(target.status(of: 5) == .warn)
    #expect(target.status(of: -5) == .warn)
    #expect(target.status(of: 9.99) == .warn)
    #expect(target.status(of: -10) == .crit)
    #expect(target.status(of: 10) == .crit)
    var noTarget = target
    noTarget.target = nil
    #expect(noTarget.status(of: 0) == .unknown)
  }

  @Test func missingThresholdsAreNeverReached() {
    let bare = KPIDefinition(name: "b", expression: "1", better: .lower)
    #expect(bare.status(of: 1_000_000) == .ok)
    #expect(KPIDefinition(name: "b", expression: "1", crit: 10, better: .higher).status(of: 50) == .ok)
    #expect(KPIDefinition(name: "b", expression: "1", warn: 60, better: .higher).status(of: 50) == .warn)
    #expect(bare.status(of: .nan) == .unknown)
  }
}
