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

/// A time zone the system's zoneinfo lacks is read as UTC, and the footer says so once.
extension DashboardGlyphsTests {
  func startedWithZone(_ identifier: String, utf8: Bool = true) -> DashboardProgram {
    let configuration = ConfigurationReader.read(Array("[organization]\ntimezone = \"\(identifier)\"\n".utf8)).configuration
    var dashboard = DashboardProgram(
      configuration: configuration, overrides: .init(), catalog: ThemeCatalog(),
      clock: ManualClock(DashboardProgramTests.start), requestReread: {})
    _ = dashboard.start(RecordingBackend.capabilities(isUTF8: utf8, terminalName: "xterm"))
    return dashboard
  }

  @Test func aZoneReadAsUTCIsSaidInTheFooter() throws {
    var dashboard = startedWithZone("Mars/Olympus")
    let note = try #require(dashboard.state.footerNote)
    #expect(note.contains("Mars/Olympus") && note.contains("UTC"))
    #expect(dashboard.render(size: Size(width: 120, height: 30)).line(29).contains("time zone Mars/Olympus"))
    _ = dashboard.handle(.key(.character("2")))
    #expect(dashboard.state.footerNote == nil)
    // With an ASCII locale, both notes.
    let both = try #require(startedWithZone("Mars/Olympus", utf8: false).state.footerNote)
    #expect(both.contains("LANG=C.UTF-8") && both.contains("Mars/Olympus"))
    #expect(startedWithZone("UTC").state.footerNote == nil)
  }

  @Test func anEditedConfigurationWhoseZoneIsLackingSaysSoOnce() {
    var dashboard = startedWithZone("UTC")
    let lacking = ConfigurationReader.read(Array("[organization]\ntimezone = \"Mars/Olympus\"\n".utf8)).configuration
    _ = dashboard.receive(DashboardProgramTests.update(["erp": .up], at: DashboardProgramTests.start, configuration: lacking))
    #expect(dashboard.state.footerNote?.contains("Mars/Olympus") == true)
    _ = dashboard.handle(.key(.character("2")))
    // The same configuration again (the next poll) does not bring the note back.
    _ = dashboard.receive(DashboardProgramTests.update(["erp": .up], at: DashboardProgramTests.start, configuration: lacking))
    #expect(dashboard.state.footerNote == nil)
  }
}
