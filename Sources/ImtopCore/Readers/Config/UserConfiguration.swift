import FoundationEssentials
import Glibc

/// Which file a configuration comes from: the data directory's `imtop.toml`, or the user's own
/// (`--config FILE`, else `$XDG_CONFIG_HOME/imtop/config.toml`), which may also set what a data
/// directory may not (`log.file`, `display.mouse`, `display.kiosk`).
public enum ConfigurationScope: Sendable, Hashable {
  case dataDirectory, user
}

/// The settings only the user's configuration gives; nil where it says nothing.
public struct UserSettings: Sendable, Hashable {
  /// `display.mouse`: false leaves the mouse to the terminal, as `--no-mouse` does.
  public var mouse: Bool?
  /// `display.kiosk`: wall-console mode, as `--kiosk`.
  public var kiosk: Bool?
  /// `log.file`: where the log goes, as `--log FILE`.
  public var logFile: String?
  /// `[[source]]`: the servers queried for samples besides the data directory's files.
  public var sources: [PrometheusSourceSettings]

  public init(mouse: Bool? = nil, kiosk: Bool? = nil, logFile: String? = nil, sources: [PrometheusSourceSettings] = []) {
    self.mouse = mouse
    self.kiosk = kiosk
    self.logFile = logFile
    self.sources = sources
  }
}

/// The user's configuration file, read once at start: the settings it gives (each over the data
/// directory's `imtop.toml`, under the command line), and what was wrong with it.
///
/// A missing file is no configuration and no problem; one that cannot be read or parsed gives no
/// settings and an issue, which the dashboard shows in its feed and `imtop check` lists.
public struct UserConfiguration: Sendable, Hashable {
  /// The file as named in messages; nil when there is none to read (no `HOME`).
  public var path: String?
  /// What the file sets (the other keys keep the data directory's value or the default).
  public var configuration: Configuration
  public var setKeys: Set<String>
  public var settings: UserSettings
  public var issues: [DataIssue]

  public init(
    path: String? = nil, configuration: Configuration = Configuration(), setKeys: Set<String> = [],
    settings: UserSettings = UserSettings(), issues: [DataIssue] = []
  ) {
    self.path = path
    self.configuration = configuration
    self.setKeys = setKeys
    self.settings = settings
    self.issues = issues
  }

  /// No user configuration: every setting from the data directory or the default.
  public static let none = UserConfiguration()

  /// Where the user's configuration is: `$XDG_CONFIG_HOME/imtop/config.toml`, where a relative or
  /// empty `XDG_CONFIG_HOME` is ignored as the XDG specification says, else
  /// `~/.config/imtop/config.toml`; nil when neither names a folder.
  public static func defaultPath(environment: [String: String]) -> String? {
    if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") { return config + "/imtop/config.toml" }
    if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.config/imtop/config.toml" }
    return nil
  }

  /// Reads `--config FILE` (which must exist), else the default path (which may be missing).
  public static func load(explicit: String?, environment: [String: String]) -> UserConfiguration {
    guard let path = explicit ?? defaultPath(environment: environment) else { return .none }
    switch Poller.readWhole(path) {
    case .success(let bytes):
      return read(bytes, path: path)
    case .failure(let failure):
      if explicit == nil, access(path, F_OK) != 0, errno == ENOENT { return UserConfiguration(path: path) }
      let issue = DataIssue(file: path, line: nil, message: failure.message + "; using no user configuration")
      return UserConfiguration(path: path, issues: [issue])
    }
  }

  /// Reads the file's bytes (the same reader and rules as `imtop.toml`).
  public static func read(_ bytes: [UInt8], path: String) -> UserConfiguration {
    let reading = ConfigurationReader.read(bytes, path: path, scope: .user)
    return UserConfiguration(
      path: path, configuration: reading.configuration, setKeys: reading.failure == nil ? reading.setKeys : [],
      settings: reading.userSettings, issues: reading.issues)
  }

  /// The settings in use: each key this file sets over `base` (the data directory's `imtop.toml`
  /// or the defaults). A KPI here replaces the data directory's of the same name, the others follow.
  public func applied(over base: Configuration) -> Configuration {
    var result = base
    for (key, copy) in Configuration.settingCopies where setKeys.contains(key) {
      copy(&result, configuration)
    }
    if setKeys.contains("kpi") {
      let names = Set(configuration.kpis.map(\.name))
      result.kpis = base.kpis.filter { !names.contains($0.name) } + configuration.kpis
    }
    return result
  }
}

extension Configuration {
  /// Each key of the configuration file with how to copy its value from one configuration into
  /// another: the one list the layering goes through.
  static let settingCopies: [(String, @Sendable (inout Configuration, Configuration) -> Void)] = [
    ("organization.name", { $0.organizationName = $1.organizationName }),
    ("organization.currency", { $0.currency = $1.currency }),
    ("organization.fiscal_year_start", { $0.fiscalYearStart = $1.fiscalYearStart }),
    ("organization.timezone", { ($0.zone, $0.zoneFallback) = ($1.zone, $1.zoneFallback) }),
    ("refresh.interval", { $0.refreshInterval = $1.refreshInterval }),
    ("refresh.stale_after", { $0.staleAfter = $1.staleAfter }),
    ("display.theme", { $0.theme = $1.theme }),
    ("display.pages", { $0.pages = $1.pages }),
    ("display.rotate", { $0.rotate = $1.rotate }),
    ("display.glyphs", { $0.glyphs = $1.glyphs }),
  ]
}
