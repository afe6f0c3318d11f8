import ArgumentParser
import FoundationEssentials
import ImtopCore
import ImtopTerminal

/// `--config FILE`: the user's configuration, else `$XDG_CONFIG_HOME/imtop/config.toml` (the
/// README's "Configuration"). Its settings come after the command line's and before the data
/// directory's `imtop.toml`.
struct UserConfigurationOption: ParsableArguments {
  @Option(help: ArgumentHelp(
    "Your configuration (default $XDG_CONFIG_HOME/imtop/config.toml, or ~/.config/imtop/config.toml): over the data directory's imtop.toml, under the flags.",
    valueName: "FILE"))
  var config: String?

  func validate() throws {
    if config?.isEmpty == true { throw ValidationError("--config \"\": expected a file name") }
  }

  /// The file read; a missing default is no configuration, anything wrong is in its issues.
  func load(environment: [String: String] = ProcessInfo.processInfo.environment) -> UserConfiguration {
    UserConfiguration.load(explicit: config, environment: environment)
  }
}

/// What the live dashboard starts with, from the command line over the user's configuration: one
/// place for every start-up setting's precedence (flag, then the user's file, then the default).
struct StartSettings: Equatable {
  var overrides: DashboardProgram.Overrides
  var mouse: Bool
  var log: DashboardLog.Destination
  /// The user configuration's problems, for the feed (`file:line: error: message`).
  var notes: [String]

  init(display: DisplayOptions, live: LiveOptions, user: UserConfiguration, environment: [String: String]) {
    overrides = DashboardProgram.Overrides(
      theme: display.theme, drawingMode: display.requestedDrawingMode, kiosk: live.kiosk(configured: user.settings.kiosk),
      redactCosts: display.redactCosts)
    mouse = !live.noMouse && user.settings.mouse != false
    log = DashboardLog.destination(
      log: live.log, noLog: live.noLog, configured: user.settings.logFile, environment: environment)
    notes = user.issues.map(CheckReport.line)
  }
}
