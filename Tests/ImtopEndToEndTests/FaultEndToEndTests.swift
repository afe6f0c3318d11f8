import Foundation
import Testing

/// The built binary in tmux while a test damages its data directory: the dashboard keeps running,
/// says what is wrong, keeps the last figures, and recovers by itself once the damage is repaired.
@Suite(.serialized, .enabled(if: EndToEnd.available, EndToEnd.skipReason))
struct FaultEndToEndTests {
  /// Starts imtop polling every 200 ms and waits for its first full frame.
  private func startDashboard(_ data: LiveDataDirectory, width: Int = 120, height: Int = 40) throws -> TmuxSession {
    let tmux = TmuxSession()
    try tmux.start(EndToEnd.command(data, interval: "200ms"), width: width, height: height)
    try #require(tmux.waitFor { $0.contains("Example Municipality IT") && $0.contains("Systems 6") }.matched, "no first frame")
    return tmux
  }

  private func stillRunning(_ screen: String) -> Bool { !screen.contains("[exited") }

  @Test func wholeDataDirectoryRemovedAndRestored() throws {
    let data = try LiveDataDirectory()
    defer { data.remove() }
    let tmux = try startDashboard(data)
    defer { tmux.stop() }
    let aside = data.url.path + ".aside"
    try FileManager.default.moveItem(atPath: data.url.path, toPath: aside)
    defer { try? FileManager.default.removeItem(atPath: aside) }
    let gone = tmux.waitFor { $0.contains("disappeared") && $0.contains("stale") }
    #expect(gone.matched, "the missing files are not shown:\n\(gone.screen)")
    #expect(stillRunning(gone.screen))
    #expect(gone.screen.contains("Systems 6"), "the last good inventory was dropped:\n\(gone.screen)")

    try FileManager.default.moveItem(atPath: aside, toPath: data.url.path)
    let back = tmux.waitFor { !$0.contains("disappeared") && !$0.contains("stale") && $0.contains("Systems 6") }
    #expect(back.matched, "no recovery after the directory came back:\n\(back.screen)")
  }

  @Test(arguments: ["garbage", "empty", "directory", "loop", "fifo"])
  func inventoryReplacedThenRepaired(fault: String) throws {
    let data = try LiveDataDirectory()
    defer { data.remove() }
    let tmux = try startDashboard(data)
    defer { tmux.stop() }
    let inventory = data.url.appendingPathComponent("systems.csv")
    let good = try Data(contentsOf: inventory)
    try FileManager.default.removeItem(at: inventory)
    switch fault {
    case "garbage": try Data((0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }).write(to: inventory)
    case "empty": try Data().write(to: inventory)
    case "directory": try FileManager.default.createDirectory(at: inventory, withIntermediateDirectories: false)
    case "loop":
      try FileManager.default.createSymbolicLink(atPath: inventory.path, withDestinationPath: inventory.path + ".2")
      try FileManager.default.createSymbolicLink(atPath: inventory.path + ".2", withDestinationPath: inventory.path)
    default: #expect(mkfifo(inventory.path, 0o644) == 0)
    }
    let broken = tmux.waitFor { $0.contains("stale") }
    #expect(broken.matched, "\(fault): nothing marked stale:\n\(broken.screen)")
    #expect(stillRunning(broken.screen))
    #expect(broken.screen.contains("Systems 6"), "\(fault): the last good inventory was dropped:\n\(broken.screen)")

    try FileManager.default.removeItem(at: inventory)
    try? FileManager.default.removeItem(atPath: inventory.path + ".2")
    try good.write(to: inventory)
    let repaired = tmux.waitFor { !$0.contains("stale") && $0.contains("Systems 6") }
    #expect(repaired.matched, "\(fault): no recovery:\n\(repaired.screen)")
  }

  @Test func statusLogTruncatedRotatedAndGivenALongLine() throws {
    let data = try LiveDataDirectory()
    defer { data.remove() }
    let tmux = try startDashboard(data)
    defer { tmux.stop() }
    try tmux.sendKeys("2")
    try #require(tmux.waitFor { $0.contains("Wide area network") && !$0.contains("✖ down") }.matched)
    let now = LiveDataDirectory.iso(Date())
    // Truncated mid-line: half a line, then the rest.
    let line = "{\"ts\":\"\(now)\",\"system\":\"wan\",\"state\":\"down\",\"message\":\"carrier outage\"}\n"
    try Data(line.utf8.prefix(30)).write(to: data.monitorLog)
    #expect(stillRunning(tmux.capture()))
    try data.append(String(decoding: line.utf8.dropFirst(30), as: UTF8.self))
    let down = tmux.waitFor { $0.contains("✖ down") }
    #expect(down.matched, "the line finished after the truncation was not read:\n\(down.screen)")

    // A 3 MB line (longer than any line the reader accepts), then a good line after it.
    let rotated = data.url.appendingPathComponent("status/monitor.jsonl.1")
    try FileManager.default.moveItem(at: data.monitorLog, to: rotated)
    try Data((String(repeating: "x", count: 3 << 20) + "\n").utf8).write(to: data.monitorLog)
    try data.append("{\"ts\":\"\(LiveDataDirectory.iso(Date()))\",\"system\":\"wan\",\"state\":\"up\"}\n")
    let up = tmux.waitFor { !$0.contains("✖ down") && $0.contains("Wide area network") }
    #expect(up.matched, "the good line after a 3 MB one was not read:\n\(up.screen)")
    #expect(stillRunning(up.screen))
  }
}
