import ArgumentParser
import ImtopTerminal

/// The `imtop` command: the dashboard and its tools, one subcommand each.
@main
struct Imtop: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "imtop",
    abstract: "A terminal dashboard for information management technology: systems, budget and KPIs.",
    discussion: """
      imtop [DIR] runs the live dashboard on a data directory (see `imtop help dashboard` for its \
      flags); with nothing prepared, it runs the built-in demo. The other commands print or check \
      without a terminal.
      """,
    version: "0.1.0",
    subcommands: [
      DashboardCommand.self, DemoCommand.self, SnapshotCommand.self, CheckCommand.self, ServeCommand.self, ThemesCommand.self,
    ],
    defaultSubcommand: DashboardCommand.self
  )

  static func main() {
    // Before anything else: the runtime reads SWIFT_BACKTRACE only as the process starts.
    CrashReport.configureRuntime()
    ProcessHeap.useOneArena()
    main(nil)
  }
}
