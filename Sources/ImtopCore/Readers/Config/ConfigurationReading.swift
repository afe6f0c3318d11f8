/// What reading `imtop.toml` yields: the settings to use, and what was wrong with the file.
public struct ConfigurationReading: Sendable {
  /// The settings read; the default for every key missing or broken, all defaults for a file that
  /// cannot be parsed.
  public var configuration: Configuration
  /// Bad values and syntax errors (each rejects a setting), and unknown keys (warnings).
  public var issues: [DataIssue]
  /// Set when the whole file was rejected (a TOML syntax error, not UTF-8).
  public var failure: String?
  /// Settings or `[[kpi]]` tables rejected; unknown keys are not counted.
  public var rejected: Int
  /// The settings the file gives with a value kept (`refresh.interval`, `kpi`): what it overrides
  /// of a configuration below it.
  public var setKeys: Set<String>
  /// What only the user's configuration sets (`display.mouse`, `display.kiosk`, `log.file`).
  public var userSettings: UserSettings

  public init(
    configuration: Configuration = Configuration(), issues: [DataIssue] = [], failure: String? = nil, rejected: Int = 0,
    setKeys: Set<String> = [], userSettings: UserSettings = UserSettings()
  ) {
    self.configuration = configuration
    self.issues = issues
    self.failure = failure
    self.rejected = rejected
    self.setKeys = setKeys
    self.userSettings = userSettings
  }
}
