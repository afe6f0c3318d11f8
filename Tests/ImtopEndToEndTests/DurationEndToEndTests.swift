import Foundation
import ImtopTestSupport
import Testing

/// `--interval` and `refresh.interval` in `imtop.toml` take the same range, refused with the same
/// message, on the real binary.
@Suite(.enabled(if: EndToEnd.available, EndToEnd.skipReason))
struct DurationEndToEndTests {
  /// Runs a shell command line and returns its status and both outputs together.
  func run(_ command: String) throws -> ChildProcess.Result {
    try ChildProcess.run("/bin/sh", ["-c", command + " 2>&1"], captureOutput: true)
  }

  @Test(arguments: ["1ms", "100000d", "often"])
  func intervalOutOfRangeIsRefusedByTheFlag(text: String) throws {
    let data = try LiveDataDirectory()
    defer { data.remove() }
    let result = try run("\(EndToEnd.command(data, interval: text))")
    #expect(result.status == 64, "\(result.output)")
    #expect(result.output.contains("--interval \"\(text)\": expected a duration from 100ms to 1d"), "\(result.output)")
  }

  @Test func intervalOutOfRangeIsRefusedByTheFileWithItsLine() throws {
    let data = try LiveDataDirectory()
    defer { data.remove() }
    let config = data.url.appendingPathComponent("imtop.toml")
    let original = try String(contentsOf: config, encoding: .utf8)
    try Data(original.replacingOccurrences(of: "interval = \"2s\"", with: "interval = \"1ms\"").utf8).write(to: config)
    let lines = original.split(separator: "\n", omittingEmptySubsequences: false)
    let line = try #require(lines.firstIndex { $0.hasPrefix("interval = ") }) + 1
    let binary = TmuxSession.shellQuote(TmuxSession.imtopPath ?? "imtop")
    let result = try run("\(binary) check \(TmuxSession.shellQuote(data.url.path))")
    #expect(result.output.contains("imtop.toml:\(line): error: refresh.interval \"1ms\": expected a duration from 100ms to 1d"),
            "\(result.output)")
  }
}
