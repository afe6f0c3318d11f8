import Foundation
import Testing

@testable import ImtopCore

/// `imtop demo --dir` writes only into a new or empty folder or a previous demo, unless forced.
@Suite struct DemoDirectoryTests {
  let root = FileManager.default.temporaryDirectory.appendingPathComponent("imtop-demo-dir-\(UUID().uuidString)")

  func generator(at hour: Int = 9) -> DemoGenerator {
    DemoGenerator(seed: 5, now: CivilTime(year: 2026, month: 11, day: 28, hour: hour).utcTimestamp, historyDays: 1)
  }

  /// Every file below `folder` by name, with its bytes.
  func snapshot(of folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
      files[name] = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
    }
    return files
  }

  /// A folder with an organisation's own data in it.
  func realDataFolder() throws -> URL {
    let folder = root.appendingPathComponent("org")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data("id,name\nerp,Our ERP\n".utf8).write(to: folder.appendingPathComponent("systems.csv"))
    try Data("period,system,category,type,planned,actual\n".utf8).write(to: folder.appendingPathComponent("budget.csv"))
    return folder
  }

  @Test func aNewFolderIsCreatedAndMarked() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let folder = root.appendingPathComponent("new")
    try generator().write(to: folder, force: false)
    let files = try snapshot(of: folder)
    #expect(files[DemoDirectory.markerName] == Data(DemoDirectory.markerText.utf8))
    #expect(files["systems.csv"] != nil)
    #expect(try DemoDirectory(url: folder).contents() == .previousDemo)
  }

  @Test func anEmptyFolderIsWritten() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    #expect(try DemoDirectory(url: root).contents() == .empty)
    try generator().write(to: root, force: false)
    // The ten data files and the marker.
    #expect(try snapshot(of: root).count == 11)
  }

  @Test func aPreviousDemoIsRegeneratedInPlace() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    try generator(at: 9).write(to: root, force: false)
    let before = try snapshot(of: root)
    try generator(at: 15).write(to: root, force: false)
    let after = try snapshot(of: root)
    #expect(Set(after.keys) == Set(before.keys))
    // Six hours later the history ends six hours later.
    #expect(after["status.jsonl"] != before["status.jsonl"])
    #expect(after["status.jsonl"] == generator(at: 15).files().first { $0.name == "status.jsonl" }.map { Data($0.contents.utf8) })
  }

  @Test func aRealDataFolderIsRefusedWithNothingWritten() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let folder = try realDataFolder()
    let before = try snapshot(of: folder)
    #expect(throws: DemoDirectoryRefusal(path: folder.path, reason: .holdsOtherFiles(["budget.csv", "systems.csv"]))) {
      try generator().write(to: folder, force: false)
    }
    #expect(try snapshot(of: folder) == before)
  }

  @Test func forceWritesOverARealDataFolder() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let folder = try realDataFolder()
    try Data("keep me".utf8).write(to: folder.appendingPathComponent("notes.txt"))
    try generator().write(to: folder, force: true)
    let files = try snapshot(of: folder)
    #expect(files["systems.csv"] == generator().files().first { $0.name == "systems.csv" }.map { Data($0.contents.utf8) })
    #expect(files[DemoDirectory.markerName] != nil)
    // Files the demo does not write are left alone.
    #expect(files["notes.txt"] == Data("keep me".utf8))
  }

  @Test func aFileIsNeverAFolderEvenWhenForced() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    let file = root.appendingPathComponent("data.csv")
    try Data("x\n".utf8).write(to: file)
    #expect(throws: DemoDirectoryRefusal(path: file.path, reason: .notAFolder)) {
      try DemoDirectory(url: file).requireWritable(force: true)
    }
  }

  @Test func theRefusalSaysWhatIsThereAndWhatToDo() {
    let refusal = DemoDirectoryRefusal(path: "/srv/it", reason: .holdsOtherFiles(["a.csv", "b.csv", "c.csv", "d.csv", "e.csv"]))
    #expect(
      refusal.description
        == "imtop demo: /srv/it is not empty and holds no previous demo (it has a.csv, b.csv, c.csv and 2 more); "
        + "nothing was written. Use a new or empty folder, or --force to write the demo's files over the ones with the same names.")
  }
}
