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

/// Every problem a theme file has.
public struct ThemeErrors: Error, Hashable, Sendable, CustomStringConvertible {
  public var errors: [ThemeError]
  public init(_ errors: [ThemeError]) { self.errors = errors }
  public var description: String { errors.map(\.description).joined(separator: "\n") }
}
