import Foundation
import ImtopUI
import Testing

@testable import ImtopTerminal
import ImtopTerminalTestSupport

extension NCursesTests {
  /// Types `bytes` on the terminal and returns the first event ncurses decodes from them.
  func event(afterTyping bytes: String, on screen: TerminalScreen, _ terminal: PseudoTerminal) -> InputEvent? {
    terminal.type(bytes)
    return screen.nextEvent(timeoutMilliseconds: 5_000)
  }

  @Test(arguments: [
    ("\u{1B}OA", Key.up), ("\u{1B}OB", .down), ("\u{1B}OC", .right), ("\u{1B}OD", .left),
    // The normal-mode forms, for terminals that ignore the keypad-mode request.
    ("\u{1B}[A", .up), ("\u{1B}[D", .left),
    ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown), ("\u{1B}OH", .home), ("\u{1B}OF", .end),
    ("\u{1B}[3~", .delete), ("\u{1B}[Z", .backTab), ("\u{7F}", .backspace), ("\t", .tab),
    ("\r", .enter), ("\u{1B}OP", .function(1)), ("\u{1B}[15~", .function(5)), ("\u{1B}[24~", .function(12)),
    ("\u{3}", .control("c")), ("\u{11}", .control("q")), ("q", .character("q")), ("é", .character("é")),
    ("人", .character("人")),
  ])
  func keySequencesDecode(sequence: String, key: Key) throws {
    try withScreen { screen, terminal in
      #expect(event(afterTyping: sequence, on: screen, terminal) == .key(key))
    }
  }

  @Test func escapeAloneArrivesAfterTheShortDelay() throws {
    try withScreen { screen, terminal in
      #expect(event(afterTyping: "\u{1B}", on: screen, terminal) == .key(.escape))
      // And the key after it is its own event, not part of a sequence.
      #expect(event(afterTyping: "j", on: screen, terminal) == .key(.character("j")))
    }
  }

  @Test func pendingEventsDrainsEverythingTyped() throws {
    try withScreen { screen, terminal in
      terminal.type("ab")
      // Wait for the first, then the rest is already there.
      #expect(screen.nextEvent(timeoutMilliseconds: 5_000) == .key(.character("a")))
      terminal.type("\u{1B}OAc")
      var events: [InputEvent] = []
      while events.count < 3, let next = screen.nextEvent(timeoutMilliseconds: 5_000) {
        events.append(next)
        events += screen.pendingEvents()
      }
      #expect(events == [.key(.character("b")), .key(.up), .key(.character("c"))])
      #expect(screen.pendingEvents().isEmpty)
    }
  }

  @Test func mousePressesAndWheelDecode() throws {
    try withScreen { screen, terminal in
      // SGR mouse reports (1-based column;row): a left press at column 5, row 3.
      #expect(event(afterTyping: "\u{1B}[<0;5;3M", on: screen, terminal) == .mouse(MouseEvent(button: .left, x: 4, y: 2)))
      #expect(event(afterTyping: "\u{1B}[<2;1;1M", on: screen, terminal) == .mouse(MouseEvent(button: .right, x: 0, y: 0)))
      #expect(event(afterTyping: "\u{1B}[<64;10;4M", on: screen, terminal) == .mouse(MouseEvent(button: .wheelUp, x: 9, y: 3)))
      #expect(event(afterTyping: "\u{1B}[<65;10;4M", on: screen, terminal) == .mouse(MouseEvent(button: .wheelDown, x: 9, y: 3)))
    }
  }

  @Test func windowResizeArrivesAsAResizeEvent() throws {
    try withScreen(size: Size(width: 40, height: 10)) { screen, terminal in
      var frame = Buffer(size: screen.size)
      frame.put("before", x: 0, y: 0)
      screen.draw(frame, theme: Self.theme)
      terminal.resize(to: Size(width: 52, height: 13))
      // A terminal emulator's resize reaches the process as SIGWINCH, which wakes the run loop; it
      // then asks the screen to read the new size.
      #expect(screen.updateSize() == .resize(Size(width: 52, height: 13)))
      #expect(screen.size == Size(width: 52, height: 13))
      // The KEY_RESIZE ncurses queues for the same change is not reported twice; an unchanged size
      // gives no event.
      #expect(screen.pendingEvents().isEmpty)
      #expect(screen.updateSize() == nil)
      // The next frame at the new size is drawn in full (52 x 13 = 676 cells).
      var resized = Buffer(size: screen.size)
      resized.put("after", x: 0, y: 12)
      #expect(screen.draw(resized, theme: Self.theme) == 676)
      #expect(screen.inspect(x: 0, y: 12)?.text == "a")
    }
  }
}
