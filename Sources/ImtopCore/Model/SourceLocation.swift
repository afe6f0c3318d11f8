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
  public var file: String
  /// The physical line where the bad record starts (the header is line 1); nil for a whole-file problem.
  public var line: Int?
  public var message: String

  public init(file: String, line: Int?, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  public init(at location: SourceLocation, _ message: String) {
    self.init(file: location.file, line: location.line, message: message)
  }

  public var description: String {
    if let line { return "\(file):\(line): \(message)" }
    return "\(file): \(message)"
  }
}
