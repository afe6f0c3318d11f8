import Testing
import ImtopCore
@testable import ImtopUI

/// Writes every page at a few sizes to a folder for reading by eye, when `IMTOP_PREVIEW_DIR` is set.
@Suite struct PreviewTests {
  @Test func writePreviews() throws {
    guard let dir = TestEnvironment.environment("IMTOP_PREVIEW_DIR") else { return }
    var out = ""
    for (w, h) in [(60, 16), (80, 24), (120, 40), (200, 60)] {
      for page in PageName.allCases {
        let state = Fixtures.state(page: page, width: w, height: h)
        out += "===== \(page) \(w)x\(h)\n" + state.view().plainText() + "\n"
      }
    }
    var detail = Fixtures.state(page: .systems, width: 120, height: 40)
    detail.detailSystemID = "erp"
    out += "===== detail 120x40\n" + detail.view().plainText() + "\n"
    detail.size = Size(width: 80, height: 24)
    out += "===== detail 80x24\n" + detail.view().plainText() + "\n"
    try out.write(toFile: dir + "/preview.txt", atomically: true, encoding: .utf8)
    #expect(!out.isEmpty)
  }
}
