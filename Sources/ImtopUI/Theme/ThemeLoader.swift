import TOMLKit

/// Reads `themes/*.toml` text into a `Theme`.
///
/// The whole file is checked before anything is used: a theme with one bad colour is rejected with
/// every problem listed (file and line each), so the dashboard keeps its last good theme instead of
/// showing half of a new one.
public enum ThemeLoader {
  /// Parses a theme; `file` names it in errors, and the name defaults to the file's base name.
  public static func parse(_ text: String, file: String) -> Result<Theme, ThemeErrors> {
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      return .failure(ThemeErrors([ThemeError(file: file, line: error.source.begin.line, message: error.description)]))
    } catch {
      return .failure(ThemeErrors([ThemeError(file: file, line: nil, message: "not a TOML file")]))
    }
    let lines = SourceLines(text)
    var problems: [ThemeError] = []
    var styles: [Role: Style] = [:]
    let baseName = file.split(separator: "/").last.map { String($0) } ?? file
    let fallbackName = baseName.hasSuffix(".toml") ? String(baseName.dropLast(5)) : baseName
    var name = fallbackName
    for key in table.keys {
      switch key {
      case "name":
        if let value = table[key]?.string, !value.isEmpty { name = value } else {
          problems.append(ThemeError(file: file, line: lines.line(ofKey: key, in: nil), message: "name: expected a text"))
        }
      case "description": break
      case "roles":
        guard let roles = table[key]?.table else {
          problems.append(ThemeError(file: file, line: lines.line(ofKey: key, in: nil), message: "roles: expected a table"))
          continue
        }
        for roleKey in roles.keys {
          let line = lines.line(ofKey: roleKey, in: "roles")
          guard let role = Role(rawValue: roleKey) else {
            let known = Role.allCases.map(\.rawValue).joined(separator: ", ")
            problems.append(ThemeError(file: file, line: line, message: "unknown role '\(roleKey)' (roles: \(known))"))
            continue
          }
          switch style(roles[roleKey], role: roleKey) {
          case .success(let style): styles[role] = style
          case .failure(let message): problems.append(ThemeError(file: file, line: line, message: message))
          }
        }
      default:
        problems.append(ThemeError(file: file, line: lines.line(ofKey: key, in: nil),
                                   message: "unknown key '\(key)' (expected name, description, [roles])"))
      }
    }
    guard problems.isEmpty else { return .failure(ThemeErrors(problems)) }
    return .success(Theme(name: name, styles: styles))
  }

  private enum StyleResult {
    case success(Style)
    case failure(String)
  }

  private static func style(_ value: TOMLValueConvertible?, role: String) -> StyleResult {
    guard let table = value?.table else { return .failure("\(role): expected a table like { fg = \"red\", attrs = [\"bold\"] }") }
    var style = Style()
    for key in table.keys {
      switch key {
      case "fg", "bg":
        guard let color = color(table[key]) else {
          return .failure("\(role).\(key): expected \"#rrggbb\", 0-255, an ANSI name like \"bright-blue\", or \"default\"")
        }
        if key == "fg" { style.foreground = color } else { style.background = color }
      case "attrs":
        guard let list = table[key]?.array else { return .failure("\(role).attrs: expected a list like [\"bold\"]") }
        for item in list {
          guard let word = item.string, let attribute = attributeNames[word.lowercased()] else {
            return .failure("\(role).attrs: expected bold, dim, underline, reverse or italic")
          }
          style.attributes.insert(attribute)
        }
      default:
        return .failure("\(role): unknown key '\(key)' (expected fg, bg, attrs)")
      }
    }
    return .success(style)
  }

  static let attributeNames: [String: Attributes] = [
    "bold": .bold, "dim": .dim, "underline": .underline, "reverse": .reverse, "italic": .italic,
  ]

  /// `#rrggbb`, an integer 0-255, an ANSI colour name, or `default`.
  static func color(_ value: TOMLValueConvertible?) -> Color? {
    if let number = value?.int { return (0...255).contains(number) ? .indexed(number) : nil }
    guard let text = value?.string else { return nil }
    return Color(parsing: text)
  }
}
