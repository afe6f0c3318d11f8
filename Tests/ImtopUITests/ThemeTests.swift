import Foundation
import ImtopTestSupport
import Testing
@testable import ImtopUI

@Suite struct ThemeTests {
  static var themesDirectory: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("themes")
  }

  @Test func embeddedThemesMatchTheFilesByteForByte() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.themesDirectory.path).filter { $0.hasSuffix(".toml") }.sorted()
    #expect(files.map { String($0.dropLast(5)) }.sorted() == EmbeddedThemes.order.sorted())
    for file in files {
      let data = try Data(contentsOf: Self.themesDirectory.appendingPathComponent(file))
      let name = String(file.dropLast(5))
      let embedded = try #require(EmbeddedThemes.files[name])
      #expect(Data(embedded.utf8) == data, "themes/\(file) differs from its embedded copy: run Scripts/embed-themes")
    }
  }

  @Test func everyShippedThemeParsesAndCoversTheStateRoles() {
    for name in ThemeCatalog.shippedNames {
      let theme = ThemeCatalog.shipped(name)
      #expect(theme?.name == name)
    }
    let theme = ThemeCatalog.fallback
    #expect(theme.style(for: .ok).foreground == .rgb(0x5F, 0xD7, 0x5F))
    #expect(theme.style(for: .muted).foreground == .indexed(245))
    #expect(theme.style(for: .crit).attributes == .bold)
    // The colour-blind theme uses Okabe-Ito vermillion for crit.
    #expect(ThemeCatalog.shipped("colorblind")?.style(for: .crit).foreground == .rgb(0xD5, 0x5E, 0x00))
    // Mono has no colour at all.
    let mono = ThemeCatalog.shipped("mono")
    #expect(mono?.styles.values.allSatisfy { $0.foreground == .terminalDefault && $0.background == .terminalDefault } == true)
  }

  @Test func colourForms() {
    #expect(Color(parsing: "#FF8000") == .rgb(255, 128, 0))
    #expect(Color(parsing: "red") == .ansi(1))
    #expect(Color(parsing: "bright-blue") == .ansi(12))
    #expect(Color(parsing: "Bright_White") == .ansi(15))
    #expect(Color(parsing: "default") == .terminalDefault)
    #expect(Color(parsing: "208") == .indexed(208))
    #expect(Color(parsing: "#12345") == nil)
    #expect(Color(parsing: "256") == nil)
    #expect(Color(parsing: "purple") == nil)
  }

  @Test func errorsNameTheFileAndLine() {
    let text = """
      name = "broken"

      [roles]
      ok = { fg = "green" }
      warn = { fg = "#12" }
      sparkles = { fg = "red" }
      crit = { fg = "red", attrs = ["blink"] }
      """
    guard case .failure(let errors) = ThemeLoader.parse(text, file: "mine.toml") else {
      Issue.record("a broken theme was accepted")
      return
    }
    let lines = errors.errors.map(\.description)
    #expect(lines.contains { $0.hasPrefix("mine.toml:5: warn.fg: expected") })
    #expect(lines.contains { $0.hasPrefix("mine.toml:6: unknown role 'sparkles'") })
    #expect(lines.contains { $0.hasPrefix("mine.toml:7: crit.attrs: expected bold") })
    #expect(errors.errors.count == 3)
  }

  @Test func tomlSyntaxErrorsCarryTheirLine() {
    guard case .failure(let errors) = ThemeLoader.parse("name = \"x\"\n[roles]\nok = { fg = \n", file: "bad.toml") else {
      Issue.record("a syntax error was accepted")
      return
    }
    #expect(errors.errors.first?.file == "bad.toml")
    #expect(errors.errors.first?.line == 3)
  }

  @Test func catalogReadsUserThemesAndLetsThemReplaceShippedOnes() throws {
    let directory = try TemporaryDirectory(prefix: "imtop-themes")
    defer { directory.remove() }
    try directory.write(["ocean.toml": "[roles]\nok = { fg = \"blue\" }\n", "default.toml": "[roles]\nok = { fg = 1 }\n"])
    let catalog = ThemeCatalog(userDirectory: directory.path)
    #expect(catalog.names() == ThemeCatalog.shippedNames + ["ocean"])
    guard case .success(let ocean) = catalog.load("ocean") else {
      Issue.record("ocean did not load")
      return
    }
    // Named after its file when it has no `name` key.
    #expect(ocean.name == "ocean")
    #expect(ocean.style(for: .ok).foreground == .ansi(4))
    guard case .success(let replaced) = catalog.load("default") else {
      Issue.record("the user's default did not load")
      return
    }
    #expect(replaced.style(for: .ok).foreground == .indexed(1))
    guard case .failure(let missing) = catalog.load("nope") else {
      Issue.record("a missing theme loaded")
      return
    }
    #expect(missing.description.contains("no such theme"))
  }

  @Test func userDirectoryFromTheEnvironment() {
    #expect(ThemeCatalog.userDirectory(environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/ops"]) == "/cfg/imtop/themes")
    // A relative XDG_CONFIG_HOME is ignored, as the XDG specification says.
    #expect(ThemeCatalog.userDirectory(environment: ["XDG_CONFIG_HOME": "cfg", "HOME": "/home/ops"]) == "/home/ops/.config/imtop/themes")
    #expect(ThemeCatalog.userDirectory(environment: [:]) == nil)
  }
}
