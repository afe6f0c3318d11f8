/// Why one value of a record could not be read; the message names the column, quotes the value, and
/// says what was expected (`criticality "5" is out of range: expected 1 (most critical) to 4`).
public struct ValueError: Error, Hashable, Sendable {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }
}
