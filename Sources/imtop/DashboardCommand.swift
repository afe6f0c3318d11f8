import ArgumentParser
import FoundationEssentials
import ImtopCore

/// `imtop [DIR]`: the live dashboard. With no DIR: `$IMTOP_DATA`, else the current folder when it
/// holds `systems.csv`, else the built-in demo.
struct DashboardCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dashboard",
    abstract: "The live dashboard on a data directory (the default command).",
    discussion: """
      With no DIR: $IMTOP_DATA, else the current folder when it holds systems.csv, else the built-in demo.
      Keys: 1-6 or Tab pages, arrows/j/k move, Enter detail, Esc back, / filter, s sort, c columns, \
      p pause, r re-read, t theme, Ctrl-L repaint, ? help, q quit.
      """
  )

  @Argument(help: "The data directory.")
  var directory: String?

  @OptionGroup var display: DisplayOptions
  @OptionGroup var live: LiveOptions

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    let path = directory ?? environment["IMTOP_DATA"].flatMap { $0.isEmpty ? nil : $0 }
    let status: Int32
    if let path {
      let url = URL(fileURLWithPath: path)
      try DataDirectoryOption(directory: path).requireDataDirectory()
      status = try DashboardLauncher(directory: url, display: display, live: live).run()
    } else if DataDirectoryListing(directory: ".").hasSystems {
      status = try DashboardLauncher(directory: URL(fileURLWithPath: "."), display: display, live: live).run()
    } else {
      status = try DemoCommand.launch(directory: nil, seed: DemoCommand.defaultSeed, speed: 1, display: display, live: live)
    }
    if status != 0 { throw ExitCode(status) }
  }
}

extension DataDirectoryOption {
  init(directory: String?) {
    self.init()
    self.directory = directory
  }
}
