import Foundation
import ImtopUI

@testable import ImtopTerminal

/// A program whose every state changes every cell ("row 07 state 00042 ", shifted by the state), so
/// that a few frames fill a pseudo-terminal nobody reads. Messages are states; a negative one quits.
struct FloodProgram: TerminalProgram {
  typealias Message = Int

  let record: FloodRecord
  var state = 0
  var theme: Theme { NCursesTests.theme }
  var tickInterval: Duration? { nil }

  /// The text of row `y` in `state`, unshifted.
  static func token(row y: Int, state: Int) -> String {
    "row \(String(format: "%02d", y)) state \(String(format: "%05d", state)) "
  }

  func render(size: Size) -> Buffer {
    var frame = Buffer(size: size)
    for y in 0..<size.height {
      let token = Self.token(row: y, state: state)
      let line = String(repeating: token, count: size.width / token.count + 2)
      frame.put(String(line.dropFirst(state % token.count).prefix(size.width)), x: 0, y: y)
    }
    return frame
  }

  mutating func handle(_ event: InputEvent) -> TerminalAction { .redraw }

  mutating func receive(_ message: Int) -> TerminalAction {
    if message < 0 { return .quit }
    state = message
    record.received(message)
    return .redraw
  }
}
