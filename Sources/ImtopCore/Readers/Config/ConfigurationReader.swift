import TOMLKit

/// Reads `imtop.toml` (the README's configuration section) with TOMLKit.
///
/// A broken file never stops the dashboard: a syntax error means every setting takes its default and
/// the error is reported with its line and column; a bad value loses only that setting; an unknown
/// key (a typo, most often) is reported as a warning so that it does not fail silently.
public enum ConfigurationReader {
  /// The keys of each table, in the order the messages list them.
  static let knownKeys: [String: [String]] = [
    "organization": ["name", "currency", "fiscal_year_start", "timezone"],
    "refresh": ["interval", "stale_after"],
    "display": ["theme", "pages", "rotate", "glyphs"],
    "kpi": ["name", "expr", "unit", "target", "warn", "crit", "better"],
  ]

  /// `display` keys of the user's configuration only: how the terminal is taken at start (a data
  /// directory must not lock a user's keyboard into kiosk mode).
  static let userOnlyDisplayKeys = ["mouse", "kiosk"]

  /// The keys a file of `scope` may set: the user's configuration adds `display.mouse`,
  /// `display.kiosk` and the `[log]` table.
  static func knownKeys(_ scope: ConfigurationScope) -> [String: [String]] {
    guard scope == .user else { return knownKeys }
    var keys = knownKeys
    keys["display", default: []] += userOnlyDisplayKeys
    keys["log"] = ["file"]
    return keys
  }

  /// Reads `imtop.toml` (or, for `.user`, the user's `config.toml`) from its bytes; `path` names it in issues.
  public static func read(
    _ bytes: [UInt8], path: String = FileKind.config.fileName, scope: ConfigurationScope = .dataDirectory
  ) -> ConfigurationReading {
    if let problem = TextCheck.problem(in: bytes) {
      return failed("\(problem.message); using the default settings", path: path, line: problem.line)
    }
    if let bad = TOMLHeaderCheck.firstBadHeader(in: bytes) {
      return failed(
        "TOML syntax error at column \(bad.column): \(bad.problem); using the default settings", path: path,
        line: bad.line)
    }
    let text = String(decoding: bytes, as: UTF8.self)
    let root: TOMLTable
    do {
      root = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      let position = error.source.begin
      return failed(
        "TOML syntax error at column \(position.column): \(error.description); using the default settings",
        path: path, line: position.line)
    } catch {
      return failed("not readable as TOML: \(error); using the default settings", path: path, line: 1)
    }
    var builder = ConfigurationBuilder(root: root, index: TOMLLineIndex(text), path: path, scope: scope)
    builder.build()
    return ConfigurationReading(
      configuration: builder.configuration, issues: builder.issues.sorted { ($0.line ?? 0) < ($1.line ?? 0) },
      rejected: builder.rejected, setKeys: builder.setKeys, userSettings: builder.userSettings)
  }

  private static func failed(_ message: String, path: String, line: Int) -> ConfigurationReading {
    ConfigurationReading(issues: [DataIssue(file: path, line: line, message: message)], failure: message)
  }
}
