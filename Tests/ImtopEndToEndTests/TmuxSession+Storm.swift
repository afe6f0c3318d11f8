import Foundation

extension TmuxSession {
  /// Runs many tmux commands in one go from a file (`source-file`), so hundreds of resizes reach the
  /// pane within one client call rather than one process each.
  func runCommands(_ commands: [String]) throws {
    try TmuxSession.runCommands(commands, socket: socket)
  }

  /// `runCommands` on the server at `socket`, callable from another thread.
  static func runCommands(_ commands: [String], socket: String) throws {
    guard let tmuxPath = TmuxSession.tmuxPath else { throw TmuxError.notInstalled }
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("imtop-tmux-\(UUID().uuidString).conf")
    try Data((commands.joined(separator: "\n") + "\n").utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try ChildProcess.run(tmuxPath, ["-L", socket, "source-file", file.path], captureOutput: true)
    guard result.status == 0 else { throw TmuxError.failed("source-file", result.status) }
  }

  /// The commands resizing the pane to each size in turn.
  func resizeCommands(_ sizes: [(width: Int, height: Int)]) -> [String] {
    sizes.map { "resize-window -t \(name) -x \($0.width) -y \($0.height)" }
  }

  /// The window's size as tmux has it, "WxH".
  func windowSize() -> String {
    guard let tmuxPath = TmuxSession.tmuxPath,
      let result = try? ChildProcess.run(tmuxPath, ["-L", socket, "display-message", "-p", "-t", name, "#{window_width}x#{window_height}"], captureOutput: true)
    else { return "" }
    return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// The pane's title (an OSC title sequence would change it).
  func paneTitle() -> String {
    guard let tmuxPath = TmuxSession.tmuxPath,
      let result = try? ChildProcess.run(tmuxPath, ["-L", socket, "display-message", "-p", "-t", name, "#{pane_title}"], captureOutput: true)
    else { return "" }
    return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// The names of tmux's paste buffers (an OSC 52 clipboard sequence would add one).
  func pasteBuffers() -> String {
    guard let tmuxPath = TmuxSession.tmuxPath,
      let result = try? ChildProcess.run(tmuxPath, ["-L", socket, "list-buffers"], captureOutput: true)
    else { return "" }
    return result.output
  }
}
