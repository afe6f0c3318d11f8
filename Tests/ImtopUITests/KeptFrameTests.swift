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

  /// Files just written and every "last seen" three hours old: the panels' ages count seconds
  /// while nothing else on the page moves for a minute. Each tick draws only their top edges again
  /// over the kept page (the page itself is drawn once a minute), with the help open as well, which
  /// covers those edges; every frame is the fresh one.
  @Test(arguments: [PageName.overview, .systems, .budget, .kpis, .incidents, .compliance])
  func onlyTheTopEdgesAreDrawnAgainWhileOnlyTheAgesMove(page: PageName) throws {
    let files = Fixtures.files(age: .zero)
    let systems = [Self.system("erp", lastSample: Self.now - .hours(3)), Self.system("crm", lastSample: Self.now - .hours(3))]
    let details: [String?] = page == .systems ? [nil, "erp"] : [nil]
    for (width, height) in [(80, 24), (160, 48)] {
      for detail in details {
        for help in [false, true] {
          var state = state(page, width: width, height: height, files: files, systems: systems, detail: detail)
          if help { _ = state.update(.input(.key(.character("?")))) }
          var cache: FrameCache?
          var pagesDrawn: Set<Int64> = []
          var edgesOnly = 0
          for step in 0...(2 * 130) {
            let time = Self.now + Span(milliseconds: Int64(step) * 500)
            _ = state.update(.tick(time))
            let before = cache?.titlesDrawnAt
            let frame = state.view(reusing: &cache)
            let kept = try #require(cache)
            if kept.drawnAt == time { pagesDrawn.insert(time.milliseconds) } else if kept.titlesDrawnAt == time, before != time { edgesOnly += 1 }
            #expect(frame == state.view(), "\(page) \(width)×\(height) help \(help) at +\(step * 500) ms")
          }
          let context = "\(page) \(width)×\(height) detail \(detail ?? "-") help \(help)"
          if help {
            // Under the help every change of an age draws the page: 60 in the first minute.
            #expect(edgesOnly == 0, "\(context)")
            #expect(pagesDrawn.count >= 60, "\(context): \(pagesDrawn.count)")
          } else {
            // Drawn at the start and when a "last seen" or the ages turn a minute; the seconds in between only redraw edges.
            #expect(pagesDrawn.count <= 4, "\(context): \(pagesDrawn.count) pages")
            #expect(edgesOnly >= 55, "\(context): \(edgesOnly) top edges")
          }
        }
      }
    }
  }

  /// The incidents panel's title gives way to a shorter one as its age label widens, beside it on
  /// the same edge: the fullest that fits, chosen again when the edge alone is drawn again.
  @Test func aPanelTitleShortensAsItsAgeWidens() {
    let age = { (seconds: Int64) in DataAge(age: .seconds(seconds), isStale: false) }
    let panel = { (seconds: Int64) in
      Panel(title: "Incidents 5 open · 1 P1 · MTTR 4h", shorterTitles: ["Incidents 5 open · 1 P1", "Incidents 5 open"], age: age(seconds))
    }
    // 43 columns: room for a title of 33 beside "9 s" (the full one), of 32 beside "12 s".
    var buffer = Buffer(size: Size(width: 43, height: 3))
    let area = Rect(x: 0, y: 0, width: 43, height: 3)
    panel(9).render(in: area, buffer: &buffer)
    #expect(buffer.line(0).contains("MTTR 4h"))
    panel(12).renderTopEdge(in: area, buffer: &buffer)
    #expect(!buffer.line(0).contains("MTTR"))
    #expect(buffer.line(0).contains(" Incidents 5 open · 1 P1 "))
    var fresh = Buffer(size: Size(width: 43, height: 3))
    panel(12).render(in: area, buffer: &fresh)
    #expect(buffer == fresh)
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

  /// A live file nine minutes and 59.5 seconds old: the panels' top edges are kept until it turns
  /// stale at ten minutes and one millisecond (its label changes 1 ms before, at ten minutes), and
  /// drawn again alone over the kept page.
  @Test func keptUntilTheDataTurnsStale() throws {
    let files = Fixtures.files(age: .minutes(9) + Span(milliseconds: 59_500)).filter(\.kind.isAppendOnly)
    var state = state(.overview, width: 160, height: 48, files: files, systems: [])
    var cache: FrameCache?
    _ = state.view(reusing: &cache)
    // The panels' top edges show the age, noted apart; the rest of the page moves with the clock
    // only when the open incidents' ages do (the P1 opened 42 minutes before reads 43 min in a minute).
    #expect(cache?.titlesUntil == Self.now + Span(milliseconds: 500))
    #expect(cache?.until == Self.now + .minutes(1))
    _ = state.update(.tick(Self.now + Span(milliseconds: 500)))
    _ = state.view(reusing: &cache)
    #expect(cache?.titlesUntil == Self.now + Span(milliseconds: 501))
    #expect(cache?.drawnAt == Self.now)
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
