import Foundation
import Testing
import ImtopCore
@testable import ImtopUI

/// Writes every page at a few sizes to a folder for reading by eye. Not a check: it runs (and is
/// otherwise reported as skipped) only when `IMTOP_PREVIEW_DIR` names that folder.
@Suite(.enabled(if: TestEnvironment.environment("IMTOP_PREVIEW_DIR") != nil, "IMTOP_PREVIEW_DIR is not set"))
struct PreviewTests {
  @Test func writePreviews() throws {
    let dir = try #require(TestEnvironment.environment("IMTOP_PREVIEW_DIR"))
    var out = ""
    for (w, h) in [(60, 16), (80, 24), (120, 40), (200, 60)] {
      for page in PageName.allCases {
        let state = Fixtures.state(page: page, width: w, height: h)
        out += "===== \(page) \(w)x\(h)\n" + state.view().plainText() + "\n"
      }
    }
    var detail = Fixtures.state(page: .systems, width: 120, height: 40)
    _ = detail.update(.show(.systems, detail: "erp"))
    out += "===== detail 120x40\n" + detail.view().plainText() + "\n"
    _ = detail.update(.input(.resize(Size(width: 80, height: 24))))
    out += "===== detail 80x24\n" + detail.view().plainText() + "\n"
    let path = dir + "/preview.txt"
    try out.write(toFile: path, atomically: true, encoding: .utf8)
    let written = try String(contentsOfFile: path, encoding: .utf8)
    #expect(written == out)
  }
}
