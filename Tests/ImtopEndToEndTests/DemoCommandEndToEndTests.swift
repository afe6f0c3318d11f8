import Foundation
import ImtopTestSupport
import Testing

/// `imtop demo --generate-only --dir` on the built binary: the exit statuses a script sees.
@Suite(.enabled(if: TmuxSession.imtopPath != nil, "the imtop binary is not built beside the tests"))
struct DemoCommandEndToEndTests {
  let root = FileManager.default.temporaryDirectory.appendingPathComponent("imtop-demo-cli-\(UUID().uuidString)")

  func generate(_ folder: URL, force: Bool = false) throws -> Int32 {
    let arguments = ["demo", "--generate-only", "--dir", folder.path] + (force ? ["--force"] : [])
    return try ChildProcess.run(TmuxSession.imtopPath ?? "imtop", arguments, captureOutput: true).status
  }

  @Test func aDataFolderIsRefusedUntilForced() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    let systems = root.appendingPathComponent("systems.csv")
    try Data("id\nerp\n".utf8).write(to: systems)

    #expect(try generate(root) == 2)
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["systems.csv"])
    #expect(FileManager.default.contents(atPath: systems.path) == Data("id\nerp\n".utf8))

    #expect(try generate(root, force: true) == 0)
    #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(".imtop-demo").path))
    // Now a previous demo: regenerated without --force.
    #expect(try generate(root) == 0)
  }
}
