import Foundation
import ImtopTestSupport
import Testing

@testable import ImtopCore

/// The user's configuration (the README's "Configuration"): read with `imtop.toml`'s reader and
/// rules, laid over the data directory's settings key by key, and alone in setting the log, the
/// mouse and kiosk mode.
@Suite struct UserConfigurationTests {
  static let dataDirectoryFile = """
    [organization]
    name = "Data IT"
    currency = "USD"
    fiscal_year_start = 4
    timezone = "Europe/Berlin"

    [refresh]
    interval = "5s"
    stale_after = "15m"

    [display]
    theme = "dark"
    pages = ["systems", "budget"]
    rotate = "30s"
    glyphs = "ascii"

    [[kpi]]
    name = "Tickets"
    expr = "last(metric('tickets_open'))"

    """

  static let userFile = """
    [organization]
    name = "User IT"
    currency = "GBP"
    fiscal_year_start = 7
    timezone = "America/New_York"

    [refresh]
    interval = "10s"
    stale_after = "20m"

    [display]
    theme = "light"
    pages = ["kpis"]
    rotate = "1m"
    glyphs = "blocks"

    [[kpi]]
    name = "Tickets"
    expr = "last(metric('tickets_closed'))"

    """

  private func user(_ text: String) -> UserConfiguration {
    UserConfiguration.read(Array(text.utf8), path: "/home/u/.config/imtop/config.toml")
  }

  private func dataDirectory(_ text: String) -> Configuration {
    ConfigurationReader.read(Array(text.utf8)).configuration
  }

  /// Every key, one row each: (key, the user's value, the data directory's, the default).
  static func table(_ c: Configuration) -> [String: String] {
    [
      "organization.name": c.organizationName, "organization.currency": c.currency ?? "nil",
      "organization.fiscal_year_start": "\(c.fiscalYearStart)", "organization.timezone": "\(c.zone)",
      "refresh.interval": "\(c.refreshInterval)", "refresh.stale_after": "\(c.staleAfter)",
      "display.theme": c.theme, "display.pages": c.pages.map(\.rawValue).joined(separator: ","),
      "display.rotate": "\(c.rotate)", "display.glyphs": c.glyphs?.rawValue ?? "nil",
    ]
  }

  /// For every key: what the user's file gives wins over the data directory's, which wins over the
  /// default; a key the user's file leaves out keeps the data directory's value (the flags come
  /// first: `StartSettingsTests` and the feed's interval).
  /// The time zone and the reason it fell back to UTC travel together: the user's zone replaces
  /// the data directory's fallback and its warning.
  @Test func aZoneFallbackIsLayeredWithItsZone() {
    let data = dataDirectory("[organization]\ntimezone = \"Mars/Olympus\"\n")
    #expect(data.zone == .utc && data.zoneFallback?.identifier == "Mars/Olympus")
    let berlin = user("[organization]\ntimezone = \"Europe/Berlin\"\n").applied(over: data)
    #expect(berlin.zone.identifier == "Europe/Berlin" && berlin.zoneFallback == nil)
    #expect(UserConfiguration.none.applied(over: data).zoneFallback?.identifier == "Mars/Olympus")
    let lacking = user("[organization]\ntimezone = \"Mars/Olympus\"\n").applied(over: dataDirectory("[organization]\ntimezone = \"Europe/Berlin\"\n"))
    #expect(lacking.zone == .utc && lacking.zoneFallback?.identifier == "Mars/Olympus")
  }

  @Test func userOverDataDirectoryOverDefaultForEveryKey() throws {
    let expected: [(key: String, user: String, data: String, fallback: String)] = [
      ("organization.name", "User IT", "Data IT", "Organisation"),
      ("organization.currency", "GBP", "USD", "nil"),
      ("organization.fiscal_year_start", "7", "4", "1"),
      ("organization.timezone", "\(Zone(identifier: "America/New_York")!)", "\(Zone(identifier: "Europe/Berlin")!)", "\(Zone.utc)"),
      ("refresh.interval", "\(Span.seconds(10))", "\(Span.seconds(5))", "\(Span.seconds(2))"),
      ("refresh.stale_after", "\(Span.minutes(20))", "\(Span.minutes(15))", "\(Span.minutes(10))"),
      ("display.theme", "light", "dark", "default"),
      ("display.pages", "kpis", "systems,budget", PageName.allCases.map(\.rawValue).joined(separator: ",")),
      ("display.rotate", "\(Span.minutes(1))", "\(Span.seconds(30))", "\(Span.seconds(20))"),
      ("display.glyphs", "blocks", "ascii", "nil"),
    ]
    #expect(Set(expected.map(\.key)) == Set(Configuration.settingCopies.map(\.0)))
    let full = user(Self.userFile)
    #expect(full.issues.isEmpty)
    let data = dataDirectory(Self.dataDirectoryFile)
    for row in expected {
      #expect(full.setKeys.contains(row.key))
      #expect(Self.table(full.applied(over: data))[row.key] == row.user, "\(row.key)")
      #expect(Self.table(full.applied(over: Configuration()))[row.key] == row.user, "\(row.key)")
      #expect(Self.table(UserConfiguration.none.applied(over: data))[row.key] == row.data, "\(row.key)")
      #expect(Self.table(Configuration())[row.key] == row.fallback, "\(row.key)")
      // Only this key in the user's file: it alone changes.
      var only = full
      only.setKeys = [row.key]
      let merged = Self.table(only.applied(over: data))
      for other in expected {
        #expect(merged[other.key] == (other.key == row.key ? other.user : other.data), "\(row.key) → \(other.key)")
      }
    }
  }

  @Test func aKPIOfTheSameNameReplacesTheDataDirectorysAndOthersFollow() {
    let file = user(Self.userFile + """
      [[kpi]]
      name = "Own"
      expr = "1"

      """)
    let merged = file.applied(over: dataDirectory(Self.dataDirectoryFile))
    #expect(merged.kpis.map(\.name) == ["Tickets", "Own"])
    #expect(merged.kpis.map(\.expression) == ["last(metric('tickets_closed'))", "1"])
    #expect(merged.kpis[0].location == SourceLocation(file: "/home/u/.config/imtop/config.toml", line: 17))
  }

  @Test func theUsersFileAloneSetsTheLogTheMouseAndKioskMode() {
    let file = user("""
      [display]
      mouse = false
      kiosk = true

      [log]
      file = "/var/log/imtop/wall.log"

      """)
    #expect(file.issues.isEmpty)
    #expect(file.settings == UserSettings(mouse: false, kiosk: true, logFile: "/var/log/imtop/wall.log"))
    #expect(file.setKeys.isEmpty)
  }

  @Test func aDataDirectoryTryingToSetAUserOnlyKeyIsIgnoredWithAWarning() {
    let reading = ConfigurationReader.read(Array("""
      [display]
      theme = "dark"
      mouse = false
      kiosk = true

      [log]
      file = "/tmp/elsewhere.log"

      """.utf8))
    #expect(reading.issues.map { "\($0.line ?? 0) \($0.severity) \($0.message)" } == [
      "3 warning display.mouse (ignored): set by the user's configuration or the command line, never by the data directory",
      "4 warning display.kiosk (ignored): set by the user's configuration or the command line, never by the data directory",
      "6 warning unknown key \"log\" (ignored): the log is set by --log or the user's configuration, never by the data directory",
    ])
    #expect(reading.rejected == 0)
    #expect(reading.userSettings == UserSettings())
    #expect(reading.configuration.theme == "dark")
  }

  @Test func badValuesLoseOnlyTheirSettingWithFileAndLine() {
    let file = user("""
      [refresh]
      interval = "1ms"

      [display]
      mouse = "no"
      theme = "light"
      colour = true

      [log]
      file = ""

      """)
    #expect(file.issues.map(CheckReportLine.of) == [
      "/home/u/.config/imtop/config.toml:2: error: refresh.interval \"1ms\": expected a duration from 100ms to 1d",
      "/home/u/.config/imtop/config.toml:5: error: display.mouse must be true or false, not \"no\"",
      "/home/u/.config/imtop/config.toml:7: warning: unknown key \"display.colour\" (ignored): expected one of theme, pages, rotate, glyphs, mouse, kiosk",
      "/home/u/.config/imtop/config.toml:10: error: log.file \"\": expected a file name",
    ])
    #expect(file.setKeys == ["display.theme"])
    #expect(file.settings == UserSettings())
  }

  @Test func aSyntaxErrorSetsNothing() {
    let file = user("[display]\ntheme = \"light\"\nrotate = = 3\n")
    #expect(file.setKeys.isEmpty)
    #expect(file.issues.count == 1)
    #expect(file.issues.first?.line == 3)
    #expect(file.applied(over: dataDirectory(Self.dataDirectoryFile)) == dataDirectory(Self.dataDirectoryFile))
  }

  @Test func theDefaultPathFollowsXDGAndIgnoresARelativeOrEmptyValue() {
    #expect(UserConfiguration.defaultPath(environment: ["XDG_CONFIG_HOME": "/etc/wall", "HOME": "/home/u"]) == "/etc/wall/imtop/config.toml")
    #expect(UserConfiguration.defaultPath(environment: ["XDG_CONFIG_HOME": "conf", "HOME": "/home/u"]) == "/home/u/.config/imtop/config.toml")
    #expect(UserConfiguration.defaultPath(environment: ["XDG_CONFIG_HOME": "", "HOME": "/home/u"]) == "/home/u/.config/imtop/config.toml")
    #expect(UserConfiguration.defaultPath(environment: ["HOME": "/home/u"]) == "/home/u/.config/imtop/config.toml")
    #expect(UserConfiguration.defaultPath(environment: [:]) == nil)
  }

  @Test func aMissingDefaultFileIsFineButAMissingOrUnreadableNamedOneIsSaid() throws {
    let folder = try TemporaryDirectory(prefix: "imtop-user")
    defer { folder.remove() }
    let missing = UserConfiguration.load(explicit: nil, environment: ["XDG_CONFIG_HOME": folder.path])
    #expect(missing.issues.isEmpty)
    #expect(missing.path == folder.path + "/imtop/config.toml")
    let named = UserConfiguration.load(explicit: folder.path + "/wall.toml", environment: [:])
    #expect(named.issues.map(CheckReportLine.of) == [
      folder.path + "/wall.toml: error: cannot be read: No such file or directory; using no user configuration"
    ])
    try FileManager.default.createDirectory(at: folder.file("imtop/config.toml"), withIntermediateDirectories: true)
    let folderInstead = UserConfiguration.load(explicit: nil, environment: ["XDG_CONFIG_HOME": folder.path])
    #expect(folderInstead.issues.count == 1)
    #expect(folderInstead.issues.first?.message.hasPrefix("cannot be read: ") == true)
    #expect(folderInstead.setKeys.isEmpty)
  }

  /// A data directory read once with a user's configuration: the settings in use are layered, and
  /// the user file's problems are listed with the data's (`imtop check`).
  @Test func aDirectoryReadingLaysTheUsersFileOverImtopTomlAndListsItsProblems() throws {
    let folder = try TemporaryDirectory(prefix: "imtop-user")
    defer { folder.remove() }
    try folder.write(["systems.csv": "id\nerp\n", "imtop.toml": "[display]\ntheme = \"dark\"\nrotate = \"30s\"\n"])
    let file = user("[display]\ntheme = \"light\"\nmouse = 3\n")
    let reading = DirectoryReading(directory: folder.path, user: file) { _ in Timestamp(seconds: 1_775_088_000) }
    #expect(reading.input.configuration.theme == "light")
    #expect(reading.input.configuration.rotate == .seconds(30))
    #expect(reading.input.issues.map(CheckReportLine.of).contains(
      "/home/u/.config/imtop/config.toml:3: error: display.mouse must be true or false, not 3"))
  }
}

/// An issue as `imtop check` prints it.
enum CheckReportLine {
  static func of(_ issue: DataIssue) -> String { CheckReport.line(issue) }
}
