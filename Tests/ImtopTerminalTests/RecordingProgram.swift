import ImtopUI

@testable import ImtopTerminal

/// A program that records what the run loop gives it and quits on `q`, on the message "quit", after
/// `quitAfterTicks` ticks, or on a resize to `quitOnResizeTo`; `t` switches its theme.
struct RecordingProgram: TerminalProgram {
  typealias Message = String

  /// The theme `t` switches to (and back from).
  static let otherTheme = Theme(name: "other", styles: [.crit: Style(foreground: .ansi(2))])

  var theme = NCursesTests.theme
  var tickInterval: Duration? = .seconds(1)
  var quitAfterTicks = 30
  var quitOnResizeTo: Size?

  var capabilities: TerminalCapabilities?
  var events: [InputEvent] = []
  var messages: [String] = []
  var ticks = 0

  mutating func start(_ capabilities: TerminalCapabilities) -> TerminalAction {
    self.capabilities = capabilities
    return .redraw
  }

  func render(size: Size) -> Buffer {
    var frame = Buffer(size: size)
    frame.put("events \(events.count) messages \(messages.count)", x: 0, y: 0)
    frame.put("人 wide \(size.width)x\(size.height)", x: 1, y: 1, foreground: .crit)
    if let last = events.last { frame.put("last \(last)", x: 0, y: 2, foreground: .selection) }
    return frame
  }

  mutating func handle(_ event: InputEvent) -> TerminalAction {
    events.append(event)
    if event == .key(.character("q")) { return .quit }
    if case .resize(let size) = event, size == quitOnResizeTo { return .quit }
    if event == .key(.character("t")) { theme = theme == Self.otherTheme ? NCursesTests.theme : Self.otherTheme }
    return .redraw
  }

  mutating func receive(_ message: String) -> TerminalAction {
    messages.append(message)
    return message == "quit" ? .quit : .redraw
  }

  mutating func tick() -> TerminalAction {
    ticks += 1
    return ticks >= quitAfterTicks ? .quit : .unchanged
  }
}
