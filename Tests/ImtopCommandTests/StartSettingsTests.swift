import ImtopCore
import ImtopTerminal
import Testing

@testable import imtop

/// What the dashboard starts with: each flag over the user's configuration over the default.
@Suite struct StartSettingsTests {
  static let environment = ["HOME": "/home/u"]

  private func settings(_ arguments: [String], _ user: UserSettings = UserSettings()) throws -> StartSettings {
    let display = try DisplayOptions.parse(arguments.filter { !LiveOptionsFlags.all.contains($0.split(separator: "=").first.map(String.init) ?? $0) })
    let live = try LiveOptions.parse(arguments.filter { LiveOptionsFlags.all.contains($0.split(separator: "=").first.map(String.init) ?? $0) })
    return StartSettings(display: display, live: live, user: UserConfiguration(settings: user), environment: Self.environment)
  }

  @Test func kioskFromTheFlagElseTheUsersFileElseOff() throws {
    #expect(try settings([]).overrides.kiosk == false)
    #expect(try settings([], UserSettings(kiosk: true)).overrides.kiosk == true)
    #expect(try settings([], UserSettings(kiosk: false)).overrides.kiosk == false)
    #expect(try settings(["--kiosk"], UserSettings(kiosk: false)).overrides.kiosk == true)
  }

  @Test func noKioskOverridesTheUsersFile() throws {
    #expect(try settings(["--no-kiosk"], UserSettings(kiosk: true)).overrides.kiosk == false)
    #expect(try settings(["--no-kiosk"]).overrides.kiosk == false)
    #expect(throws: (any Error).self) { try LiveOptions.parse(["--kiosk", "--no-kiosk"]) }
  }

  @Test func mouseOffByTheFlagOrTheUsersFile() throws {
    #expect(try settings([]).mouse == true)
    #expect(try settings([], UserSettings(mouse: true)).mouse == true)
    #expect(try settings([], UserSettings(mouse: false)).mouse == false)
    #expect(try settings(["--no-mouse"], UserSettings(mouse: true)).mouse == false)
  }

  @Test func logFromTheFlagsElseTheUsersFileElseTheStateFolder() throws {
    let user = UserSettings(logFile: "/var/log/wall.log")
    #expect(try settings([]).log == .file(path: "/home/u/.local/state/imtop/imtop.log", createFolders: true))
    #expect(try settings([], user).log == .file(path: "/var/log/wall.log", createFolders: false))
    #expect(try settings(["--log=/tmp/flag.log"], user).log == .file(path: "/tmp/flag.log", createFolders: false))
    #expect(try settings(["--no-log"], user).log == .off(note: nil))
  }

  @Test func themeAndGlyphFlagsOverrideTheConfigurationsAndTheUsersProblemsAreNotes() throws {
    #expect(try settings([]).overrides.theme == nil)
    #expect(try settings(["--theme=dark"]).overrides.theme == "dark")
    #expect(try settings(["--glyphs=ascii"]).overrides.drawingMode == .ascii)
    let problems = UserConfiguration.read(Array("[display]\nmouse = 1\n".utf8), path: "/home/u/.config/imtop/config.toml")
    let started = StartSettings(
      display: try DisplayOptions.parse([]), live: try LiveOptions.parse([]), user: problems, environment: Self.environment)
    #expect(started.notes == ["/home/u/.config/imtop/config.toml:2: error: display.mouse must be true or false, not 1"])
  }
}

/// The flags `LiveOptions` parses (the others are `DisplayOptions`').
private enum LiveOptionsFlags {
  static let all: Set<String> = ["--kiosk", "--no-kiosk", "--no-mouse", "--log", "--no-log", "--interval"]
}
