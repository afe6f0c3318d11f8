import Foundation
import TOMLKit

/// A problem in a theme file, printed as `file:line: message` like every data error.
public struct ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int?
  public var message: String

  public init(file: String, line: Int?, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  public var description: String {
    if let line { return "\(file):\(line): \(message)" }
    return "\(file): \(message)"
  }
}

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

/// Every problem a theme file has.
public struct ThemeErrors: Error, Hashable, Sendable, CustomStringConvertible {
  public var errors: [ThemeError]
  public init(_ errors: [ThemeError]) { self.errors = errors }
  public var description: String { errors.map(\.description).joined(separator: "\n") }
}

extension Color {
  static let ansiNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

  /// Reads `#rrggbb`, a decimal palette index, `default`, or an ANSI name (`red`, `bright-blue`,
  /// `brightblue`, `bright_blue`); nil for anything else.
  public init?(parsing text: String) {
    let lower = text.trimmingCharacters(in: .whitespaces).lowercased()
    if lower == "default" || lower == "none" {
      self = .terminalDefault
      return
    }
    if lower.hasPrefix("#") {
      let hex = Array(lower.dropFirst())
      guard hex.count == 6, let value = UInt32(String(hex), radix: 16) else { return nil }
      self = .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
      return
    }
    if let index = Int(lower) {
      guard (0...255).contains(index) else { return nil }
      self = .indexed(index)
      return
    }
    var name = lower.replacingOccurrences(of: "_", with: "-")
    var bright = false
    for prefix in ["bright-", "bright", "light-"] where name.hasPrefix(prefix) {
      bright = true
      name = String(name.dropFirst(prefix.count))
      break
    }
    if name == "grey" || name == "gray" {
      self = .ansi(bright ? 7 : 8)
      return
    }
    guard let index = Self.ansiNames.firstIndex(of: name) else { return nil }
    self = .ansi(index + (bright ? 8 : 0))
  }
}

/// Finds the line a key was written on, since TOMLKit does not keep positions of values.
struct SourceLines {
  private let lines: [Substring]

  init(_ text: String) {
    lines = text.split(separator: "\n", omittingEmptySubsequences: false)
  }

  /// The 1-based line of `key = ...` inside `[section]` (or before any section when nil).
  func line(ofKey key: String, in section: String?) -> Int? {
    var current: String?
    for (index, raw) in lines.enumerated() {
      let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
      if line.hasPrefix("[") {
        current = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] \t"))
        if current == key, section == nil { return index + 1 }
        continue
      }
      guard current == section else { continue }
      let name = line.split(separator: "=", maxSplits: 1).first?.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"")) ?? ""
      if name == key { return index + 1 }
    }
    return nil
  }
}
