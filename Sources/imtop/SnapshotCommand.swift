import ArgumentParser
import FoundationEssentials
import Glibc
import ImtopCore
import ImtopUI

/// `imtop snapshot`: one rendering of the dashboard, or every figure as JSON or markdown, for
/// scripts, cron jobs, e-mail and reports.
struct SnapshotCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "snapshot",
    abstract: "Print every figure once, as JSON, OpenMetrics or markdown, or a page of the dashboard as text.",
    discussion: """
      json: the whole snapshot as one JSON object (format documented in the README). \
      openmetrics: every figure as Prometheus gauges in OpenMetrics text, for node_exporter's textfile \
      collector or any scraper. \
      markdown: a report with a table per section, for e-mail and wikis. \
      text, ansi: a page of the dashboard rendered at --size, as plain text or with colours; a size \
      below the dashboard's minimum (\(ScreenLayout.minimum.width)x\(ScreenLayout.minimum.height)) exits with status 2. \
      --report sla (with markdown or json): per system and month of the fiscal year so far, \
      availability, coverage, outages, downtime and whether the SLA was met; --month YYYY-MM reports \
      one month of the fiscal year (another month exits with status 2).
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, ansi, json, openmetrics, markdown
  }

  enum Report: String, ExpressibleByArgument, CaseIterable {
    case sla
  }

  @OptionGroup var data: DataDirectoryOption

  @Option(name: .shortAndLong, help: "Output format: text, ansi, json, openmetrics or markdown.")
  var format: Format = .text

  @Option(help: "Evaluation time (ISO 8601, or YYYY-MM-DD HH:MM in the organisation's time zone). Default: now.")
  var now: String?

  @OptionGroup var rendering: RenderingOptions

  @Option(help: "A report instead of the whole snapshot: sla (monthly service figures), with markdown or json.")
  var report: Report?

  @Option(help: "With --report sla: only this month of the fiscal year (YYYY-MM).")
  var month: String?

  func run() throws {
    // A size too small to draw on is refused before the data is read.
    if format == .text || format == .ansi { _ = try rendering.renderableSize() }
    try checkReportOptions()
    try data.requireDataDirectory()
    let reading = try data.read(now: now, user: rendering.display.user.load())
    let snapshot = MetricEngine().snapshot(of: reading.input, at: reading.now)
    if report == .sla {
      try printSLAReport(snapshot, zone: reading.input.configuration.zone)
      return
    }
    switch format {
    case .json:
      SnapshotJSON(redactMoney: rendering.redactCosts).write(snapshot) { print($0, terminator: "") }
    case .openmetrics:
      let version = Imtop.configuration.version
      SnapshotOpenMetrics(version: version, redactMoney: rendering.redactCosts).write(snapshot) { print($0, terminator: "") }
    case .markdown:
      let markdown = SnapshotMarkdown(redactMoney: rendering.redactCosts, zone: reading.input.configuration.zone)
      print(markdown.render(snapshot), terminator: "")
    case .text, .ansi:
      print(try rendering.renderPage(snapshot, configuration: reading.input.configuration, ansi: format == .ansi), terminator: "")
    }
  }

  /// `--report` and `--month` that cannot go together with the rest exit 2 before the data is read.
  private func checkReportOptions() throws {
    if report == nil, month != nil { try SnapshotCommand.refuse("--month needs --report sla") }
    if report != nil, format != .markdown, format != .json {
      try SnapshotCommand.refuse("--report sla is written as markdown or json: add --format markdown or --format json")
    }
    if let month, YearMonth(month) == nil { try SnapshotCommand.refuse(SLAReport.MonthError.malformed(month).description) }
  }

  private func printSLAReport(_ snapshot: Snapshot, zone: Zone) throws {
    let slaReport: SLAReport
    do {
      slaReport = try SLAReport(snapshot: snapshot, month: month, zone: zone)
    } catch {
      try SnapshotCommand.refuse(error.description)
      return
    }
    if format == .json {
      print(slaReport.json().text(pretty: true))
    } else {
      print(slaReport.markdown(), terminator: "")
    }
  }

  /// A usage error of `snapshot`: the message on standard error, exit status 2.
  private static func refuse(_ message: String) throws {
    FileWrite.toStandardError("imtop snapshot: \(message)\n")
    throw ExitCode(2)
  }
}
