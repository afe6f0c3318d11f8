import ImtopCore
import ImtopTerminalTestSupport
import ImtopTestSupport
import ImtopUI
import Testing

@testable import ImtopTerminal

/// A locale that allows only ASCII says once, in the footer, how to get symbols.
extension DashboardGlyphsTests {
  @Test func aNonUTF8LocaleSaysOnceInTheFooterHowToGetSymbols() {
    var dashboard = started(terminal: "xterm", utf8: false)
    let note = DashboardProgram.asciiNote(codeset: "ANSI_X3.4-1968")
    #expect(dashboard.state.footerNote == note)
    #expect(note.contains("LANG=C.UTF-8") && note.unicodeScalars.allSatisfy(\.isASCII))
    let frame = dashboard.render(size: Size(width: 100, height: 30))
    #expect(frame.line(29).contains("set LANG=C.UTF-8 for symbols"))
    // The first key press puts the key hints back.
    _ = dashboard.handle(.key(.character("2")))
    #expect(dashboard.state.footerNote == nil)
    #expect(dashboard.render(size: Size(width: 100, height: 30)).line(29).contains("q quit"))
  }

  @Test func aUTF8LocaleOrAnAskedForASCIIHasNoNote() {
    #expect(started(terminal: "xterm").state.footerNote == nil)
    #expect(started(requested: .ascii, terminal: "xterm").state.footerNote == nil)
  }
}
