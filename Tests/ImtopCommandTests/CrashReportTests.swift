import Testing

@testable import imtop

/// When the program starts itself again to set the runtime's crash settings: the dashboard always;
/// a one-shot command only where the runtime's defaults would prompt (standard input and output
/// both terminals), since elsewhere they already send the report to stderr without asking.
@Suite struct CrashReportTests {
  @Test(arguments: [[], ["/data/org"], ["demo"], ["dashboard", "--kiosk"], ["--theme", "high-contrast"]])
  func theDashboardAlwaysSetsItsOwn(arguments: [String]) {
    for (input, output) in [(false, false), (true, false), (false, true), (true, true)] {
      #expect(CrashReport.needsSettings(arguments: arguments, stdinIsTerminal: input, stdoutIsTerminal: output))
    }
  }

  @Test(arguments: ["snapshot", "check", "themes", "help", "--version", "--help"])
  func aOneShotCommandOnlyAtAnInteractiveTerminal(command: String) {
    let arguments = [command, "/data/org"]
    #expect(CrashReport.needsSettings(arguments: arguments, stdinIsTerminal: true, stdoutIsTerminal: true))
    #expect(!CrashReport.needsSettings(arguments: arguments, stdinIsTerminal: false, stdoutIsTerminal: true))
    #expect(!CrashReport.needsSettings(arguments: arguments, stdinIsTerminal: true, stdoutIsTerminal: false))
    #expect(!CrashReport.needsSettings(arguments: arguments, stdinIsTerminal: false, stdoutIsTerminal: false))
  }
}
