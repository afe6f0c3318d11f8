import Foundation
import ImtopTestSupport
import Testing

/// An inventory export caught while it is being written, on the real binary: the last good systems
/// stay on screen with the error where the panel is; a cut at a row boundary that stays put is
/// accepted, with a warning naming both counts.
@Suite(.serialized, .enabled(if: EndToEnd.available, EndToEnd.skipReason))
struct PartialWriteEndToEndTests {
  /// Rewrites `url` in place (the same inode), in pieces 300 ms apart, as a slow exporter does.
  func overwriteInPlace(_ url: URL, pieces: [[UInt8]]) throws {
    let handle = try FileHandle(forWritingTo: url)
    defer { try? handle.close() }
    try handle.truncate(atOffset: 0)
    for piece in pieces {
      try handle.write(contentsOf: Data(piece))
      usleep(300_000)
    }
  }

  @Test func aHalfWrittenInventoryNeverReplacesTheLastGoodOne() throws {
    let data = try LiveDataDirectory()
    defer { data.remove() }
    let tmux = TmuxSession()
    defer { tmux.stop() }
    try tmux.start(EndToEnd.command(data), width: 160, height: 48)
    try #require(tmux.waitFor { $0.contains("Systems 6") && $0.contains("Staff laptops") }.matched)

    let systems = data.url.appendingPathComponent("systems.csv")
    let lines = try String(contentsOf: systems, encoding: .utf8).components(separatedBy: "\n")
    // Header, erp and crm, then the records row cut inside its quoted name.
    let head = Array((lines[0...2].joined(separator: "\n") + "\n").utf8)
    let cutRow = Array(lines[3].prefix(20).utf8)
    #expect(String(decoding: cutRow, as: UTF8.self).contains("\"Records"))
    try overwriteInPlace(systems, pieces: [Array(head.prefix(60)), Array(head.dropFirst(60)), cutRow])
    let refused = tmux.waitFor(timeout: 20) { $0.contains("ends inside a quoted field") }
    #expect(refused.matched, "the cut file was not refused:\n\(refused.screen)")
    #expect(refused.screen.contains("Systems 6"), "\(refused.screen)")
    #expect(refused.screen.contains("PostgreSQL cluster") && refused.screen.contains("Staff laptops"), "\(refused.screen)")

    // Cut at a row boundary and left as it is: whole, so accepted, with the warning.
    try overwriteInPlace(systems, pieces: [head])
    let accepted = tmux.waitFor(timeout: 20) { $0.contains("6 systems before, 2 now") }
    #expect(accepted.matched, "no warning for the shrunken inventory:\n\(accepted.screen)")
    #expect(accepted.screen.contains("Systems 2"), "\(accepted.screen)")
    try tmux.sendKeys("q")
    #expect(tmux.waitFor { $0.contains("[exited 0]") }.matched)
  }
}
