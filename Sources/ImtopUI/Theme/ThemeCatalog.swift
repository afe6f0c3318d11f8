import FoundationEssentials

/// The themes a user can pick: the shipped ones (embedded in the binary) and their own from the user
/// theme directory, where a file with a shipped theme's name replaces it.
///
/// The directory is passed in (see `userDirectory(environment:home:)`), never looked up by widgets,
/// so tests and `imtop snapshot` choose exactly what they read.
public struct ThemeCatalog: Sendable {
  /// `$XDG_CONFIG_HOME/imtop/themes`, or `~/.config/imtop/themes`; nil to use shipped themes only.
  public var userDirectory: String?

  public init(userDirectory: String? = nil) {
    self.userDirectory = userDirectory
  }

  /// Where user themes live, from the environment: `$XDG_CONFIG_HOME/imtop/themes` when it is set to
  /// an absolute path, else `$HOME/.config/imtop/themes`; nil when neither is known.
  public static func userDirectory(environment: [String: String]) -> String? {
    if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/imtop/themes" }
    if let home = environment["HOME"], !home.isEmpty { return home + "/.config/imtop/themes" }
    return nil
  }

  /// The shipped theme names, in the order `t` cycles them.
  public static var shippedNames: [String] { EmbeddedThemes.order }

  /// Shipped names first, then user themes that are not overrides, alphabetically.
  public func names() -> [String] {
    let shipped = Self.shippedNames
    let extra = userFiles().keys.filter { !shipped.contains($0) }.sorted()
    return shipped + extra
  }

  /// Loads a theme by name: the user's file when there is one, else the shipped copy.
  public func load(_ name: String) -> Result<Theme, ThemeErrors> {
    if let path = userFiles()[name] {
      guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
        return .failure(ThemeErrors([ThemeError(file: path, line: nil, message: "cannot be read as UTF-8 text")]))
      }
      return ThemeLoader.parse(text, file: path)
    }
    if let text = EmbeddedThemes.files[name] { return ThemeLoader.parse(text, file: "themes/\(name).toml") }
    let known = names().joined(separator: ", ")
    return .failure(ThemeErrors([ThemeError(file: name, line: nil, message: "no such theme (themes: \(known))")]))
  }

  /// A shipped theme, parsed from the embedded copy.
  public static func shipped(_ name: String) -> Theme? {
    guard let text = EmbeddedThemes.files[name], case .success(let theme) = ThemeLoader.parse(text, file: "themes/\(name).toml") else {
      return nil
    }
    return theme
  }

  /// The default theme; a colourless one if even that failed to parse (a test makes sure it does not).
  public static var fallback: Theme { shipped("default") ?? Theme(name: "default", styles: [:]) }

  /// User theme files by name (`name.toml` → `name`).
  private func userFiles() -> [String: String] {
    guard let directory = userDirectory,
      let entries = try? FileManager.default.contentsOfDirectory(atPath: directory)
    else { return [:] }
    var result: [String: String] = [:]
    for entry in entries where entry.hasSuffix(".toml") && !entry.hasPrefix(".") {
      result[String(entry.dropLast(5))] = directory + "/" + entry
    }
    return result
  }
}
