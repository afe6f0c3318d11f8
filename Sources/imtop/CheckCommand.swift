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
      Prints each file with the records it read and rejected, then every problem as file:line: message. \
      Exits 0 when there is none, 1 otherwise, and 2 when DIR is not a data directory.

      With --kpis, prints each KPI's status and exits with the worst, as monitoring plugins do \
      (Nagios, Icinga): 0 ok, 1 warning, 2 critical, 3 unknown.
      """
  )

  @OptionGroup var data: DataDirectoryOption

  @Flag(help: "Print each KPI's status and exit with the worst (0 ok, 1 warn, 2 crit, 3 unknown).")
  var kpis = false

  @Option(help: "Evaluation time for --kpis (default: now).")
  var now: String?

  @Flag(help: "Hide money figures in the KPI lines.")
  var redactCosts = false

  func run() throws {
    if kpis {
      try checkKPIs()
      return
    }
    let report = CheckReport.check(directory: data.url, shownPath: data.path)
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
    let dataSet = DataLoader.load(directory: data.url)
    let instant = try NowOption.resolve(now, zone: dataSet.configuration.zone)
    let snapshot = MetricEngine().snapshot(of: dataSet, at: instant)
    let check = KPICheck(kpis: snapshot.kpis, redactMoney: redactCosts)
    print(check.text, terminator: "")
    if check.exitCode != 0 { throw ExitCode(check.exitCode) }
  }
}
