import Testing
import ImtopCore
@testable import ImtopUI

/// No size crashes, and every size shows the tab bar or asks for a larger terminal. By default
/// every width 1...300 and every height 1...100 is visited on every page (each width at the heights where layouts change, each height at the widths where they
/// change, and a grid across the whole range); `IMTOP_FULL_SWEEP=1` draws all 30,000 sizes
/// (best with `swift test -c release`, where it takes seconds).
@Suite struct SizeSweepTests {
  static let fullSweep = TestEnvironment.environment("IMTOP_FULL_SWEEP") == "1"

  /// The sizes to draw: all of them, or the sampled set.
  static func sizes() -> [Size] {
    if fullSweep { return (1...300).flatMap { w in (1...100).map { h in Size(width: w, height: h) } } }
    var sizes = Set<Size>()
    for width in 1...300 { for height in [1, 15, 16, 24, 41] { sizes.insert(Size(width: width, height: height)) } }
    for height in 1...100 { for width in [1, 59, 60, 80, 120, 200, 300] { sizes.insert(Size(width: width, height: height)) } }
    for width in stride(from: 3, through: 300, by: 17) { for height in stride(from: 3, through: 100, by: 11) { sizes.insert(Size(width: width, height: height)) } }
    return Array(sizes)
  }

  /// What a frame must show at its size, whatever the page: the first tab at or above the minimum
  /// size, the request to enlarge below it (once a row is wide enough for the word), and never the
  /// right half of a wide character without its left half. Nil when all holds.
  static func problem(in buffer: Buffer) -> String? {
    let size = buffer.size
    let tooSmall = size.width < ScreenLayout.minimum.width || size.height < ScreenLayout.minimum.height
    if !tooSmall, !buffer.line(1).hasPrefix(" 1 ") { return "no tab bar at \(size)" }
    if tooSmall, size.width >= 7, !buffer.plainText().contains("Enlarge") { return "no request to enlarge at \(size)" }
    for (index, cell) in buffer.cells.enumerated() where cell.isContinuation {
      let x = index % size.width
      if x == 0 || SafeText.width(buffer.cells[index - 1].grapheme) != 2 { return "a lone right half at \(x),\(index / size.width)" }
    }
    return nil
  }

  @Test(arguments: PageName.allCases)
  func everySizeOnEveryPage(page: PageName) {
    var state = Fixtures.state(page: page)
    if page == .systems { _ = state.update(.show(.systems, detail: "erp")) }
    let sizes = Self.sizes()
    var problems: [String] = []
    for size in sizes {
      var buffer = Buffer(size: size)
      state.view(into: &buffer)
      if let problem = Self.problem(in: buffer) { problems.append(problem) }
    }
    #expect(problems.isEmpty, "\(page): \(problems.prefix(5))")
    // The sampled set still touches every width and every height.
    #expect(Set(sizes.map(\.width)).count == 300)
    #expect(Set(sizes.map(\.height)).count == 100)
  }

  @Test func overlaysAndModesAtEveryWidth() {
    var state = Fixtures.state(page: .overview, drawingMode: .ascii)
    state.press(.character("?"))
    #expect(state.showHelp)
    var problems: [String] = []
    for width in 1...300 {
      var buffer = Buffer(size: Size(width: width, height: 20))
      state.view(into: &buffer)
      if let problem = Self.problem(in: buffer) { problems.append(problem) }
      if width >= ScreenLayout.minimum.width, !buffer.plainText().contains("Keys") { problems.append("no help at width \(width)") }
    }
    #expect(problems.isEmpty, "\(problems.prefix(5))")
  }

  @Test func zeroSizeAndNoData() {
    var state = AppState(size: Size(width: 0, height: 0))
    #expect(state.view().cells.isEmpty)
    _ = state.update(.input(.resize(Size(width: 1, height: 1))))
    #expect(state.size == Size(width: 1, height: 1))
    #expect(state.view().plainText().allSatisfy { $0.isASCII })
    _ = state.update(.input(.resize(Size(width: 0, height: 0))))
    _ = state.update(.input(.key(.down)))
    _ = state.update(.input(.mouse(MouseEvent(button: .left, x: 5, y: 5))))
    #expect(state.size == Size(width: 0, height: 0))
    #expect(state.selectedSystemID == nil)
  }

  @Test func tooSmallSaysSo() {
    let state = Fixtures.state(page: .overview, width: 40, height: 10)
    let text = state.view().plainText()
    // 40 columns: "Enlarge the terminal (need at least" does not fit on one line, so it wraps.
    #expect(text.contains("Enlarge the terminal"))
    #expect(text.contains("60×16,"))
    #expect(text.contains("have 40×10)"))
  }
}

@Suite struct EdgeDataTests {
  @Test(arguments: PageName.allCases)
  func emptySnapshotOnEveryPage(page: PageName) {
    var snapshot = Fixtures.snapshot(systems: [])
    snapshot.kpis = []
    snapshot.budget.months = []
    snapshot.compliance.openItems = []
    snapshot.incidents.openList = []
    for size in [Size(width: 60, height: 16), Size(width: 80, height: 24), Size(width: 250, height: 80)] {
      let frame = ScreenRenderer.render(snapshot, page: page, size: size)
      #expect(SizeSweepTests.problem(in: frame) == nil)
    }
    if page == .systems {
      #expect(ScreenRenderer.text(snapshot, page: page, size: Size(width: 80, height: 24)).contains("No systems in systems.csv"))
    }
  }

  @Test func fiveThousandSystemsDrawOnlyWhatShows() {
    let systems: [SystemHealth] = (0..<5_000).map { (i: Int) -> SystemHealth in
      let state: ServiceState = i % 97 == 0 ? .down : .up
      let availability: Double = 99 + Double(i % 100) / 100
      let latency: Double = Double(i % 50)
      return Fixtures.system("sys\(i)", "System \(i)", "Data", .saas, owner: "Ops", criticality: 1 + i % 4, users: i, sla: 99.5,
                             state: state, availability: availability, latency: latency)
    }
    var state = Fixtures.state(page: .systems, width: 200, height: 60)
    _ = state.update(.snapshot(Fixtures.snapshot(systems: systems), []))
    _ = state.update(.input(.key(.end)))
    let text = state.view().plainText()
    // Sorted worst first then by name; the last row is the alphabetically last up system.
    #expect(state.visibleSystems.count == 5_000)
    #expect(text.contains("Systems 5000"))
    #expect(text.contains(state.visibleSystems[4_999].record.name))
    #expect(!text.contains(state.visibleSystems[0].record.name + " "))
  }
}
