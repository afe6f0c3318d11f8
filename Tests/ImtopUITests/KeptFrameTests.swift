import Testing
import ImtopCore
@testable import ImtopUI

/// `AppState.view(reusing:)`: at every tick the frame equals one drawn from scratch, whether the
/// page was kept and only the chrome drawn again or not; and it is kept exactly as long as nothing
/// on the page reads differently with the clock.
@Suite struct KeptFrameTests {
  static let now = Fixtures.now

  static func system(_ id: String, lastSample: Timestamp) -> SystemHealth {
    var system = Fixtures.system(id, id.uppercased(), "Data", nil, owner: "Ops", criticality: 2, users: 1, sla: nil,
                                 state: .up, availability: nil, latency: nil, lifecycle: .active)
    system.lastSample = lastSample
    return system
  }

  func state(_ page: PageName, width: Int, height: Int, files: [FileReport], systems: [SystemHealth], detail: String? = nil) -> AppState {
    var state = Fixtures.state(page: page, width: width, height: height)
    _ = state.update(.snapshot(Fixtures.snapshot(systems: systems, files: files), []))
    _ = state.update(.show(page, detail: detail))
    return state
  }

  /// Ticks every 250 ms for three minutes and then in jumps, across a "last seen" going from
  /// seconds to minutes and the data going stale at 10 minutes, then back: every frame is the fresh one.
  @Test(arguments: [PageName.overview, .systems, .budget, .kpis, .incidents, .compliance])
  func everyTickShowsWhatAFreshFrameShows(page: PageName) {
    let files = Fixtures.files(age: .minutes(9) + .seconds(58))
    let systems = [Self.system("erp", lastSample: Self.now - .seconds(3)), Self.system("crm", lastSample: Self.now - .minutes(59))]
    let details: [String?] = page == .systems ? [nil, "erp"] : [nil]
    for (width, height) in [(80, 24), (160, 48)] {
      for detail in details {
      var state = state(page, width: width, height: height, files: files, systems: systems, detail: detail)
      var cache: FrameCache?
      var reused = 0
      var times = (1...720).map { Self.now + Span(milliseconds: Int64($0) * 250) }
      times += [.minutes(10), .minutes(61), .hours(25)].map { Self.now + $0 }
      // A clock stepped back: ages and staleness read earlier again.
      times += [.seconds(30), .seconds(31)].map { Self.now + $0 }
      for time in times {
        _ = state.update(.tick(time))
        let before = cache?.revision
        let frame = state.view(reusing: &cache)
        if before == cache?.revision { reused += 1 }
        #expect(frame == state.view(), "\(page) \(width)×\(height) at +\((time - Self.now).milliseconds) ms")
      }
      // Half of the ticks fall inside a second the frame was drawn in: those at least were kept.
      #expect(reused >= times.count / 2, "\(page) \(width)×\(height): \(reused) of \(times.count) kept")
      }
    }
  }

  /// With the data two hours old and every "last seen" three hours old, the page next changes when
  /// a "last seen" turns the minute: kept until then, with only the header's clock drawn again.
  @Test func keptUntilTheFirstLabelOnThePageMovesOn() throws {
    let files = Fixtures.files(age: .hours(2))
    let systems = [Self.system("erp", lastSample: Self.now - .hours(3)), Self.system("crm", lastSample: Self.now - .hours(3))]
    var state = state(.systems, width: 160, height: 48, files: files, systems: systems)
    var cache: FrameCache?
    _ = state.view(reusing: &cache)
    let drawn = try #require(cache)
    #expect(drawn.until == Self.now + .minutes(1))
    _ = state.update(.tick(Self.now + .seconds(59)))
    let frame = state.view(reusing: &cache)
    #expect(cache?.revision == drawn.revision && cache?.until == drawn.until)
    #expect(frame.line(0).contains("12:00:59"))
    // Any change but the clock's draws afresh.
    _ = state.update(.input(.key(.down)))
    _ = state.view(reusing: &cache)
    #expect(cache?.revision != drawn.revision)
  }

  /// A live file nine minutes and 59.5 seconds old is kept until it turns stale at ten minutes and
  /// one millisecond: its label changes 1 ms before, at ten minutes.
  @Test func keptUntilTheDataTurnsStale() throws {
    let files = Fixtures.files(age: .minutes(9) + Span(milliseconds: 59_500)).filter(\.kind.isAppendOnly)
    var state = state(.overview, width: 160, height: 48, files: files, systems: [])
    var cache: FrameCache?
    _ = state.view(reusing: &cache)
    #expect(cache?.until == Self.now + Span(milliseconds: 500))
    _ = state.update(.tick(Self.now + Span(milliseconds: 500)))
    _ = state.view(reusing: &cache)
    #expect(cache?.until == Self.now + Span(milliseconds: 501))
  }

  /// `DataAge.nextChange` is exact: the same age and staleness up to the millisecond before, a
  /// different one at it, for a live file (which goes stale), an export (which does not) and a
  /// failed file, across the bands of the label and the stale edge.
  @Test func theDataAgeChangesExactlyWhenSaid() throws {
    let staleAfter = Span.minutes(10)
    let cases: [(FileKind, String?)] = [(.status, nil), (.systems, nil), (.status, "permission denied")]
    for (kind, failure) in cases {
      let files = [FileReport(path: kind.fileName, kind: kind, records: 1, modified: Self.now, failure: failure)]
      for age: Int64 in [-2_000, 0, 999, 59_999, 60_000, 599_000, 599_999, 600_000, 600_001, 3_599_999, 86_400_000] {
        let now = Self.now + Span(milliseconds: age)
        let next = try #require(DataAge.nextChange(of: [kind], in: files, now: now, staleAfter: staleAfter))
        // What a panel shows of it: the label and whether it is stale.
        func shown(at time: Timestamp) -> String {
          let age = DataAge.of([kind], in: files, now: time, staleAfter: staleAfter)
          return "\(age.label) \(age.isStale)"
        }
        #expect(next > now)
        #expect(shown(at: next - Span(milliseconds: 1)) == shown(at: now), "\(kind) at \(age)")
        #expect(shown(at: next) != shown(at: now), "\(kind) at \(age)")
      }
    }
  }
}
