import ImtopCore
import ImtopUI
import Testing

@testable import ImtopTerminal

/// Every page drawn at sizes from 1x1 to 300x100 with hostile text: no cell holds control data,
/// however the text is cut. (The real binary is taken through every width and
/// every height in tmux by the end-to-end tests.)
@Suite struct HostileSizeTests {
  static let snapshot = NCursesTests.hostileSnapshot(benign: false)

  /// Every width at heights around the layout's breakpoints, and every height at widths likewise.
  static func sizes(stride step: Int) -> [Size] {
    let heights = [1, 2, 3, 5, 8, 12, 24, 40, 100]
    let widths = [1, 2, 3, 10, 40, 80, 120, 300]
    var sizes = Swift.stride(from: 1, through: 300, by: step).flatMap { width in heights.map { Size(width: width, height: $0) } }
    sizes += Swift.stride(from: 1, through: 100, by: step).flatMap { height in widths.map { Size(width: $0, height: height) } }
    return sizes
  }

  @Test(arguments: PageName.allCases)
  func everyPageRendersAtEverySize(page: PageName) throws {
    // The overview (the first page, the densest) at every width and height; the others at every third.
    let sizes = Self.sizes(stride: page == .overview ? 1 : 3)
    var wrong: [Size] = []
    for size in sizes {
      let frame = ScreenRenderer.render(Self.snapshot, page: page, size: size)
      let clean = frame.cells.allSatisfy { $0.grapheme.unicodeScalars.allSatisfy { !NCursesTests.isForbidden($0) } }
      if !clean { wrong.append(size) }
    }
    #expect(sizes.contains(Size(width: 1, height: 1)) && sizes.contains(Size(width: 300, height: 100)))
    #expect(wrong.isEmpty, "\(page): wrong frames at \(wrong.prefix(5))")
  }
}
