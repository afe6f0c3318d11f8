import CNCursesW
import Foundation
import Testing

@testable import ImtopTerminal

/// The fatal-signal handler's preparation (no signal is sent: the end-to-end suite crashes a real
/// dashboard).
extension NCursesTests {
  @Test func crashResetUndoesEveryModeTheScreenSets() throws {
    try withScreen { _, _ in
      let reset = String(decoding: FatalSignalRestore.resetBytes(mouse: true), as: UTF8.self)
      for sequence in ["\u{1B}[?1049l", "\u{1B}[?25h", "\u{1B}[?1000l", "\u{1B}[?1l", "\u{1B}(B\u{1B}[m"] {
        #expect(reset.contains(sequence), "\(sequence.debugDescription) missing from \(reset.debugDescription)")
      }
      #expect(reset.hasPrefix("\u{18}"), "an escape sequence cut short is cancelled first")
      // Leaving the alternate screen comes last: everything before it applies to the screen it leaves.
      #expect(reset.hasSuffix("\u{1B}[?1049l\u{1B}[23;0;0t") || reset.hasSuffix("\u{1B}[?1049l"))
      #expect(!String(decoding: FatalSignalRestore.resetBytes(mouse: false), as: UTF8.self).contains("\u{1B}[?1000l"))
      // Frames written as ANSI scroll with a region: a crash puts the whole screen back as the region.
      #expect(String(decoding: FatalSignalRestore.resetBytes(mouse: false, scrollRegion: true), as: UTF8.self).contains("\u{1B}[r"))
      #expect(!String(decoding: FatalSignalRestore.resetBytes(mouse: false), as: UTF8.self).contains("\u{1B}[r"))
    }
  }

  @Test func handlerIsArmedWhileTheScreenIsOpenOnly() throws {
    func currentHandler(_ signal: Int32) -> Int? {
      var action = sigaction()
      guard sigaction(signal, nil, &action) == 0 else { return nil }
      // An optional C function pointer is one word, nil being zero.
      return unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self)
    }
    let before = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP].map(currentHandler)
    try withScreen { _, _ in
      let during = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP].map(currentHandler)
      #expect(during != before)
      #expect(Set(during.map { $0 ?? 0 }).count == 1, "one handler for all six")
    }
    #expect([SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP].map(currentHandler) == before)
  }
}
