/// Where a record came from: the file relative to the data directory and the physical line it starts on.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int

  public init(file: String, line: Int) {
    self.file = file
    self.line = line
  }

  public var description: String { "\(file):\(line)" }
}

/// A problem found in the data: printed as `file:line: message`, or `file: message` for a whole file.
public struct DataIssue: Hashable, Sendable, CustomStringConvertible {
  /// How bad a problem is, as the README's table of errors and warnings says: an error loses data
  /// (a rejected row or line, a file that cannot be read, an invalid setting); a warning loses
  /// nothing but needs a look (an unknown key, an id not in systems.csv...).
  public enum Severity: String, Hashable, Sendable, Comparable {
    case error, warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
  }

  public var file: String
  /// The physical line where the bad record starts (the header is line 1); nil for a whole-file problem.
  public var line: Int?
  public var message: String
  public var severity: Severity

  public init(file: String, line: Int?, message: String, severity: Severity = .error) {
    self.file = file
    self.line = line
    self.message = message
    self.severity = severity
  }

  public init(at location: SourceLocation, _ message: String, severity: Severity = .error) {
    self.init(file: location.file, line: location.line, message: message, severity: severity)
  }

  public var isError: Bool { severity == .error }

  /// By file, then line (a whole-file issue first).
  public static func fileOrder(_ lhs: DataIssue, _ rhs: DataIssue) -> Bool {
    if lhs.file != rhs.file { return lhs.file < rhs.file }
    return (lhs.line ?? 0) < (rhs.line ?? 0)
  }

  public var description: String {
    if let line { return "\(file):\(line): \(message)" }
    return "\(file): \(message)"
  }
}
