import ImtopCore
import ImtopTerminalTestSupport
import ImtopTestSupport
import ImtopUI
import Testing

@testable import ImtopTerminal

/// The dashboard's drawing mode comes from the command line, `display.glyphs` and the terminal.
@Suite struct DashboardGlyphsTests {
  func started(requested: DrawingMode? = nil, configured: GlyphSet? = nil, terminal: String, utf8: Bool = true) -> DashboardProgram {
    var configuration = Configuration()
    configuration.glyphs = configured
    var dashboard = DashboardProgram(
      configuration: configuration, overrides: .init(drawingMode: requested), catalog: ThemeCatalog(),
      clock: ManualClock(DashboardProgramTests.start), requestReread: {})
    _ = dashboard.start(RecordingBackend.capabilities(isUTF8: utf8, terminalName: terminal))
    return dashboard
  }

  @Test func theLinuxConsoleGetsBlocksAndOtherTerminalsBraille() {
    #expect(started(terminal: "linux").state.drawingMode == .blocks)
    #expect(started(terminal: "linux-16color").state.drawingMode == .blocks)
    #expect(started(terminal: "xterm-256color").state.drawingMode == .unicode)
  }

  @Test func theCommandLineAndTheConfigurationChooseFirst() {
    #expect(started(requested: .unicode, terminal: "linux").state.drawingMode == .unicode)
    #expect(started(requested: .ascii, configured: .braille, terminal: "xterm").state.drawingMode == .ascii)
    #expect(started(configured: .braille, terminal: "linux").state.drawingMode == .unicode)
    #expect(started(configured: .blocks, terminal: "xterm").state.drawingMode == .blocks)
    #expect(started(requested: .unicode, terminal: "xterm", utf8: false).state.drawingMode == .ascii)
  }

  @Test func anEditedConfigurationChangesTheGlyphs() {
    var dashboard = started(terminal: "linux")
    var configuration = Configuration()
    configuration.glyphs = .braille
    _ = dashboard.receive(DashboardProgramTests.update(["erp": .up], at: DashboardProgramTests.start, configuration: configuration))
    #expect(dashboard.state.drawingMode == .unicode)
    configuration.glyphs = nil
    _ = dashboard.receive(DashboardProgramTests.update(["erp": .up], at: DashboardProgramTests.start, configuration: configuration))
    #expect(dashboard.state.drawingMode == .blocks)
  }
}
