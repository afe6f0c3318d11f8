import Foundation
import Testing

@testable import ImtopCore

/// The one listing of a data directory, shared by the dashboard and the one-shot commands.
@Suite struct DataDirectoryTests {
  @Test func findsEachKindAsAFileAndAsAFolder() throws {
    let url = try ReaderTestSupport.temporaryDirectory([
      "systems.csv": "id\n",
      "budget/2026-plan.csv": "x\n",
      "budget/2026-actuals.csv": "x\n",
      "budget/readme.md": "not a budget\n",
      "budget/.~lock.plan.csv": "editor leftover\n",
      "imtop.toml": "",
      "imtop/extra.toml": "",
      "status.jsonl": "",
      "status/edge.jsonl": "",
    ])
    defer { try? FileManager.default.removeItem(at: url) }
    let listing = DataDirectoryListing(directory: url.path)
    #expect(listing.exists)
    #expect(listing.hasSystems)
    // Kinds in reading order, a kind's files in name order; the configuration is only ever imtop.toml.
    #expect(listing.files().map(\.path) == [
      "imtop.toml", "systems.csv", "budget/2026-actuals.csv", "budget/2026-plan.csv", "status.jsonl", "status/edge.jsonl",
    ])
    #expect(listing.files().map(\.kind) == [.config, .systems, .budget, .budget, .status, .status])
  }

  @Test func systemsFolderCountsAsSystems() throws {
    let url = try ReaderTestSupport.temporaryDirectory(["systems/cmdb.csv": "id\n"])
    defer { try? FileManager.default.removeItem(at: url) }
    #expect(DataDirectoryListing(directory: url.path).hasSystems)
  }

  @Test func missingDirectory() {
    let listing = DataDirectoryListing(directory: "/nonexistent-imtop-data")
    #expect(!listing.exists)
    #expect(!listing.hasSystems)
  }
}
