import Foundation
import ImtopTestSupport

extension TmuxSession {
  /// Runs many tmux commands in one go from a file (`source-file`), so hundreds of resizes reach the
  /// pane within one client call rather than one process each.
  func runCommands(_ commands: [String]) throws {
    try TmuxSession.runCommands(commands, socket: socket)
  }

  /// `runCommands` on the server at `socket`, callable from another thread.
  static func runCommands(_ commands: [String], socket: String) throws {
    let folder = try TemporaryDirectory(prefix: "imtop-tmux")
    defer { folder.remove() }
    let file = folder.file("commands.conf")
    try Data((commands.joined(separator: "\n") + "\n").utf8).write(to: file)
    try TmuxServer.run(["source-file", file.path], socket: socket)
  }

  /// The commands resizing the pane to each size in turn.
  func resizeCommands(_ sizes: [(width: Int, height: Int)]) -> [String] {
    sizes.map { "resize-window -t \(name) -x \($0.width) -y \($0.height)" }
  }

  /// The window's size as tmux has it, "WxH".
  func windowSize() -> String {
    format("#{window_width}x#{window_height}")
  }

  /// The pane's title (an OSC title sequence would change it).
  func paneTitle() -> String {
    format("#{pane_title}")
  }

  /// The names of tmux's paste buffers (an OSC 52 clipboard sequence would add one).
  func pasteBuffers() -> String {
    (try? tmux(["list-buffers"])) ?? ""
  }
}
