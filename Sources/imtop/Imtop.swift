import ArgumentParser

/// The `imtop` command: the dashboard and its tools, one subcommand each.
@main
struct Imtop: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "imtop",
    abstract: "A terminal dashboard for information management technology: systems, budget and KPIs.",
    subcommands: [CheckCommand.self]
  )
}
