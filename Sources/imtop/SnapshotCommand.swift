import ArgumentParser
import Foundation
import ImtopCore
import ImtopUI

/// `imtop snapshot`: one rendering of the dashboard, or every figure as JSON or markdown, for
/// scripts, cron jobs, e-mail and reports.
struct SnapshotCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "snapshot",
    abstract: "Print every figure once, as JSON or markdown, or a page of the dashboard as text.",
    discussion: """
      json: the whole snapshot as one JSON object (format documented in the README). \
      markdown: a report with a table per section, for e-mail and wikis. \
      text, ansi: a page of the dashboard rendered at --size, as plain text or with colours; a size \
      below the dashboard's minimum (\(ScreenLayout.minimum.width)x\(ScreenLayout.minimum.height)) exits with status 2.
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, ansi, json, markdown
  }

  @OptionGroup var data: DataDirectoryOption

  @Option(name: .shortAndLong, help: "Output format: text, ansi, json or markdown.")
  var format: Format = .text

  @Option(help: "Evaluation time (ISO 8601, or YYYY-MM-DD HH:MM in the organisation's time zone). Default: now.")
  var now: String?

  @OptionGroup var rendering: RenderingOptions

  func run() throws {
    // A size too small to draw on is refused before the data is read.
    if format == .text || format == .ansi { _ = try rendering.renderableSize() }
    try data.requireDataDirectory()
    let reading = try data.read(now: now)
    let snapshot = MetricEngine().snapshot(of: reading.input, at: reading.now)
    switch format {
    case .json:
      print(SnapshotJSON(redactMoney: rendering.redactCosts).encode(snapshot))
    case .markdown:
      let markdown = SnapshotMarkdown(redactMoney: rendering.redactCosts, zone: reading.input.configuration.zone)
      print(markdown.render(snapshot), terminator: "")
    case .text, .ansi:
      print(try rendering.renderPage(snapshot, configuration: reading.input.configuration, ansi: format == .ansi), terminator: "")
    }
  }
}
