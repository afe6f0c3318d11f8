import Foundation
import ImtopTerminalTestSupport
import ImtopTestSupport
import ImtopUI
import Testing

/// The real binary on a pseudo-terminal that goes away without a SIGHUP: started under `setsid` (as
/// a supervisor does), so the terminal is not its controlling terminal, then the terminal closed.
@Suite(.serialized, .enabled(if: EndToEnd.available, EndToEnd.skipReason))
struct VanishedTerminalEndToEndTests {
  @Test func aDashboardWhoseTerminalIsClosedExitsWith129() throws {
    let data = try LiveDataDirectory()
    defer { data.remove() }
    let imtop = try #require(TmuxSession.imtopPath)
    let terminal = try PseudoTerminal(size: Size(width: 120, height: 40))
    let child = try ChildProcess.spawn(
      "/usr/bin/setsid", ["--wait", imtop, data.url.path, "--interval", "1s"], terminal: terminal.slaveDescriptor,
      environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"])
    var stopped = false
    defer { if !stopped { kill(child, SIGKILL); ChildProcess.wait(child) } }
    // The first frame: the header's tabs.
    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    let deadline = Date().addingTimeInterval(60)
    while String(decoding: output, as: UTF8.self).contains("Systems") == false && Date() < deadline {
      let count = chunk.withUnsafeMutableBytes { read(terminal.masterDescriptor, $0.baseAddress, $0.count) }
      if count > 0 {
        output.append(contentsOf: chunk[0..<count])
      } else {
        usleep(20_000)
      }
    }
    try #require(String(decoding: output, as: UTF8.self).contains("Systems"), "no first frame")

    terminal.hangUp()
    // Generous: only that it ends, not how fast (it used to spin on poll forever).
    let status = ChildProcess.wait(child, seconds: 60)
    stopped = status != nil
    #expect(status == 129, "imtop did not end after its terminal was closed")
  }
}
