import ArgumentParser
import FoundationEssentials
import Glibc
import ImtopCore
import ImtopRemote

/// `imtop check [DIR]`: validates every file of a data directory and prints each problem, as text or
/// JSON; with `--kpis`, prints each KPI's status and performance data in the monitoring-plugin
/// convention instead.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate every file of a data directory and the configuration.",
    discussion: """
      Prints each file with the records it read and rejected, then every problem as \
      file:line: error: message or file:line: warning: message. An error loses data (a rejected row, a file \
      that cannot be read, an invalid setting); a warning loses nothing but needs a look (an unknown key, an \
      id not in systems.csv). Exits 0 when there is no error, 1 when there is one, and 2 when DIR is not a \
      data directory. With --format json, prints the same as one JSON object (files, problems, summary; \
      documented in the README), also for exit status 2, whose object says why in "error".

      With --kpis, prints each KPI's status and exits with the worst, as monitoring plugins do \
      (Nagios, Icinga): 0 ok, 1 warning, 2 critical, 3 unknown. The first line carries every KPI's \
      performance data after a |, for graphs. --kpi NAME (repeatable) checks only the KPIs named; a \
      name that matches none exits 3 with the names there are.
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @OptionGroup var data: DataDirectoryOption
  @OptionGroup var user: UserConfigurationOption

  @Option(name: .shortAndLong, help: "Output format of the file check: text or json.")
  var format: Format = .text

  @Flag(help: "Print each KPI's status and exit with the worst (0 ok, 1 warn, 2 crit, 3 unknown).")
  var kpis = false

  @Option(name: .customLong("kpi"), help: ArgumentHelp("Check only this KPI (repeatable; implies --kpis).", valueName: "name"))
  var kpiNames: [String] = []

  @Option(help: "Evaluation time (ISO 8601, or YYYY-MM-DD HH:MM in the organisation's time zone). Default: now.")
  var now: String?

  @Flag(help: "Hide money figures in the KPI lines and their performance data.")
  var redactCosts = false

  func validate() throws {
    if format == .json && (kpis || !kpiNames.isEmpty) {
      throw ValidationError("--format json applies to the file check; --kpis prints the monitoring-plugin text")
    }
  }

  func run() throws {
    if kpis || !kpiNames.isEmpty {
      try checkKPIs()
      return
    }
    let userConfiguration = user.load()
    let report = try CheckReport.check(
      directory: data.path, shownPath: data.path, settle: .seconds(2), user: userConfiguration,
      sources: PrometheusSource.sources(of: userConfiguration)
    ) { configuration in
      try NowOption.resolve(now, zone: configuration.zone)
    }
    switch format {
    case .json:
      // Standard output holds one JSON object whatever the exit status, 2 included.
      print(report.json.text(pretty: true))
    case .text where report.exitStatus == 2:
      FileWrite.toStandardError(report.text)
    case .text:
      print(report.text, terminator: "")
    }
    if report.exitStatus != 0 { throw ExitCode(report.exitStatus) }
  }

  private func checkKPIs() throws {
    // A missing data directory means no KPI can be known: the plugin convention's UNKNOWN, said on
    // standard output, which is what a monitoring system shows.
    if let refusal = CheckReport.refusal(directory: data.path, shownPath: data.path) {
      print("KPI UNKNOWN - " + refusal.text, terminator: "")
      throw ExitCode(KPIStatus.unknown.exitCode)
    }
    let reading = try data.read(now: now, user: user.load())
    let snapshot = MetricEngine().snapshot(of: reading.input, at: reading.now)
    var results = snapshot.kpis
    if !kpiNames.isEmpty {
      let selection = KPICheck.select(kpiNames, from: results)
      guard selection.unknown.isEmpty else {
        let check = KPICheck.unknownNames(selection.unknown, known: results)
        print(check.text, terminator: "")
        throw ExitCode(check.exitCode)
      }
      results = selection.selected
    }
    let check = KPICheck(kpis: results, redactMoney: redactCosts)
    print(check.text, terminator: "")
    if check.exitCode != 0 { throw ExitCode(check.exitCode) }
  }
}
