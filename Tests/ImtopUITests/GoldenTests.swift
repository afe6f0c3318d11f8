import Testing
import ImtopCore
@testable import ImtopUI

/// Every page at 80×24 and 160×48 against its golden text file.
@Suite struct GoldenTests {
  static let sizes = [Size(width: 80, height: 24), Size(width: 160, height: 48)]

  @Test(arguments: PageName.allCases)
  func page(_ page: PageName) {
    for size in Self.sizes {
      var backend = TestBackend(width: size.width, height: size.height)
      let buffer = backend.draw(Fixtures.state(page: page, width: size.width, height: size.height))
      Golden.check(buffer.plainText(), named: "\(page.rawValue)-\(size.width)x\(size.height).txt")
    }
  }

  @Test func systemDetail() {
    for size in Self.sizes {
      var state = Fixtures.state(page: .systems, width: size.width, height: size.height)
      _ = state.update(.show(.systems, detail: "erp"))
      var backend = TestBackend(width: size.width, height: size.height)
      Golden.check(backend.draw(state).plainText(), named: "detail-erp-\(size.width)x\(size.height).txt")
    }
  }

  @Test func asciiOverview() {
    let state = Fixtures.state(page: .overview, drawingMode: .ascii)
    var backend = TestBackend(width: 80, height: 24)
    let buffer = backend.draw(state)
    Golden.check(buffer.plainText(), named: "overview-ascii-80x24.txt")
    // ASCII mode leaves nothing but ASCII on screen (the fixture's names are ASCII too).
    #expect(buffer.cells.allSatisfy { $0.grapheme.unicodeScalars.allSatisfy(\.isASCII) })
  }
}
