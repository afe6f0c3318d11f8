import Foundation
import Testing

@testable import ImtopCore

@Suite struct DataDirectoryTests {
  @Test func findsEachKindAsAFileAndAsAFolder() throws {
    let url = try ReaderTestSupport.temporaryDirectory([
      "systems.csv": "id\n",
      "budget/2026-plan.csv": "x\n",
      "budget/2026-actuals.csv": "x\n",
      "budget/readme.md": "not a budget\n",
      "imtop.toml": "",
      "imtop/extra.toml": "",
      "status.jsonl": "",
      "status/edge.jsonl": "",
    ])
    defer { try? FileManager.default.removeItem(at: url) }
    let directory = DataDirectory(url: url)
    #expect(directory.exists)
    #expect(directory.hasSystems)
    #expect(directory.files(of: .budget).map(\.path) == ["budget/2026-actuals.csv", "budget/2026-plan.csv"])
    // The configuration is only ever imtop.toml.
    #expect(directory.files(of: .config).map(\.path) == ["imtop.toml"])
    #expect(directory.files(of: .status).map(\.path) == ["status.jsonl", "status/edge.jsonl"])
    #expect(directory.files(of: .metrics).isEmpty)
    #expect(directory.allFiles().map(\.path) == [
      "imtop.toml", "systems.csv", "budget/2026-actuals.csv", "budget/2026-plan.csv", "status.jsonl", "status/edge.jsonl",
    ])
    let file = try #require(directory.files(of: .systems).first)
    #expect(file.modified != nil)
    #expect(try file.readBytes().get() == Array("id\n".utf8))
  }

  @Test func systemsFolderCountsAsSystems() throws {
    let url = try ReaderTestSupport.temporaryDirectory(["systems/cmdb.csv": "id\n"])
    defer { try? FileManager.default.removeItem(at: url) }
    #expect(DataDirectory(url: url).hasSystems)
  }

  @Test func missingDirectory() {
    let directory = DataDirectory(url: URL(fileURLWithPath: "/nonexistent-imtop-data"))
    #expect(!directory.exists)
    #expect(!directory.hasSystems)
  }
}
