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

  /// Reads `imtop.toml` from its bytes; `path` names it in issues.
  public static func read(_ bytes: [UInt8], path: String = FileKind.config.fileName) -> ConfigurationReading {
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
    var builder = ConfigurationBuilder(root: root, index: TOMLLineIndex(text), path: path)
    builder.build()
    return ConfigurationReading(
      configuration: builder.configuration, issues: builder.issues.sorted { ($0.line ?? 0) < ($1.line ?? 0) },
      rejected: builder.rejected)
  }

  private static func failed(_ message: String, path: String, line: Int) -> ConfigurationReading {
    ConfigurationReading(issues: [DataIssue(file: path, line: line, message: message)], failure: message)
  }
}
