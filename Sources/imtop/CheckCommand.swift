import ArgumentParser
import Foundation
import ImtopCore

/// `imtop check [DIR]`: validates every file of a data directory and prints each problem; with
/// `--kpis`, prints each KPI's status in the monitoring-plugin convention instead.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate every file of a data directory and the configuration.",
    discussion: """
      Prints each file with the records it read and rejected, then every problem as \
      file:line: error: message or file:line: warning: message. An error loses data (a rejected row, a file \
      that cannot be read, an invalid setting); a warning loses nothing but needs a look (an unknown key, an \
      id not in systems.csv). Exits 0 when there is no error, 1 when there is one, and 2 when DIR is not a \
      data directory.

      With --kpis, prints each KPI's status and exits with the worst, as monitoring plugins do \
      (Nagios, Icinga): 0 ok, 1 warning, 2 critical, 3 unknown.
      """
  )

  @OptionGroup var data: DataDirectoryOption

  @Flag(help: "Print each KPI's status and exit with the worst (0 ok, 1 warn, 2 crit, 3 unknown).")
  var kpis = false

  @Option(help: "Evaluation time (ISO 8601, or YYYY-MM-DD HH:MM in the organisation's time zone). Default: now.")
  var now: String?

  @Flag(help: "Hide money figures in the KPI lines.")
  var redactCosts = false

  func run() throws {
    if kpis {
      try checkKPIs()
      return
    }
    let report = try CheckReport.check(directory: data.path, shownPath: data.path) { configuration in
      try NowOption.resolve(now, zone: configuration.zone)
    }
    if report.exitStatus == 2 {
      FileHandle.standardError.write(Data(report.text.utf8))
    } else {
      print(report.text, terminator: "")
    }
    if report.exitStatus != 0 { throw ExitCode(report.exitStatus) }
  }

  private func checkKPIs() throws {
    do {
      try data.requireDataDirectory()
    } catch {
      // A missing data directory means no KPI can be known: the plugin convention's UNKNOWN.
      throw ExitCode(KPIStatus.unknown.exitCode)
    }
    let reading = try data.read(now: now)
    let snapshot = MetricEngine().snapshot(of: reading.input, at: reading.now)
    let check = KPICheck(kpis: snapshot.kpis, redactMoney: redactCosts)
    print(check.text, terminator: "")
    if check.exitCode != 0 { throw ExitCode(check.exitCode) }
  }
}
