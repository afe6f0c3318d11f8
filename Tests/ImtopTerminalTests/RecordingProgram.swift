import ImtopUI

@testable import ImtopTerminal

/// A program that records what the run loop gives it and quits on `q`, on the message "quit", after
/// `quitAfterTicks` ticks, or on a resize when `quitOnResize` is set.
struct RecordingProgram: TerminalProgram {
  typealias Message = String

  var theme = NCursesTests.theme
  var tickInterval: Duration? = .seconds(1)
  var quitAfterTicks = 30
  var quitOnResize = false
  /// Run once when the loop starts (with the screen open), for tests that raise signals then.
  var onStart: () -> Void = {}

  var capabilities: TerminalCapabilities?
  var events: [InputEvent] = []
  var messages: [String] = []
  var ticks = 0

  mutating func start(_ capabilities: TerminalCapabilities) -> TerminalAction {
    self.capabilities = capabilities
    onStart()
    return .redraw
  }

  func render(size: Size) -> Buffer {
    var frame = Buffer(size: size)
    frame.put("events \(events.count) messages \(messages.count)", x: 0, y: 0)
    return frame
  }

  mutating func handle(_ event: InputEvent) -> TerminalAction {
    events.append(event)
    if event == .key(.character("q")) { return .quit }
    if quitOnResize, case .resize = event { return .quit }
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
